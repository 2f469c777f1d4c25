import { parseResultText, parseTarget, parseVerdict } from '../../../src/core/grammar';
import { judgeIndicator, type IndicatorFacts } from '../../../src/core/judge/indicator';

function facts(over: Partial<IndicatorFacts> & { t?: string; r?: string; e?: string }): IndicatorFacts {
  const { t, r, e, ...rest } = over;
  const target = t === undefined ? null : parseTarget(t);
  return {
    unit: '%',
    target,
    targetYear: 2026,
    allTargets: target ? [target] : [],
    result: parseResultText(r ?? ''),
    evaluation: e ? parseVerdict(e) : null,
    evaluationNotApplicable: false,
    period: 2026,
    isPlan: false,
    ...rest,
  };
}

describe('judgeIndicator applies the rules in order', () => {
  it.each([
    // [target, result, evaluation, expected status]
    ['≥ 90', '72,5', undefined, 'not_met'],
    ['90', '90', undefined, 'met'],
    ['> 90', '90', undefined, 'not_met'],
    ['Trên 90%', '90,01', undefined, 'met'],
    ['100', '99,9', undefined, 'not_met'],
    ['100', '99,999', undefined, 'met'], // compared at 2 decimals
    ['≤ 5', '4', undefined, 'met'],
    ['80-90%', '80', undefined, 'met'],
    ['90', 'Không phát sinh thủ tục trong kỳ', undefined, 'not_applicable'],
    ['Báo cáo', '', undefined, 'manual'],
    ['-', '50', undefined, 'no_target'],
    ['100% & 97% CB', '100', undefined, 'manual'],
    ['Tăng cường ứng dụng', '', undefined, 'manual'],
    ['Đạt', 'Đạt', undefined, 'met'],
    ['Đạt', '', 'Chưa đạt', 'not_met'],
    ['Đạt', '', undefined, 'no_data'],
    ['90', '', undefined, 'no_data'],
    ['90', '#DIV/0!', undefined, 'invalid'],
    ['90', '-5', undefined, 'invalid'],
    ['90', '120', undefined, 'invalid'],
    ['90', '', 'Khó đạt', 'at_risk'],
    ['90', '', 'Chưa đánh giá', 'no_data'],
    ['90', '', 'Đạt', 'met'],
  ])('target %p, result %p, evaluation %p → %p', (t, r, e, status) => {
    expect(judgeIndicator(facts({ t, r, ...(e ? { e } : {}) })).status).toBe(status);
  });

  it('puts a shortfall on a target due after the period at risk, not missed', () => {
    expect(judgeIndicator(facts({ t: '100', r: '80', targetYear: 2030 })).status).toBe('at_risk');
    expect(judgeIndicator(facts({ t: '100', r: '100', targetYear: 2030 })).status).toBe('met');
  });

  it('lets numbers win over a stated evaluation and flags the contradiction', () => {
    const j = judgeIndicator(facts({ t: '≥ 90', r: '72,5', e: 'Đạt' }));
    expect(j).toMatchObject({ status: 'not_met', contradiction: true });
    expect(judgeIndicator(facts({ t: '≥ 90', r: '95', e: 'Đạt' })).contradiction).toBe(false);
  });

  it('a report unit is manual whatever the target', () => {
    expect(judgeIndicator(facts({ unit: 'Báo cáo', t: '' })).status).toBe('manual');
  });

  it('judges a plan by whether it can be measured', () => {
    const plan = (targets: string[]) => judgeIndicator(facts({ isPlan: true, period: null, allTargets: targets.map(parseTarget), target: null }));
    expect(plan(['≥ 60%', '100%']).status).toBe('no_data');
    expect(plan(['Đạt']).status).toBe('no_data');
    expect(plan(['Tăng cường ứng dụng', 'Duy trì']).status).toBe('manual');
    expect(plan(['100% & 97% CB', 'Duy trì']).status).toBe('manual');
    expect(plan(['-', '-']).status).toBe('no_target');
  });

  it('an evaluation of "Không phát sinh" with no result is not applicable', () => {
    expect(judgeIndicator(facts({ t: '100', r: '', evaluationNotApplicable: true })).status).toBe('not_applicable');
  });
});
