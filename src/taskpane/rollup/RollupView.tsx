import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultCatalog } from '../../core/catalog/catalog';
import { indexMappings } from '../../core/catalog/mappings';
import { buildRollup, compareMonths, previousFromGrid, snapshotOfModel, type MonthSnapshot } from '../../core/rollup';
import { ActionMessage } from '../components/ActionMessage';
import { FileDrop } from '../components/FileDrop';
import { Section } from '../components/Section';
import type { WorkbookHost } from '../host';
import { useAction } from '../hooks/useAction';
import { useFileQueue } from '../hooks/useFileQueue';
import { useMappings } from '../hooks/useMappings';
import { reviewEntries } from '../model/review';
import { openWorkbookSources } from '../model/sources';
import { readWithProgress } from '../web/read-file';
import { FailedFiles } from './FailedFiles';
import { FileQueueList } from './FileQueueList';
import { MappingButtons } from './MappingButtons';
import { MatchReview } from './MatchReview';
import { PreviousMonth, type PreviousState } from './PreviousMonth';
import { RollupActions } from './RollupActions';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The next step stays on screen however long the review below grows (a province has dozens of wordings).
  sticky: {
    position: 'sticky', bottom: 0, zIndex: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`,
    backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  stickyRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  status: { minWidth: 0, overflowWrap: 'anywhere' },
});

const PENDING = new Set(['queued', 'reading', 'checking']);

/** "Tổng hợp": many communes' files → checked in a worker → matches reviewed → rollup sheets written. */
export function RollupView({ host }: { readonly host: WorkbookHost }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { queue, items } = useFileQueue();
  const catalog = useMemo(() => defaultCatalog(), []);
  const mappings = useMappings(catalog);
  const action = useAction();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  const [previous, setPrevious] = useState<PreviousState>({ kind: 'none' });
  const [snapshot, setSnapshot] = useState<MonthSnapshot | null>(null);

  const pending = items.filter(i => PENDING.has(i.state)).length;
  // Only files read and checked count as done: failed and cancelled ones are not in the rollup.
  const done = items.filter(i => i.state === 'done').length;
  const failed = useMemo(() => items.filter(i => i.state === 'failed'), [items]);
  const cancelled = items.filter(i => i.state === 'cancelled').length;
  // Failed files' reports carry their reason: the rollup's "Cần xem lại" sheet lists them.
  const reports = useMemo(() => items.flatMap(i => (i.report ? [i.report] : [])), [items]);
  // The model is built once every file is in: a half-read rollup would show communes as "not reported".
  const model = useMemo(() => (pending === 0 && reports.length > 0
    ? buildRollup({ files: reports }, { catalog, mappings: indexMappings(mappings.file) })
    : null), [pending, reports, catalog, mappings.file]);
  const entries = useMemo(() => (model ? reviewEntries(model) : []), [model]);
  const comparison = useMemo(() => (model && snapshot
    ? compareMonths(snapshot, snapshotOfModel(model), model.indicators.map(i => i.key))
    : null), [model, snapshot]);

  /**
   * Last month's rollup workbook, read in this page like any dropped file (never sent anywhere). The core's reason
   * is "vi / en" like the reader's; the prefix keeps that shape so ProblemMessage shows each language its part.
   */
  const pickPrevious = async (file: File) => {
    setPrevious({ kind: 'reading', file: file.name });
    setSnapshot(null);
    try {
      const bytes = new Uint8Array(await readWithProgress(file, () => undefined, new AbortController().signal));
      // A rollup we wrote is read through its projection while its Dữ liệu is as written; else the sheet itself.
      const [{ readWorkbook }, { previousFromProjection }] = await Promise.all([import('../../xlsx/read'), import('../../xlsx/previous')]);
      let prev = previousFromProjection(bytes, catalog);
      if (prev === null) {
        const read = await readWorkbook(bytes);
        if (!read.ok) { setPrevious({ kind: 'error', file: file.name, error: read.error }); return; }
        prev = previousFromGrid(read.grid, catalog);
      }
      if (!prev.ok) { setPrevious({ kind: 'error', file: file.name, error: `Không dùng được làm kỳ trước: ${prev.error}` }); return; }
      setSnapshot(prev.snapshot);
      setPrevious({ kind: 'ready', file: file.name, communes: prev.snapshot.communes.length });
    } catch (e) {
      setPrevious({ kind: 'error', file: file.name, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const addOpenWorkbook = () => action.run('open', async () => {
    queue.add(openWorkbookSources(await host.readGrid()));
    return null;
  });
  const markReviewed = (keys: readonly string[], yes: boolean) => setReviewed(s => {
    const next = new Set(s);
    for (const k of keys) { if (yes) next.add(k); else next.delete(k); }
    return next;
  });
  const status = pending > 0 ? t('rollup.progress', { done: items.length - pending, total: items.length })
    : model && done > 0 ? t('rollup.ready', { communes: model.columns.length }) : t('rollup.noneReadable');

  return (
    <div className={styles.view}>
      <FailedFiles items={failed} />
      <Text>{t('rollup.intro')}</Text>
      <FileDrop multiple compact={items.length > 0} title={t('rollup.dropTitle')} hint={t('rollup.dropHint')} buttonLabel={t('rollup.pick')}
        onFiles={files => queue.add(files.map(f => ({ kind: 'file', name: f.name, size: f.size, blob: f })))} />
      {host.kind === 'office' && (
        <div className={styles.row}>
          <Button onClick={addOpenWorkbook} disabled={action.busy !== null}>{t('rollup.useOpen')}</Button>
        </div>
      )}
      {items.length > 0 && (
        <Section title={t('rollup.files', { done, total: items.length })} aside={pending > 0
          ? <Button size="small" appearance="subtle" onClick={() => queue.cancelAll()}>{t('rollup.cancelAll')}</Button>
          : <Button size="small" appearance="subtle" onClick={() => queue.clear()}>{t('rollup.clear')}</Button>}>
          {cancelled > 0 && <Text size={200} data-testid="cancelled-count">{t('rollup.cancelled', { count: cancelled })}</Text>}
          <FileQueueList items={items} onCancel={id => queue.cancel(id)} onRemove={id => queue.remove(id)} />
        </Section>
      )}
      {pending > 0 && done > 0 && <Text size={200}>{t('rollup.waiting')}</Text>}
      {model && (
        <Section title={t('rollup.review')}>
          <Text weight="semibold" data-testid="rollup-summary">
            {t('rollup.summary', {
              communes: model.columns.length,
              indicators: model.indicators.filter(i => i.kind === 'catalog').length,
              unmatched: model.indicators.filter(i => i.kind === 'unmatched').reduce((n, i) => n + i.values.length, 0),
            })}
          </Text>
          <MappingButtons mappings={mappings} onProblems={setProblems} />
          {problems.length > 0 && (
            <MessageBar intent="warning"><MessageBarBody>{problems.join(' · ')}</MessageBarBody></MessageBar>
          )}
          <MatchReview entries={entries} catalog={catalog} onCorrect={mappings.correct} reviewed={reviewed} onReviewed={markReviewed} />
        </Section>
      )}
      {items.length > 0 && (
        <Section title={t('rollup.previousTitle')}>
          <PreviousMonth state={previous} comparison={comparison} onPick={f => { void pickPrevious(f); }}
            onClear={() => { setPrevious({ kind: 'none' }); setSnapshot(null); }} />
        </Section>
      )}
      {items.length > 0 && (
        <div className={styles.sticky} data-testid="rollup-main-action">
          <ActionMessage message={action.message} onDismiss={action.dismiss} />
          <div className={styles.stickyRow}>
            <Text size={200} className={styles.status} data-testid="rollup-status">{status}</Text>
            <RollupActions host={host} model={model} catalog={catalog} comparison={comparison} action={action} />
          </div>
        </div>
      )}
      {items.length === 0 && <ActionMessage message={action.message} onDismiss={action.dismiss} />}
    </div>
  );
}
