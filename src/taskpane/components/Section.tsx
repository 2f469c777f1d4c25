import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId } from 'react';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: {
    margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2, textTransform: 'uppercase', letterSpacing: '0.04em',
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS,
  },
});

/** A titled block of the pane; the heading labels the region for screen readers. */
export function Section({ title, aside, children }: { readonly title: string; readonly aside?: ReactNode; readonly children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.title}><span>{title}</span>{aside}</h2>
      {children}
    </section>
  );
}
