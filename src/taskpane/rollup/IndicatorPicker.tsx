import { Combobox, makeStyles, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Catalog } from '../../core/catalog/catalog';
import { searchCatalog } from '../model/review';

const useStyles = makeStyles({ box: { width: '100%', minWidth: '0' } });

interface Props {
  readonly catalog: Catalog;
  readonly label: string;
  readonly value: string | null;
  readonly onPick: (id: string) => void;
}

/** A searchable list of the catalog's indicators (accents optional when typing). */
export function IndicatorPicker({ catalog, label, value, onPick }: Props) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const options = useMemo(() => searchCatalog(catalog, query), [catalog, query]);
  const current = value ? catalog.indicators.find(i => i.id === value) : undefined;
  return (
    <Combobox className={styles.box} size="small" aria-label={label} freeform placeholder={current?.name ?? ''}
      value={query} selectedOptions={value ? [value] : []}
      onChange={e => setQuery(e.target.value)}
      onOptionSelect={(_, d) => { if (d.optionValue) { onPick(d.optionValue); setQuery(''); } }}>
      {options.map(ind => (
        <Option key={ind.id} value={ind.id} text={ind.name}>{ind.unit ? `${ind.name} (${ind.unit})` : ind.name}</Option>
      ))}
    </Combobox>
  );
}
