/**
 * Builds dist/phuluc57.html: the web mode as ONE self-contained file a commune can copy and open by double-click
 * (file://, no server, no network). Two compilations, run in order:
 *   1. the check worker, as one script (target webworker, every import() kept in the same chunk);
 *   2. the page (src/taskpane/single/main.tsx), where spawn.ts is swapped for spawn-blob.ts, which starts the worker
 *      from a Blob URL made of the code of step 1 (put in as a string). The page is one chunk too: exceljs and the
 *      reader stay behind import(), so their code is inlined but only evaluated when first used.
 * The script is then written inside the HTML, with its sha256 in the page's Content-Security-Policy.
 * `--env out=<dir>` writes elsewhere (the e2e test builds into its own folder).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');

const ROOT = __dirname;
const src = p => path.join(ROOT, 'src', p);
const PAGE = 'phuluc57.html';

function tsRule() {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'es2020', noEmit: false, sourceMap: false } },
    },
  };
}

function common(mode, name) {
  return {
    mode,
    name,
    // Two compilations of the whole pane take minutes on a two-core PC; the cache makes rebuilds fast.
    cache: { type: 'filesystem', name: `${name}-${mode}`, buildDependencies: { config: [__filename] } },
    context: ROOT,
    // No eval-based source maps (the CSP forbids eval) and no separate .map files: the page is one file.
    devtool: false,
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'], mainFields: ['browser', 'module', 'main'] },
    module: { rules: [tsRule()] },
    performance: { hints: false },
    // The worker's code is one big string in the page's cache entry; webpack's note about it is noise here.
    infrastructureLogging: { level: 'error' },
    // Two compilations of the whole pane take minutes on a two-core PC; the cache makes rebuilds fast.
        stats: mode === 'production' ? 'errors-warnings' : 'minimal',
  };
}

/** `</script` or `<!--` inside the inlined code would end or confuse the <script> element (HTML's script data state). */
function inlineSafe(code) {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(safe)) throw new Error(`${PAGE}: the bundle contains "<!--", which cannot be inlined safely`);
  return safe;
}

/**
 * Puts the page's one script into the HTML template and removes the .js file. Done on the files as written
 * (afterEmit), so what is inlined and hashed is exactly the minified output.
 */
class InlinePagePlugin {
  constructor(template) { this.template = template; }
  apply(compiler) {
    compiler.hooks.afterEmit.tap('InlinePagePlugin', compilation => {
      const out = compiler.options.output.path;
      const js = [...compilation.getAssets()].map(a => a.name).filter(f => f.endsWith('.js'));
      if (js.length !== 1) throw new Error(`${PAGE}: expected one script chunk, got ${js.join(', ') || 'none'}`);
      const file = path.join(out, js[0]);
      const code = inlineSafe(fs.readFileSync(file, 'utf8'));
      const hash = `sha256-${crypto.createHash('sha256').update(code, 'utf8').digest('base64')}`;
      const html = fs.readFileSync(this.template, 'utf8')
        .replace('%SCRIPT_HASH%', hash)
        // A function replacer: "$&" and friends in the code must not be read as replacement patterns.
        .replace('%SCRIPT%', () => code);
      // The licences of the bundled packages (React, Fluent UI, exceljs …, all MIT-style) travel inside the file.
      const licences = `${file}.LICENSE.txt`;
      const notice = fs.existsSync(licences) ? `<!--\n${fs.readFileSync(licences, 'utf8').replace(/--/g, '- -')}\n-->\n` : '';
      fs.writeFileSync(path.join(out, PAGE), html.replace('</html>', () => `${notice}</html>`));
      fs.rmSync(file);
      if (notice) fs.rmSync(licences);
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const out = path.resolve(ROOT, env.out || 'dist');
  const workerOut = path.join(out, '.single-worker');
  const workerFile = path.join(workerOut, 'check.worker.js');
  const oneChunk = new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 });

  const worker = {
    ...common(mode, 'single-worker'),
    target: 'webworker',
    entry: { 'check.worker': src('taskpane/worker/check.worker.ts') },
    output: { path: workerOut, filename: '[name].js', publicPath: '', clean: true },
    plugins: [oneChunk],
  };

  const page = {
    ...common(mode, 'single-page'),
    dependencies: ['single-worker'],
    target: 'web',
    entry: { phuluc57: src('taskpane/single/main.tsx') },
    // dist/ also holds the CLI build and dist/addin: never clean it; this build writes one file.
    output: { path: out, filename: '[name].js', publicPath: '', clean: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.NormalModuleReplacementPlugin(/[\\/]worker[\\/]spawn$/, src('taskpane/single/spawn-blob.ts')),
      new webpack.DefinePlugin({
        // Read when the page compiles, after the worker compilation (dependencies above) wrote it.
        __CHECK_WORKER_SOURCE__: webpack.DefinePlugin.runtimeValue(() => JSON.stringify(fs.readFileSync(workerFile, 'utf8')), { fileDependencies: [workerFile] }),
      }),
      new InlinePagePlugin(src('taskpane/single/page.html')),
    ],
  };
  return [worker, page];
};
