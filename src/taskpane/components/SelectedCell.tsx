import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { cellAt } from '../../core/grid/access';
import { parseCellAddress } from '../../core/grid/address';
import type { WorkbookGrid } from '../../core/grid/types';
import { displayedValue } from '../model/display';

const useStyles = makeStyles({
  bar: {
    display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2, border: `1px solid ${tokens.colorBrandStroke2}`,
  },
  address: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  value: { overflowWrap: 'anywhere' },
});

/** Web mode has no sheet to jump to: the pane shows the selected cell and what it holds instead. */
export function SelectedCell({ sheet, address, grid }: { readonly sheet: string; readonly address: string; readonly grid: WorkbookGrid | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const at = parseCellAddress(address);
  const ws = grid?.sheets.find(s => s.name === sheet);
  // As the sheet shows it (72,5% rather than the stored 0.725).
  const value = at && ws ? displayedValue(cellAt(ws, at.row, at.col)) : '';
  return (
    <div className={styles.bar} role="status" aria-live="polite" data-testid="selected-cell">
      <span>{t('web.selected')}</span>
      <span className={styles.address}>{`${sheet}!${address}`}</span>
      <span className={styles.value}>{value === '' ? t('web.emptyCell') : `= ${value}`}</span>
    </div>
  );
}
