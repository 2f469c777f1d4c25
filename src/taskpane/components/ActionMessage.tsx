import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ActionMessage as Message } from '../hooks/useAction';

/** The outcome of the last action, announced politely to screen readers. */
export function ActionMessage({ message, onDismiss }: { readonly message: Message | null; readonly onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} politeness={message.intent === 'error' ? 'assertive' : 'polite'} data-testid="action-message">
      <MessageBarBody>{message.text}</MessageBarBody>
      <MessageBarActions containerAction={
        <Button appearance="transparent" size="small" aria-label={t('common.dismiss')} onClick={onDismiss}>×</Button>
      } />
    </MessageBar>
  );
}
