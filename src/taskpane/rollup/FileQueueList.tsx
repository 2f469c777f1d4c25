import { Button, Field, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../worker/queue';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '1fr auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  detail: { gridColumn: '1 / span 2', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  error: { gridColumn: '1 / span 2', fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
});

const FINISHED = new Set(['done', 'failed', 'cancelled']);

function kb(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}

interface Props {
  readonly items: readonly QueueItem[];
  readonly onCancel: (id: number) => void;
  readonly onRemove: (id: number) => void;
}

/** One progress bar per file, each with its own cancel button. */
export function FileQueueList({ items, onCancel, onRemove }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <ul className={styles.list} data-testid="file-queue">
      {items.map(item => {
        const finished = FINISHED.has(item.state);
        const tables = item.report?.tables.length ?? 0;
        return (
          <li key={item.id} className={styles.item} data-state={item.state}>
            <Field label={<span className={styles.name} title={item.name}>{item.name}</span>} size="small"
              validationState={item.state === 'failed' ? 'error' : item.state === 'done' ? 'success' : 'none'}
              validationMessage={t(`rollup.state.${item.state}`)}>
              <ProgressBar thickness="large" aria-label={`${item.name}: ${t(`rollup.state.${item.state}`)}`}
                color={item.state === 'failed' ? 'error' : item.state === 'done' ? 'success' : 'brand'}
                {...(item.progress === null ? {} : { value: item.state === 'cancelled' ? 0 : item.progress })} />
            </Field>
            {finished
              ? <Button size="small" appearance="subtle" aria-label={t('rollup.remove', { name: item.name })} onClick={() => onRemove(item.id)}>×</Button>
              : <Button size="small" appearance="secondary" aria-label={t('rollup.cancelFile', { name: item.name })} onClick={() => onCancel(item.id)}>{t('rollup.cancel')}</Button>}
            {item.state === 'done' && (
              <Text className={styles.detail}>
                {[item.report?.commune, t('rollup.tablesFound', { count: tables }), item.size > 0 ? kb(item.size) : null].filter(Boolean).join(' · ')}
              </Text>
            )}
            {item.error && <Text className={styles.error}>{item.error}</Text>}
          </li>
        );
      })}
    </ul>
  );
}
