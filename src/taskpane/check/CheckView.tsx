import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../components/ActionMessage';
import { Legend } from '../components/Legend';
import { Section } from '../components/Section';
import { SelectedCell } from '../components/SelectedCell';
import type { WorkbookHost } from '../host';
import { useAction } from '../hooks/useAction';
import { errorText, useCheck } from '../hooks/useCheck';
import { attentionItems, statusCounts, type AttentionItem } from '../model/summary';
import { AttentionList } from './AttentionList';
import { CheckActions } from './CheckActions';
import { CheckHeader } from './CheckHeader';
import { StatusCounts } from './StatusCounts';
import { TablesList } from './TablesList';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props {
  readonly host: WorkbookHost | null;
  readonly file: string;
  /** Changes when the person opens another file (web mode) so the view reads again. */
  readonly reloadKey?: unknown;
}

/** "Kiểm tra": what the engine found and judged in the workbook, and the actions on it. */
export function CheckView({ host, file, reloadKey }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const check = useCheck(host, file, reloadKey);
  const action = useAction();
  const [selected, setSelected] = useState<string | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);
  const { dismiss } = action;
  // Another file: the last action's message was about the previous one.
  useEffect(() => { setSelected(null); setSelectError(null); dismiss(); }, [host, reloadKey, dismiss]);
  const counts = useMemo(() => (check.report ? statusCounts(check.report) : null), [check.report]);
  const attention = useMemo(() => (check.report ? attentionItems(check.report) : []), [check.report]);

  if (!host) return null;
  if (check.phase === 'loading' && !check.report) return <Spinner label={t('check.reading')} />;
  if (check.phase === 'error' && !check.report) {
    return (
      <MessageBar intent="error"><MessageBarBody>{t('check.readFailed', { error: check.error })}</MessageBarBody></MessageBar>
    );
  }
  const report = check.report;
  if (!report || !counts) return null;

  const select = (item: AttentionItem) => {
    setSelected(`${item.sheet}!${item.cell}`);
    setSelectError(null);
    host.selectCell(item.sheet, item.cell).catch((e: unknown) => setSelectError(errorText(e)));
  };
  const selectedParts = selected && host.kind === 'web' ? attention.find(i => `${i.sheet}!${i.cell}` === selected) : undefined;

  return (
    <div className={styles.view}>
      <CheckHeader report={report} period={check.period} onPeriod={check.setPeriod} onReload={check.reload} loading={check.phase === 'loading'} />
      {(check.error ?? selectError) && <MessageBar intent="error"><MessageBarBody>{check.error ?? selectError}</MessageBarBody></MessageBar>}
      {report.notices.length > 0 && (
        <div className={styles.notices}>
          {report.notices.map((n, i) => (
            <MessageBar key={i} intent="warning"><MessageBarBody>
              {n.sheet ? `${n.sheet}${n.cell ? `!${n.cell}` : ''}: ` : ''}{n.message}
            </MessageBarBody></MessageBar>
          ))}
        </div>
      )}
      <Section title={t('check.results')}>
        <StatusCounts counts={counts} />
        <Legend />
      </Section>
      <Section title={t('check.actions')}>
        <CheckActions host={host} report={report} grid={check.grid} action={action} onWritten={check.reload} />
        <ActionMessage message={action.message} onDismiss={action.dismiss} />
      </Section>
      <Section title={t('attention.title')} aside={<Text size={200}>{attention.length}</Text>}>
        {selectedParts && <SelectedCell sheet={selectedParts.sheet} address={selectedParts.cell} grid={check.grid} />}
        <AttentionList items={attention} selected={selected} onSelect={select} />
      </Section>
      <Section title={t('tables.title')}>
        <TablesList tables={report.tables} grid={check.grid} overrides={check.overrides}
          onRole={check.setRole} onReset={check.resetTable} />
      </Section>
    </div>
  );
}
