import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../core/audit/finding';
import { auditPlan } from '../../core/audit/plan';
import type { WorkbookGrid } from '../../core/grid/types';
import type { WorkbookHost } from '../host';
import type { ActionState } from '../hooks/useAction';
import { isWebHost } from '../web/web-host';

const useStyles = makeStyles({ row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

interface Props {
  readonly host: WorkbookHost;
  readonly findings: readonly Finding[];
  readonly grid: WorkbookGrid;
  readonly action: ActionState;
}

/** "Tạo báo cáo kiểm tra": the core's audit sheet, written as a new sheet through the host. */
export function AuditActions({ host, findings, grid, action }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [written, setWritten] = useState(false);
  const icon = (name: string) => (action.busy === name ? { icon: <Spinner size="tiny" /> } : {});
  const report = () => action.run('report', async () => {
    const source = isWebHost(host) ? host.fileName ?? undefined : undefined;
    const names = await host.writeSheets([auditPlan(findings, grid, source ? { source } : {})]);
    setWritten(true);
    return { intent: 'success', text: t('audit.reportWritten', { names: names.join(', ') }) };
  });
  const download = () => action.run('download', async () => {
    if (!isWebHost(host)) return null;
    const name = await host.download(t('audit.fileSuffix'));
    return { intent: 'success', text: t('web.downloaded', { name }) };
  });
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled={action.busy !== null} {...icon('report')} onClick={report}>{t('audit.report')}</Button>
      {isWebHost(host) && written && (
        <Button disabled={action.busy !== null} {...icon('download')} onClick={download}>{t('audit.download')}</Button>
      )}
    </div>
  );
}
