import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { serializeMappings } from '../../core/catalog/mappings';
import type { Mappings } from '../hooks/useMappings';
import { downloadBytes } from '../web/download';

const useStyles = makeStyles({ row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS }, input: { display: 'none' } });

/** The corrections as mapping.json, the same file `phuluc rollup --map` reads, to keep or share. */
export function MappingButtons({ mappings, onProblems }: { readonly mappings: Mappings; readonly onProblems: (problems: readonly string[]) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      onProblems(mappings.replace(JSON.parse(await file.text())));
    } catch {
      onProblems([t('rollup.mappingUnreadable', { name: file.name })]);
    }
  };
  return (
    <div className={styles.row}>
      <Button size="small" disabled={mappings.file.mappings.length === 0}
        onClick={() => downloadBytes(serializeMappings(mappings.file), 'mapping.json', 'application/json')}>
        {t('rollup.saveMapping', { count: mappings.file.mappings.length })}
      </Button>
      <Button size="small" onClick={() => input.current?.click()}>{t('rollup.loadMapping')}</Button>
      <input ref={input} className={styles.input} type="file" accept=".json,application/json" tabIndex={-1}
        aria-label={t('rollup.loadMapping')} onChange={e => { void load(e.target.files?.[0]); e.target.value = ''; }} />
    </div>
  );
}
