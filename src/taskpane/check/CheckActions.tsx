import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../core/check/report';
import type { WorkbookGrid } from '../../core/grid/types';
import { planColours } from '../../core/plan/colour';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { WorkbookHost } from '../host';
import type { ActionState } from '../hooks/useAction';
import { currentLang } from '../i18n';
import { cellCount, statusColumnPlans } from '../model/plans';
import { isWebHost } from '../web/web-host';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const SKIPPED_SHOWN = 8;

interface Props {
  readonly host: WorkbookHost;
  readonly report: FileReport;
  /** The grid the report was judged from, to see status columns written earlier. */
  readonly grid: WorkbookGrid | null;
  readonly action: ActionState;
  /** Called after cells were written, so the view reads the workbook again. */
  readonly onWritten: () => void;
}

/** Colour, clear and status-column actions; each goes through the host, never to Excel directly. */
export function CheckActions({ host, report, grid, action, onWritten }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const busy = action.busy !== null;
  const icon = (name: string) => (action.busy === name ? { icon: <Spinner size="tiny" /> } : {});

  const colour = () => action.run('colour', async () => {
    const plan = planColours(report);
    const outcome = await host.applyColours(plan);
    const text = t('actions.coloured', { count: outcome ? outcome.coloured : cellCount(plan) });
    // Protected sheets are skipped, and said so: never reported as coloured.
    if (outcome && outcome.skippedSheets.length > 0) return { intent: 'warning', text: `${text} ${t('actions.colourSkipped', { sheets: outcome.skippedSheets.join(', ') })}` };
    return { intent: 'success', text };
  });
  const clear = () => action.run('clear', async () => {
    const outcome = await host.clearColours();
    const parts = [t('actions.cleared')];
    if (outcome && outcome.leftAlone > 0) parts.push(t('actions.clearLeftAlone', { count: outcome.leftAlone }));
    if (outcome && outcome.skippedSheets.length > 0) parts.push(t('actions.colourSkipped', { sheets: outcome.skippedSheets.join(', ') }));
    if (outcome && outcome.unmatched.length > 0) parts.push(t('actions.clearKept', { sheets: outcome.unmatched.join(', ') }));
    return { intent: parts.length > 1 ? 'warning' : 'success', text: parts.join(' ') };
  });
  const statusColumn = () => action.run('status', async () => {
    setAsking(false);
    const { plans, existing } = statusColumnPlans(report, currentLang(i18n), grid);
    const skipped: string[] = [];
    const columns: string[] = [];
    for (const plan of plans) {
      const s = await host.writeCells(plan.sheet, plan.cells);
      skipped.push(...s.map(a => `${plan.sheet}!${a}`));
      columns.push(`${plan.sheet}!${plan.column}`);
    }
    if (columns.length > 0) onWritten();
    const parts: string[] = [];
    if (columns.length > 0) parts.push(t('actions.statusWritten', { columns: columns.join(', ') }));
    if (existing.length > 0) parts.push(t('actions.statusExists', { columns: existing.join(', ') }));
    if (skipped.length > 0) {
      const shown = skipped.slice(0, SKIPPED_SHOWN).join(', ') + (skipped.length > SKIPPED_SHOWN ? '…' : '');
      parts.push(t('actions.statusSkipped', { count: skipped.length, cells: shown }));
    }
    return { intent: skipped.length > 0 || columns.length === 0 ? 'warning' : 'success', text: parts.join(' ') };
  });
  const download = () => action.run('download', async () => {
    if (!isWebHost(host)) return null;
    const name = await host.download(t('web.colouredSuffix'));
    return { intent: 'success', text: t('web.downloaded', { name }) };
  });

  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled={busy} {...icon('colour')} onClick={colour}>{t('actions.colour')}</Button>
      <Button disabled={busy} {...icon('clear')} onClick={clear}>{t('actions.clear')}</Button>
      <Button disabled={busy} {...icon('status')} onClick={() => setAsking(true)}>{t('actions.statusColumn')}</Button>
      {isWebHost(host) && (
        <Button disabled={busy} {...icon('download')} onClick={download}>{t('web.download')}</Button>
      )}
      <ConfirmDialog open={asking} title={t('actions.statusConfirmTitle')} confirmLabel={t('actions.statusConfirm')}
        onConfirm={() => { void statusColumn(); }} onCancel={() => setAsking(false)}>
        {t('actions.statusConfirmBody')}
      </ConfirmDialog>
    </div>
  );
}
