import { INDICATOR_STATUSES, TASK_STATUSES } from '../../../src/core/check/report';
import { STATUS_LABELS } from '../../../src/core/check/labels';
import { STATUS_COLOURS } from '../../../src/core/plan/palette';
import { ciede2000, contrastRatio, greyOf, hexToLab } from '../../../src/core/status/colour-science';
import { INDICATOR_LEGEND, STATUS, TASK_LEGEND, type Status } from '../../../src/core/status/vocabulary';
import { ALL_LEGEND, legendPlan } from '../../../src/core/status/legend';

/** Fills that appear together: the cells of an indicator rollup, and the rows of a task table. */
const GROUPS: readonly (readonly Status[])[] = [INDICATOR_LEGEND, TASK_LEGEND];

function pairs(list: readonly Status[]): [Status, Status][] {
  const out: [Status, Status][] = [];
  list.forEach((a, i) => list.slice(i + 1).forEach(b => out.push([a, b])));
  return out;
}

describe('the status vocabulary', () => {
  it('names every status of the product, in Vietnamese and English', () => {
    for (const s of [...INDICATOR_STATUSES, ...TASK_STATUSES, 'not_reported' as const]) {
      expect(STATUS[s].vi).not.toBe('');
      expect(STATUS[s].en).not.toBe('');
    }
    // One name per status within each kind of table.
    for (const g of GROUPS) expect(new Set(g.map(s => STATUS[s].vi)).size).toBe(g.length);
  });

  it('is the table the older imports read', () => {
    for (const s of INDICATOR_LEGEND) {
      expect(STATUS_LABELS[s].vi).toBe(STATUS[s].vi);
      expect(STATUS_COLOURS[s].fill).toBe(STATUS[s].fill);
    }
  });

  it('avoids the ambiguous "chỉ tiêu" for a missing target', () => {
    expect(STATUS.no_target.vi).not.toMatch(/chỉ tiêu/i);
  });

  it.each(GROUPS.flatMap(g => pairs(g)))('keeps %s and %s ≥ 10 ΔE00 apart on screen and ≥ 6 L* apart in greyscale', (a, b) => {
    const la = hexToLab(STATUS[a].fill), lb = hexToLab(STATUS[b].fill);
    expect(ciede2000(la, lb)).toBeGreaterThanOrEqual(10);
    expect(Math.abs(la.L - lb.L)).toBeGreaterThanOrEqual(6);
    // In greyscale ΔE00 is the lightness term alone; it must not vanish either.
    expect(ciede2000(greyOf(la), greyOf(lb))).toBeGreaterThanOrEqual(3.5);
  });

  it.each([...INDICATOR_LEGEND, ...TASK_LEGEND])('writes %s in a text colour with contrast ≥ 4.5:1', s => {
    expect(contrastRatio(STATUS[s].fill, STATUS[s].font)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the legend', () => {
  it('lists every status once with its colours, names in both languages and meaning', () => {
    const rows = [...legendPlan().rows()];
    expect(rows[0]?.[0]?.value).toEqual({ t: 's', s: 'Chú thích màu / Colour legend' });
    const lines = rows.slice(1);
    expect(lines).toHaveLength(ALL_LEGEND.length);
    lines.forEach((cells, i) => {
      const s = ALL_LEGEND[i] as Status;
      expect(cells.map(c => c.value)).toEqual([
        { t: 's', s: STATUS[s].vi }, { t: 's', s: `${STATUS[s].en} — ${STATUS[s].meaning.vi} / ${STATUS[s].meaning.en}` },
      ]);
      expect(cells[0]?.style).toMatchObject({ fill: STATUS[s].fill, fontColor: STATUS[s].font });
      expect(cells.every(c => c.row === i + 2)).toBe(true);
    });
  });
});
