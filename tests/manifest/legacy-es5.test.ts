/**
 * @jest-environment jsdom
 *
 * The scripts old webviews must run (Internet Explorer 11, EdgeHTML in Office 2016/2019 without WebView2) are built
 * exactly as for production and parsed at ECMAScript 5: `?.`, `??`, arrow functions, `const`… anywhere fail the test.
 * Then they run against a stand-in Office: the function file completes the ribbon event with the old-Office
 * notice, or hands it to the modern bundle when that ran; the pane boot replaces the loading line with the notice.
 */
import { parse } from 'acorn';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { OLD_OFFICE_VI } from '../../src/legacy/text';

/* eslint-disable @typescript-eslint/no-require-imports */
const webpack = require('webpack') as (config: object, cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: object): string }) => void) => void;
const makeConfig = require('../../webpack.config.js') as (env: object, argv: { mode: string }) => object;
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(120_000);

let out = '';
const built = (prefix: string): string => {
  const file = readdirSync(out).find(f => f.startsWith(prefix) && f.endsWith('.js'));
  if (!file) throw new Error(`${prefix} not built`);
  return readFileSync(join(out, file), 'utf8');
};

beforeAll(async () => {
  // webpack runs on Node; jsdom (needed to run the scripts) hides Node's setImmediate.
  const g = globalThis as unknown as { setImmediate?: unknown };
  g.setImmediate ??= (fn: (...a: unknown[]) => void, ...args: unknown[]) => setTimeout(fn, 0, ...args);
  out = mkdtempSync(join(tmpdir(), 'legacy-'));
  await new Promise<void>((resolve, reject) => {
    webpack(makeConfig({ legacyOnly: true, outDir: out }, { mode: 'production' }), (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
});

describe('the old-webview scripts', () => {
  it('parse as ECMAScript 5 (and the parser does refuse newer syntax)', () => {
    for (const name of ['commands-legacy', 'taskpane-legacy']) {
      const code = built(name);
      expect(code.length).toBeGreaterThan(200);
      expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    }
    expect(() => parse('var a = b?.c;', { ecmaVersion: 5 })).toThrow();
    expect(() => parse('var a = b ?? c;', { ecmaVersion: 5 })).toThrow();
    expect(() => parse('const f = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('function file: without the modern bundle, shows the Vietnamese notice and always completes the event', () => {
    const dialogs: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    delete w.__phuluc57;
    w.Office = {
      onReady: (cb: () => void) => cb(),
      actions: { associate: jest.fn() },
      context: { displayLanguage: 'vi-VN', ui: { displayDialogAsync: (url: string, _o: object, cb: (r: object) => void) => { dialogs.push(url); cb({ status: 'failed' }); } } },
    };
    window.eval(built('commands-legacy'));
    const completed = jest.fn();
    (w.quickColour as (e: object) => void)({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(decodeURIComponent(dialogs[0]?.split('notice=')[1]?.split('&')[0] ?? '')).toBe(OLD_OFFICE_VI);
    // No Office dialog API at all: still completed.
    (w.Office as { context: object }).context = {};
    const completed2 = jest.fn();
    (w.quickColour as (e: object) => void)({ completed: completed2 });
    expect(completed2).toHaveBeenCalledTimes(1);
    // With the modern bundle present, the event goes to it (which completes it itself).
    const modern = jest.fn();
    w.__phuluc57 = { quickColour: modern };
    (w.quickColour as (e: object) => void)({ completed: jest.fn() });
    expect(modern).toHaveBeenCalledTimes(1);
    delete w.__phuluc57;
    delete w.Office;
  });

  it('pane boot: replaces the loading line with the notice where the pane did not run, leaves it alone otherwise', () => {
    const w = window as unknown as Record<string, unknown>;
    document.body.innerHTML = '<div id="root"><p>Đang tải…</p></div>';
    w.__phuluc57Pane = true;
    window.eval(built('taskpane-legacy'));
    window.dispatchEvent(new Event('load'));
    expect(document.getElementById('root')?.textContent).toBe('Đang tải…');
    delete w.__phuluc57Pane;
    window.eval(built('taskpane-legacy'));
    window.dispatchEvent(new Event('load'));
    const text = document.getElementById('root')?.textContent ?? '';
    expect(text).toContain(OLD_OFFICE_VI);
    expect(text).toContain('phuluc check');
  });
});
