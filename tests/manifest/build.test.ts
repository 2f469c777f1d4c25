import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// Build tooling is plain Node; typed here for the test.
/* eslint-disable @typescript-eslint/no-require-imports */
const makeConfig = require('../../webpack.config.js') as (env: object, argv: { mode: string }) => {
  entry: Record<string, string>;
  output: { path: string; publicPath: string };
  devtool: string;
  devServer: { port: number; server: string; host: string };
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; chunks?: string[] }; patterns?: { from: string; to: string }[] }[];
  target: string[];
  module: { rules: { use: { options: { compilerOptions: { module: string; target?: string } } } }[] };
};
const sizeReport = require('../../scripts/size-report.js') as {
  pageScripts(html: string): string[];
  measure(dir: string): { pages: Record<string, { files: string[]; raw: number; gzip: number }>; lazy: { file: string }[] };
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('webpack config', () => {
  const config = makeConfig({}, { mode: 'production' });

  it('builds the task pane and the function file into dist/addin, with ES modules for lazy chunks', () => {
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'commands-legacy', 'taskpane', 'taskpane-legacy']);
    expect(config.entry.commands?.endsWith(join('src', 'commands', 'commands.ts'))).toBe(true);
    expect(config.output.path.endsWith(join('dist', 'addin'))).toBe(true);
    // import() must survive ts-loader for webpack to split exceljs into a lazy chunk.
    expect(config.module.rules[1]?.use.options.compilerOptions.module).toBe('es2020');
    // The first rule builds src/legacy for old webviews.
    expect(config.module.rules[0]?.use.options.compilerOptions.target).toBe('es5');
    expect(config.devtool.includes('eval')).toBe(false);
    const pages = config.plugins.filter(p => p.constructor.name === 'HtmlWebpackPlugin').map(p => p.userOptions?.filename);
    expect(pages.sort()).toEqual(['commands.html', 'taskpane.html']);
  });

  it('loads each page\'s ES5 script before its main bundle, and builds webpack\'s runtime as ES5', () => {
    const chunks = Object.fromEntries(config.plugins.filter(p => p.constructor.name === 'HtmlWebpackPlugin').map(p => [p.userOptions?.filename, p.userOptions?.chunks]));
    expect(chunks['commands.html']).toEqual(['commands-legacy', 'commands']);
    expect(chunks['taskpane.html']).toEqual(['taskpane-legacy', 'taskpane']);
    expect(config.target).toEqual(['web', 'es5']);
  });

  it('lets office.js open its frames from its CDN on both pages (frame-src in the Content-Security-Policy)', () => {
    for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) {
      const html = readFileSync(join(__dirname, '../..', page), 'utf8');
      const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(csp).toMatch(/frame-src [^;]*https:\/\/appsforoffice\.microsoft\.com/);
    }
  });

  it('copies the help page the manifest points to', () => {
    const patterns = config.plugins.find(p => p.patterns !== undefined)?.patterns ?? [];
    expect(patterns).toContainEqual({ from: 'src/commands/help.html', to: 'help.html' });
    const help = readFileSync(join(__dirname, '../../src/commands/help.html'), 'utf8');
    expect(help).toContain('Tô màu nhanh');
    expect(help).toContain('phuluc check');
    expect(help).not.toMatch(/<script/i);
  });

  it('serves https on localhost:3000, the origin of the manifest', () => {
    expect(config.devServer).toMatchObject({ port: 3000, server: 'https', host: 'localhost' });
  });
});

describe('size report', () => {
  it('counts what each page loads first and leaves the rest as lazy chunks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'size-'));
    writeFileSync(join(dir, 'taskpane.html'), '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src="vendor.1.js"></script><script defer src=taskpane.2.js></script>');
    writeFileSync(join(dir, 'commands.html'), '<script defer src="./commands.3.js"></script>');
    writeFileSync(join(dir, 'vendor.1.js'), 'x'.repeat(5000));
    writeFileSync(join(dir, 'taskpane.2.js'), 'console.log(1)');
    writeFileSync(join(dir, 'commands.3.js'), 'console.log(2)');
    writeFileSync(join(dir, '974.exceljs.js'), 'y'.repeat(20000));
    const r = sizeReport.measure(dir);
    expect(r.pages.taskpane?.files).toEqual(['vendor.1.js', 'taskpane.2.js']);
    expect(r.pages.taskpane?.raw).toBe(5000 + 14);
    expect(r.pages.taskpane?.gzip).toBeLessThan(200);
    expect(r.pages.commands?.files).toEqual(['commands.3.js']);
    expect(r.lazy.map(c => c.file)).toEqual(['974.exceljs.js']);
    expect(sizeReport.pageScripts('<script src=/a.js></script>')).toEqual(['a.js']);
  });
});
