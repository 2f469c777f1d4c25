import { Button, makeStyles, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../core/catalog/catalog';
import { rollupPlans, type Comparison, type RollupModel } from '../../core/rollup';
import type { WorkbookHost } from '../host';
import type { ActionState } from '../hooks/useAction';
import { WebWorkbookHost, isWebHost } from '../web/web-host';

const useStyles = makeStyles({ button: { flexShrink: 0, maxWidth: '100%' } });

interface Props {
  readonly host: WorkbookHost;
  /** Null while files are still being read (the button waits, disabled). */
  readonly model: RollupModel | null;
  readonly catalog: Catalog;
  /** Against last month's rollup, when one was picked: adds the "So với kỳ trước" sheet. */
  readonly comparison?: Comparison | null;
  readonly action: ActionState;
}

/** Writes the rollup sheets: into the open workbook in Excel, into a new workbook to download on the web. */
export function RollupActions({ host, model, catalog, comparison = null, action }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const web = isWebHost(host);
  const busy = action.busy === 'rollup';
  const write = () => action.run('rollup', async () => {
    if (!model) return null;
    const plans = rollupPlans(model, catalog, comparison ?? undefined);
    if (web) {
      const out = WebWorkbookHost.blank(`${t('rollup.fileName')}.xlsx`);
      await out.writeSheets(plans);
      const name = await out.download(String(model.communes[0]?.period ?? new Date().getFullYear()));
      return { intent: 'success', text: t('rollup.downloaded', { name }) };
    }
    const names = await host.writeSheets(plans);
    return { intent: 'success', text: t('rollup.written', { names: names.join(', ') }) };
  });
  return (
    <Button className={styles.button} appearance="primary" disabled={model === null || action.busy !== null} onClick={write}
      {...(busy ? { icon: <Spinner size="tiny" /> } : {})}>
      {web ? t('rollup.writeDownload') : t('rollup.write')}
    </Button>
  );
}
