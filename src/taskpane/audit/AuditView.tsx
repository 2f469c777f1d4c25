import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../core/audit/finding';
import { ActionMessage } from '../components/ActionMessage';
import { Section } from '../components/Section';
import { SelectedCell } from '../components/SelectedCell';
import type { WorkbookHost } from '../host';
import { useAction } from '../hooks/useAction';
import { useAudit } from '../hooks/useAudit';
import { errorText } from '../hooks/useCheck';
import { groupFindings } from '../model/audit';
import { AuditActions } from './AuditActions';
import { FindingGroups } from './FindingGroups';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

interface Props {
  readonly host: WorkbookHost | null;
  readonly reloadKey?: unknown;
}

/** "Kiểm tra công thức": the core's audit findings, grouped by cause (largest risk first), and the audit sheet. */
export function AuditView({ host, reloadKey }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const audit = useAudit(host, reloadKey);
  const action = useAction();
  const [selected, setSelected] = useState<Finding | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);
  const groups = useMemo(() => groupFindings(audit.findings), [audit.findings]);
  const { dismiss } = action;
  useEffect(() => { setSelected(null); setSelectError(null); dismiss(); }, [host, reloadKey, dismiss]);
  if (!host) return null;

  const select = (f: Finding) => {
    setSelected(f);
    setSelectError(null);
    host.selectCell(f.sheet, f.cell).catch((e: unknown) => setSelectError(errorText(e)));
  };

  return (
    <div className={styles.view}>
      <Text>{t('audit.intro')}</Text>
      {audit.phase === 'loading' && <Spinner size="small" label={t('audit.running')} />}
      {(audit.error ?? selectError) && <MessageBar intent="error"><MessageBarBody>{audit.error ?? selectError}</MessageBarBody></MessageBar>}
      {audit.phase === 'ready' && (
        <>
          <Section title={t('audit.total', { count: audit.findings.length })}
            aside={<Button size="small" appearance="subtle" onClick={audit.reload}>{t('check.reload')}</Button>}>
            {host.kind === 'web' && selected && <SelectedCell sheet={selected.sheet} address={selected.cell} grid={audit.grid} />}
            {audit.findings.length === 0
              ? <Text>{t('audit.none')}</Text>
              : <FindingGroups groups={groups} selected={selected ? `${selected.sheet}!${selected.cell}` : null} onSelect={select} />}
          </Section>
          {audit.grid && (
            <Section title={t('check.actions')}>
              <AuditActions host={host} findings={audit.findings} grid={audit.grid} action={action} />
              <ActionMessage message={action.message} onDismiss={action.dismiss} />
            </Section>
          )}
        </>
      )}
    </div>
  );
}
