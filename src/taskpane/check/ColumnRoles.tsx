import { Button, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TableJson } from '../../core/check/report';
import {
  EDITABLE_ROLES, REQUIRED_ROLES, roleColumn, type ColumnChoice, type EditableRole,
} from '../model/columns';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr', gap: tokens.spacingVerticalS },
  dropdown: { minWidth: '0', width: '100%' },
  reset: { justifySelf: 'start' },
});

interface Props {
  readonly table: TableJson;
  readonly choices: readonly ColumnChoice[];
  readonly corrected: boolean;
  readonly onChange: (role: EditableRole, col: number | null) => void;
  readonly onReset: () => void;
}

const NONE = 'none';

function choiceText(c: ColumnChoice): string {
  return c.label ? `${c.letter} · ${c.label.length > 40 ? `${c.label.slice(0, 39)}…` : c.label}` : c.letter;
}

/** One dropdown per column role; a change is a correction the host keeps with the workbook. */
export function ColumnRoles({ table, choices, corrected, onChange, onReset }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const roleLabel = (role: EditableRole) => t(`roles.${table.kind === 'tasks' && role === 'actual' ? 'result' : role}`);
  return (
    <div className={styles.grid}>
      {EDITABLE_ROLES[table.kind].map(role => {
        const col = roleColumn(table, role);
        const current = choices.find(c => c.col === col);
        return (
          <Field key={role} label={roleLabel(role)} size="small">
            <Dropdown size="small" className={styles.dropdown}
              aria-label={t('tables.roleFor', { role: roleLabel(role), sheet: table.sheet })}
              value={current ? choiceText(current) : t('tables.noColumn')}
              selectedOptions={[col === null ? NONE : String(col)]}
              onOptionSelect={(_, data) => {
                const v = data.optionValue;
                if (v === undefined) return;
                onChange(role, v === NONE ? null : Number(v));
              }}>
              {!REQUIRED_ROLES.includes(role) && <Option value={NONE}>{t('tables.noColumn')}</Option>}
              {choices.map(c => <Option key={c.col} value={String(c.col)} text={choiceText(c)}>{choiceText(c)}</Option>)}
            </Dropdown>
          </Field>
        );
      })}
      {corrected && <Button className={styles.reset} size="small" appearance="secondary" onClick={onReset}>{t('tables.reset')}</Button>}
    </div>
  );
}
