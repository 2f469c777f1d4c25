import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ProblemDetail } from '../components/ProblemMessage';
import type { QueueItem } from '../worker/queue';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** The files that could not be read, first thing in the view, each with its reason: they are missing from the rollup. */
export function FailedFiles({ items }: { readonly items: readonly QueueItem[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="failed-files">
      <MessageBarBody>
        <MessageBarTitle>{t('rollup.failedTitle', { count: items.length })}</MessageBarTitle>
        <Text size={200} block>{t('rollup.failedHint')}</Text>
        <ul className={styles.list}>
          {items.map(i => (
            <li key={i.id} data-testid="failed-file">
              <span className={styles.name}>{i.name}</span>: <ProblemDetail error={i.error ?? ''} />
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
