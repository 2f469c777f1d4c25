import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Lang } from '../../src/taskpane/i18n';

/** Renders a pane component with the providers the App gives it (kept on rerender). */
export function renderPane(ui: ReactElement, lang: Lang = 'vi') {
  const i18n = createI18n(lang);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>{children}</FluentProvider>
    </I18nextProvider>
  );
  return { i18n, ...render(ui, { wrapper }) };
}
