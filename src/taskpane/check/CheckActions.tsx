import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../core/check/report';
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
  readonly action: ActionState;
}

/** Colour, clear and status-column actions; each goes through the host, never to Excel directly. */
export function CheckActions({ host, report, action }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const busy = action.busy !== null;
  const icon = (name: string) => (action.busy === name ? { icon: <Spinner size="tiny" /> } : {});

  const colour = () => action.run('colour', async () => {
    const plan = planColours(report);
    await host.applyColours(plan);
    return { intent: 'success', text: t('actions.coloured', { count: cellCount(plan) }) };
  });
  const clear = () => action.run('clear', async () => {
    await host.clearColours();
    return { intent: 'success', text: t('actions.cleared') };
  });
  const statusColumn = () => action.run('status', async () => {
    setAsking(false);
    const skipped: string[] = [];
    const columns: string[] = [];
    for (const plan of statusColumnPlans(report, currentLang(i18n))) {
      const s = await host.writeCells(plan.sheet, plan.cells);
      skipped.push(...s.map(a => `${plan.sheet}!${a}`));
      columns.push(`${plan.sheet}!${plan.column}`);
    }
    if (skipped.length === 0) return { intent: 'success', text: t('actions.statusWritten', { columns: columns.join(', ') }) };
    const shown = skipped.slice(0, SKIPPED_SHOWN).join(', ') + (skipped.length > SKIPPED_SHOWN ? '…' : '');
    return { intent: 'warning', text: t('actions.statusSkipped', { columns: columns.join(', '), count: skipped.length, cells: shown }) };
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
