import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';

const useStyles = makeStyles({
  zone: {
    display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalS, textAlign: 'center',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusLarge,
    border: `1px dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  compact: { flexDirection: 'row', justifyContent: 'space-between', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, textAlign: 'left' },
  over: { border: `1px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  input: { display: 'none' },
});

interface Props {
  readonly title: string;
  readonly hint?: string;
  readonly buttonLabel: string;
  readonly multiple?: boolean;
  /** A slim bar instead of a big zone, once a file is open. */
  readonly compact?: boolean;
  readonly onFiles: (files: File[]) => void;
}

// .xls and .csv are offered too: the reader then says to save them as .xlsx, which a greyed-out file never would.
const ACCEPT = '.xlsx,.xlsm,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv';

/** Drop files here or pick them with the button (the keyboard path); the input is what tests fill. */
export function FileDrop({ title, hint, buttonLabel, multiple = false, compact = false, onFiles }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <div className={mergeClasses(styles.zone, compact && styles.compact, over && styles.over)}
      onDragOver={e => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
      data-testid="file-drop">
      <div>
        <Text weight="semibold" block>{title}</Text>
        {hint && <Text size={200} className={styles.hint} block>{hint}</Text>}
      </div>
      <Button appearance={compact ? 'secondary' : 'primary'} size={compact ? 'small' : 'medium'} onClick={() => input.current?.click()}>{buttonLabel}</Button>
      <input ref={input} className={styles.input} type="file" accept={ACCEPT} multiple={multiple} aria-label={buttonLabel}
        tabIndex={-1} onChange={e => { take(e.target.files); e.target.value = ''; }} />
    </div>
  );
}
