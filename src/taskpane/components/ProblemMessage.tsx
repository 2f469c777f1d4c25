import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n';
import { problemOf } from '../model/problem';

const useStyles = makeStyles({
  detail: { display: 'block', marginTop: tokens.spacingVerticalXS, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  toggle: { minWidth: 0, paddingInline: tokens.spacingHorizontalXS },
});

/** The plain reason a file could not be opened; the technical text behind a "Chi tiết" toggle. */
export function ProblemDetail({ error }: { readonly error: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const p = problemOf(error, currentLang(i18n));
  return (
    <>
      <span>{p.plain}</span>
      {p.detail !== null && (
        <>
          {' '}
          <Button className={styles.toggle} size="small" appearance="transparent" aria-expanded={open} onClick={() => setOpen(o => !o)}>
            {open ? t('common.hideDetail') : t('common.detail')}
          </Button>
          {open && <Text className={styles.detail} data-testid="problem-detail">{p.detail}</Text>}
        </>
      )}
    </>
  );
}

/** A file that could not be opened: its name as the title, the plain reason, the detail on request. */
export function ProblemMessage({ file, error }: { readonly file: string; readonly error: string }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="file-problem">
      <MessageBarBody>
        <MessageBarTitle>{file}</MessageBarTitle>
        <ProblemDetail error={error} />
      </MessageBarBody>
    </MessageBar>
  );
}
