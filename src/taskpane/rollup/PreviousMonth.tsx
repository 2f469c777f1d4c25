import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_KINDS, type ChangeKind, type Comparison } from '../../core/rollup';
import { ProblemMessage } from '../components/ProblemMessage';
import { currentLang } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
  counts: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}` },
  input: { display: 'none' },
});

/** The state of "kỳ trước": nothing picked, a rollup workbook read, or a file that is not one. */
export type PreviousState =
  | { readonly kind: 'none' }
  | { readonly kind: 'reading'; readonly file: string }
  | { readonly kind: 'ready'; readonly file: string; readonly communes: number }
  | { readonly kind: 'error'; readonly file: string; readonly error: string };

/** Names of the change kinds, in the pane's language (the sheet's are the core's CHANGE_LABELS). */
const CHANGE_NAMES: Readonly<Record<'vi' | 'en', Readonly<Record<ChangeKind, string>>>> = {
  vi: { newly_met: 'Mới đạt', newly_not_met: 'Không còn đạt', improved: 'Tiến bộ', worsened: 'Giảm', unchanged: 'Không đổi', newly_reported: 'Mới báo cáo', stopped_reporting: 'Ngừng báo cáo' },
  en: { newly_met: 'Newly met', newly_not_met: 'No longer met', improved: 'Improved', worsened: 'Worsened', unchanged: 'Unchanged', newly_reported: 'Newly reported', stopped_reporting: 'Stopped reporting' },
};

interface Props {
  readonly state: PreviousState;
  readonly comparison: Comparison | null;
  readonly onPick: (file: File) => void;
  readonly onClear: () => void;
}

/** Last month's rollup workbook (the one this tool wrote), to add "So với kỳ trước" and say what changed. */
export function PreviousMonth({ state, comparison, onPick, onClear }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const names = CHANGE_NAMES[currentLang(i18n)];
  const counts = comparison ? CHANGE_KINDS.map(k => [k, comparison.changes.filter(c => c.change === k).length] as const).filter(([, n]) => n > 0) : [];
  return (
    <>
      <Text size={200}>{t('rollup.previousHint')}</Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => input.current?.click()}>{state.kind === 'none' ? t('rollup.previousPick') : t('rollup.previousOther')}</Button>
        {state.kind === 'ready' && (
          <>
            <Text className={styles.name} data-testid="previous-file">{t('rollup.previousRead', { name: state.file, communes: state.communes })}</Text>
            <Button size="small" appearance="subtle" onClick={onClear}>{t('rollup.previousClear')}</Button>
          </>
        )}
        {state.kind === 'reading' && <Text>{t('web.opening')}</Text>}
        <input ref={input} className={styles.input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          tabIndex={-1} aria-label={t('rollup.previousPick')} data-testid="previous-input"
          onChange={e => { const f = e.target.files?.[0]; if (f) onPick(f); e.target.value = ''; }} />
      </div>
      {state.kind === 'error' && <ProblemMessage file={state.file} error={state.error} />}
      {counts.length > 0 && (
        <ul className={styles.counts} data-testid="comparison-counts" aria-label={t('rollup.previousChanges')}>
          {counts.map(([k, n]) => <li key={k} data-change={k}><Text size={200}>{names[k]}: <b>{n}</b></Text></li>)}
        </ul>
      )}
    </>
  );
}
