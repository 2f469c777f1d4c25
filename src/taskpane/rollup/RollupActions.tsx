import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../core/catalog/catalog';
import { rollupPlans, type RollupModel } from '../../core/rollup';
import type { WorkbookHost } from '../host';
import type { ActionState } from '../hooks/useAction';
import { WebWorkbookHost, isWebHost } from '../web/web-host';

const useStyles = makeStyles({ row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

interface Props {
  readonly host: WorkbookHost;
  readonly model: RollupModel;
  readonly catalog: Catalog;
  readonly action: ActionState;
}

/** Writes the rollup sheets: into the open workbook in Excel, into a new workbook to download on the web. */
export function RollupActions({ host, model, catalog, action }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const web = isWebHost(host);
  const busy = action.busy === 'rollup';
  const write = () => action.run('rollup', async () => {
    const plans = rollupPlans(model, catalog);
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
    <div className={styles.row}>
      <Button appearance="primary" disabled={action.busy !== null} onClick={write} {...(busy ? { icon: <Spinner size="tiny" /> } : {})}>
        {web ? t('rollup.writeDownload') : t('rollup.write')}
      </Button>
    </div>
  );
}
