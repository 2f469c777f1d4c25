import {
  FluentProvider, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, tokens, webLightTheme,
} from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { CheckView } from './check/CheckView';
import { LanguageSwitch } from './components/LanguageSwitch';
import type { WorkbookHost } from './host';
import { useWebFile } from './hooks/useWebFile';
import { isWebHost } from './web/web-host';
import { WebFileBar } from './web/WebFileBar';

// The rollup and audit views (and the catalog they carry) load on first use, keeping the pane's first load small.
const RollupView = lazy(() => import('./rollup/RollupView').then(m => ({ default: m.RollupView })));
const AuditView = lazy(() => import('./audit/AuditView').then(m => ({ default: m.AuditView })));

export type ViewName = 'check' | 'rollup' | 'audit';
const VIEWS: readonly ViewName[] = ['check', 'rollup', 'audit'];

/** "?view=rollup" (the ribbon's "Tổng hợp" button) opens the rollup view; "?view=audit" the audit. */
export function viewFromUrl(search: string): ViewName {
  const v = new URLSearchParams(search).get('view');
  return VIEWS.find(x => x === v) ?? 'check';
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column' },
  // At 350 px a tab that does not fit goes to a second line instead of being squeezed and clipped.
  tabs: { paddingInline: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  tab: { flexShrink: 0 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '760px', width: '100%', boxSizing: 'border-box' },
});

function Shell({ host, initialView, officeError }: { readonly host: WorkbookHost; readonly initialView: ViewName; readonly officeError: string | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [view, setView] = useState<ViewName>(initialView);
  // Views stay mounted once visited, so switching tabs never loses a rollup in progress.
  const [visited, setVisited] = useState<ReadonlySet<ViewName>>(new Set([initialView]));
  const web = isWebHost(host) ? host : null;
  const webFile = useWebFile(web);
  const workbook: WorkbookHost | null = web ? (webFile.name !== null ? web : null) : host;
  const file = web ? webFile.name ?? '' : '';
  const open = (v: ViewName) => { setView(v); setVisited(s => new Set([...s, v])); };
  const panel = (v: ViewName) => ({ role: 'tabpanel', id: `panel-${v}`, 'aria-labelledby': `tab-${v}`, hidden: view !== v });

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Text as="h1" size={400} weight="bold" style={{ margin: 0 }}>{t('app.title')}</Text>
          <Text size={200}>{web ? t('app.webMode') : t('app.subtitle')}</Text>
        </div>
        <LanguageSwitch />
      </header>
      <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => open(d.value as ViewName)} aria-label={t('app.views')}>
        {VIEWS.map(v => <Tab key={v} className={styles.tab} id={`tab-${v}`} value={v} aria-controls={`panel-${v}`}>{t(`views.${v}`)}</Tab>)}
      </TabList>
      <main className={styles.main}>
        {officeError && (
          <MessageBar intent="warning"><MessageBarBody>{t('app.officeUnavailable', { error: officeError })}</MessageBarBody></MessageBar>
        )}
        {web && view !== 'rollup' && <WebFileBar file={webFile} />}
        <div {...panel('check')}>
          {visited.has('check') && <CheckView host={workbook} file={file} reloadKey={webFile.version} />}
        </div>
        <Suspense fallback={<Spinner size="small" />}>
          <div {...panel('rollup')}>{visited.has('rollup') && <RollupView host={host} />}</div>
          <div {...panel('audit')}>{visited.has('audit') && <AuditView host={workbook} reloadKey={webFile.version} />}</div>
        </Suspense>
      </main>
    </div>
  );
}

interface AppProps {
  readonly host: WorkbookHost;
  readonly i18n: I18n;
  readonly initialView?: ViewName;
  /** Why Excel could not be reached although the page runs inside Office (the pane then works on dropped files). */
  readonly officeError?: string | null;
}

export function App({ host, i18n, initialView = 'check', officeError = null }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <Shell host={host} initialView={initialView} officeError={officeError} />
      </FluentProvider>
    </I18nextProvider>
  );
}
