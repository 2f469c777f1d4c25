import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, makeStyles, Text, tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ColumnOverride } from '../../core/check/options';
import type { TableJson } from '../../core/check/report';
import type { WorkbookGrid } from '../../core/grid/types';
import { columnChoices, hasOverride, type EditableRole } from '../model/columns';
import { ColumnRoles } from './ColumnRoles';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', textAlign: 'left' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  range: { fontFamily: tokens.fontFamilyMonospace },
});

interface Props {
  readonly tables: readonly TableJson[];
  readonly grid: WorkbookGrid | null;
  readonly overrides: readonly ColumnOverride[];
  readonly onRole: (table: TableJson, role: EditableRole, col: number | null) => void;
  readonly onReset: (table: TableJson) => void;
}

/** The tables the engine found; opening one shows its column roles, each correctable. */
export function TablesList({ tables, grid, overrides, onRole, onReset }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (tables.length === 0) return <Text>{t('tables.none')}</Text>;
  return (
    <Accordion collapsible multiple data-testid="tables-list">
      {tables.map(table => {
        const key = `${table.sheet}!${table.headerRow}`;
        const corrected = hasOverride(overrides, table);
        return (
          <AccordionItem key={key} value={key}>
            <AccordionHeader size="small">
              <span className={styles.header}>
                <Text weight="semibold">{table.sheet}</Text>
                <span className={styles.meta}>
                  <Badge appearance="tint" color={table.kind === 'indicators' ? 'brand' : 'informative'} size="small">
                    {t(`tables.kind.${table.kind}`)}
                  </Badge>
                  <span className={styles.range}>{table.range}</span>
                  <span>{t('tables.rows', { count: table.rows.length })}</span>
                  {table.period !== null && <span>{t('tables.period', { year: table.period })}</span>}
                  {corrected && <Badge appearance="outline" color="warning" size="small">{t('tables.corrected')}</Badge>}
                </span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ColumnRoles table={table} choices={columnChoices(table, grid)} corrected={corrected}
                onChange={(role, col) => onRole(table, role, col)} onReset={() => onReset(table)} />
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
