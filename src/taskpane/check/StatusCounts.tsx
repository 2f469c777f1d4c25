import { makeStyles, tokens, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RowStatus } from '../../core/check/report';
import { STATUS_COLOURS } from '../../core/plan/palette';
import { useStatusLabel } from '../i18n';
import type { StatusCounts as Counts } from '../model/summary';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: tokens.spacingHorizontalS },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  count: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, lineHeight: tokens.lineHeightBase500 },
  label: { fontSize: tokens.fontSizeBase200 },
});

interface GroupProps {
  readonly kind: 'indicators' | 'tasks';
  readonly items: ReadonlyArray<{ readonly status: RowStatus; readonly count: number }>;
}

function CountGroup({ kind, items }: GroupProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const label = useStatusLabel();
  const total = items.reduce((n, i) => n + i.count, 0);
  const headingId = `counts-${kind}`;
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <Text id={headingId} weight="semibold">{t(`counts.${kind}`, { count: total })}</Text>
      <ul className={styles.tiles} role="list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map(({ status, count }) => {
          const c = STATUS_COLOURS[status];
          return (
            <li key={status} className={styles.tile} style={{ backgroundColor: `#${c.fill}`, color: `#${c.font}` }}
              data-testid={`count-${kind}-${status}`} aria-label={`${label(status)}: ${count}`}>
              <span className={styles.count} aria-hidden="true">{count}</span>
              <span className={styles.label} aria-hidden="true">{label(status)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Counts per status, coloured like the cells; one group for indicators, one for tasks. */
export function StatusCounts({ counts }: { readonly counts: Counts }) {
  return (
    <>
      {counts.indicators.length > 0 && <CountGroup kind="indicators" items={counts.indicators} />}
      {counts.tasks.length > 0 && <CountGroup kind="tasks" items={counts.tasks} />}
    </>
  );
}
