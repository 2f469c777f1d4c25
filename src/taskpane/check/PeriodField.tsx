import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  input: { width: '96px' },
});

interface Props {
  /** The year the person chose, or null to follow the headers. */
  readonly value: number | null;
  /** The year the report judges now (the headers' when value is null). */
  readonly effective: number | null;
  readonly onChange: (year: number | null) => void;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The judged year: defaults to what the headers say, editable for plans judged against a chosen milestone. */
export function PeriodField({ value, effective, onChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [text, setText] = useState(String(value ?? effective ?? ''));
  useEffect(() => setText(String(value ?? effective ?? '')), [value, effective]);
  const year = Number(text);
  const valid = text === '' || (Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR);
  const commit = () => {
    if (!valid) return;
    const next = text === '' ? null : year;
    if (next !== (value ?? effective)) onChange(next);
  };
  return (
    <div className={styles.row}>
      <Field label={t('period.label')} size="small"
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? (value === null ? t('period.fromHeaders') : t('period.chosen')) : t('period.invalid', { min: MIN_YEAR, max: MAX_YEAR })}>
        <Input className={styles.input} size="small" type="number" inputMode="numeric" min={MIN_YEAR} max={MAX_YEAR}
          value={text} onChange={(_, d) => setText(d.value)} onBlur={commit}
          onKeyDown={e => { if (e.key === 'Enter') commit(); }} data-testid="period-input" />
      </Field>
      {value !== null && (
        <Button size="small" appearance="subtle" onClick={() => onChange(null)}>{t('period.reset')}</Button>
      )}
    </div>
  );
}
