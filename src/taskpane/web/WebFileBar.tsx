import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FileDrop } from '../components/FileDrop';
import { ProblemMessage } from '../components/ProblemMessage';
import type { WebFile } from '../hooks/useWebFile';

/** Web mode: where the person drops or picks the workbook the check and audit views work on. */
export function WebFileBar({ file }: { readonly file: WebFile }) {
  const { t } = useTranslation();
  return (
    <>
      <FileDrop compact={file.name !== null}
        title={file.name ?? t('web.dropTitle')}
        hint={file.name ? t('web.dropAnother') : t('web.dropHint')}
        buttonLabel={file.name ? t('web.pickAnother') : t('web.pick')}
        onFiles={files => { const f = files[0]; if (f) void file.open(f); }} />
      {file.opening && <Spinner size="tiny" label={t('web.opening')} />}
      {file.error && <ProblemMessage file={file.error.file} error={file.error.reason} />}
      {file.notices.map(n => <MessageBar key={n} intent="warning"><MessageBarBody>{n}</MessageBarBody></MessageBar>)}
    </>
  );
}
