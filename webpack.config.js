/**
 * Builds the add-in: the task pane (src/taskpane, written separately) and the ribbon's function file
 * (src/commands), into dist/addin/ (dist/ itself also holds the CLI build, so only dist/addin is cleaned).
 * Each page first loads a small ECMAScript 5 script from src/legacy (function file: the `quickColour` global;
 * task pane: the old-webview notice), built with target ES5 so Internet Explorer 11 and EdgeHTML (Office 2016/2019
 * without WebView2) can run it even though they cannot parse the main bundles. `env.legacyOnly` builds just those
 * two (tests/manifest/legacy-es5.test.ts parses them at ECMAScript 5).
 * The task pane's first load stays small: the xlsx reader/writer (exceljs' browser build, reached through dynamic
 * import()) and the check worker are lazy chunks. `npm start` runs this config's devServer on https://localhost:3000.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist', 'addin');
const PORT = 3000;
const src = p => path.join(ROOT, 'src', p);

/** Writes dist/addin/build-chunks.json: which files each page loads first and what the lazy chunks hold. */
class ChunkManifestPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('ChunkManifestPlugin', compilation => {
      const stats = compilation.getStats().toJson({ all: false, entrypoints: true, chunks: true, chunkModules: true, chunkModulesSpace: Infinity, dependentModules: true, ids: true });
      // Attribute bytes to npm packages, and our own code to its top folders (src/core, src/xlsx, …).
      const packageOf = name => {
        const n = (name || '').replace(/\\/g, '/');
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(n);
        if (m) return m[1];
        const s = /(?:^|\/)src\/([^/ ]+)(?:\/([^/ ]+)\/)?/.exec(n);
        return s ? ['src', s[1], s[2]].filter(Boolean).join('/') : 'other';
      };
      const chunks = (stats.chunks || []).map(c => {
        const weight = new Map();
        for (const m of (c.modules || []).filter(x => x.name)) weight.set(packageOf(m.name), (weight.get(packageOf(m.name)) || 0) + (m.size || 0));
        return {
          files: (c.files || []).filter(f => f.endsWith('.js')),
          initial: !!c.initial,
          names: c.names || [],
          packages: [...weight].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([p]) => p),
        };
      });
      const entrypoints = {};
      for (const [name, ep] of Object.entries(stats.entrypoints || {})) {
        entrypoints[name] = (ep.assets || []).map(a => (typeof a === 'string' ? a : a.name)).filter(f => f.endsWith('.js'));
      }
      fs.mkdirSync(compiler.options.output.path, { recursive: true });
      fs.writeFileSync(path.join(compiler.options.output.path, 'build-chunks.json'), JSON.stringify({ entrypoints, chunks }, null, 2));
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'development';
  const production = mode === 'production';
  const taskpaneEntry = src('taskpane/index.tsx');
  const taskpaneHtml = src('taskpane/taskpane.html');
  const withTaskpane = fs.existsSync(taskpaneEntry) && fs.existsSync(taskpaneHtml);
  if (!withTaskpane) console.warn('webpack: src/taskpane/index.tsx or taskpane.html missing: building the commands page only');

  const legacyOnly = env.legacyOnly === true || env.legacyOnly === 'true';
  // The ES5 scripts come first in each page, so they are there before the main bundle (which may fail to parse).
  const entry = {
    'commands-legacy': src('legacy/function-file.ts'),
    'taskpane-legacy': src('legacy/pane-boot.ts'),
  };
  if (!legacyOnly) {
    if (withTaskpane) entry.taskpane = taskpaneEntry;
    entry.commands = src('commands/commands.ts');
  }

  const pages = legacyOnly ? [] : [
    new HtmlWebpackPlugin({ filename: 'commands.html', template: src('commands/commands.html'), chunks: ['commands-legacy', 'commands'], chunksSortMode: 'manual', scriptLoading: 'defer' }),
  ];
  if (withTaskpane && !legacyOnly) {
    pages.unshift(new HtmlWebpackPlugin({ filename: 'taskpane.html', template: taskpaneHtml, chunks: ['taskpane-legacy', 'taskpane'], chunksSortMode: 'manual', scriptLoading: 'defer' }));
  }
  const isLegacyChunk = chunk => /-legacy$/.test(chunk.name || '');
  const LEGACY_SOURCES = /[\\/]src[\\/]legacy[\\/].*\.ts$/;

  return {
    mode,
    // webpack's own runtime code in ES5 too (the legacy entries' wrapper); the main bundles' code stays ES2022.
    target: ['web', 'es5'],
    context: ROOT,
    entry,
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    output: {
      path: env.outDir ? path.resolve(env.outDir) : OUT,
      // Relative URLs: the pages work from any folder of the host, not only from the site root.
      publicPath: 'auto',
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // exceljs' "browser" field points at its self-contained browser build (dist/exceljs.min.js).
      mainFields: ['browser', 'module', 'main'],
    },
    module: {
      rules: [
        {
          // The old-webview scripts: ECMAScript 5 output, ES modules only so webpack can bundle them.
          test: LEGACY_SOURCES,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              compilerOptions: { target: 'es5', module: 'es2015', noEmit: false, sourceMap: true },
            },
          },
        },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, LEGACY_SOURCES],
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              // ES modules so webpack sees import() (lazy chunks) and import.meta (the worker); tsc checks types separately.
              compilerOptions: { module: 'es2020', noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: legacyOnly ? [] : [
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/commands/commands.css', to: 'commands.css' },
          // The help page the manifest's SupportUrl and GetStarted link open (static, no script).
          { from: 'src/commands/help.html', to: 'help.html' },
        ],
      }),
      new ChunkManifestPlugin(),
    ],
    optimization: {
      // The ES5 entries stay whole: a shared chunk would pull modern code into them.
      splitChunks: { chunks: chunk => !isLegacyChunk(chunk) },
      chunkIds: production ? 'deterministic' : 'named',
    },
    // Sizes are reported by scripts/size-report.js against the project's own budget.
    performance: { hints: false },
    stats: production ? 'errors-warnings' : 'minimal',
    devServer: {
      port: PORT,
      host: 'localhost',
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      static: false,
      historyApiFallback: false,
    },
  };
};
