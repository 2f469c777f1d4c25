#!/usr/bin/env node
/**
 * Prints the add-in's bundle sizes after `webpack --mode production`: the JavaScript each page loads first
 * (raw and gzip) against the 300 KB gzip budget of the task pane, and the lazy chunks (exceljs, the worker, …).
 * Also the one-file web mode, dist/phuluc57.html (webpack.single.config.js), whole: what a commune copies.
 * Ends with one JSON line (prefix SIZE_REPORT) for the benchmark. `--strict` exits 1 when over budget.
 * Usage: node scripts/size-report.js [dist/addin] [--single dist/phuluc57.html] [--strict]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_GZIP = 300 * 1024;

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Script files a page loads itself, from its <script src> tags (office.js from the CDN excluded). */
function pageScripts(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map(m => m[1])
    .filter(src => !/^https?:/i.test(src))
    .map(src => src.replace(/^\.?\//, ''));
}

function measure(dir) {
  const js = fs.readdirSync(dir).filter(f => f.endsWith('.js'));
  const info = new Map(js.map(f => [f, { file: f, raw: fs.statSync(path.join(dir, f)).size, gzip: gzipSize(path.join(dir, f)), packages: [] }]));
  const manifestFile = path.join(dir, 'build-chunks.json');
  const chunks = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')).chunks : [];
  for (const c of chunks) for (const f of c.files) if (info.has(f)) info.get(f).packages = c.packages;
  const pages = {};
  for (const page of ['taskpane', 'commands']) {
    const html = path.join(dir, `${page}.html`);
    if (fs.existsSync(html)) pages[page] = pageScripts(fs.readFileSync(html, 'utf8')).filter(f => info.has(f));
  }
  const initial = new Set(Object.values(pages).flat());
  const sum = (files, key) => files.reduce((n, f) => n + info.get(f)[key], 0);
  return {
    budgetGzip: BUDGET_GZIP,
    pages: Object.fromEntries(Object.entries(pages).map(([p, files]) => [p, { files, raw: sum(files, 'raw'), gzip: sum(files, 'gzip') }])),
    lazy: [...info.values()].filter(c => !initial.has(c.file)).sort((a, b) => b.raw - a.raw),
    info,
  };
}

const kb = n => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);

function main() {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const singleAt = args.indexOf('--single');
  const single = singleAt >= 0 ? args[singleAt + 1] : undefined;
  if (singleAt >= 0) args.splice(singleAt, 2);
  const dir = path.resolve(args.find(a => !a.startsWith('--')) || path.join(__dirname, '..', 'dist', 'addin'));
  const singleFile = path.resolve(single || path.join(dir, '..', 'phuluc57.html'));
  if (!fs.existsSync(dir)) {
    console.error(`size-report: ${dir} does not exist; run "npm run build" first`);
    process.exit(1);
  }
  const r = measure(dir);
  for (const [page, p] of Object.entries(r.pages)) {
    console.log(`\n${page}.html — first load`);
    for (const f of p.files) {
      const c = r.info.get(f);
      console.log(`  ${pad(f, 32)} ${pad(kb(c.raw), 11)} gzip ${pad(kb(c.gzip), 10)} ${c.packages.join(', ')}`);
    }
    const verdict = page === 'taskpane' ? (p.gzip <= r.budgetGzip ? `within the ${kb(r.budgetGzip)} budget` : `OVER the ${kb(r.budgetGzip)} budget`) : '';
    console.log(`  ${pad('total', 32)} ${pad(kb(p.raw), 11)} gzip ${pad(kb(p.gzip), 10)} ${verdict}`);
  }
  console.log('\nlazy chunks (loaded only when needed)');
  for (const c of r.lazy) console.log(`  ${pad(c.file, 32)} ${pad(kb(c.raw), 11)} gzip ${pad(kb(c.gzip), 10)} ${c.packages.join(', ')}`);
  const page = fs.existsSync(singleFile) ? { file: singleFile, raw: fs.statSync(singleFile).size, gzip: gzipSize(singleFile) } : null;
  if (page) {
    console.log(`\none-file web mode (scripts, styles and the worker inlined; exceljs evaluated on first use)`);
    console.log(`  ${pad(path.relative(process.cwd(), page.file) || page.file, 32)} ${pad(kb(page.raw), 11)} gzip ${pad(kb(page.gzip), 10)}`);
  }
  const json = {
    singlePageRaw: page ? page.raw : null,
    singlePageGzip: page ? page.gzip : null,
    taskpaneFirstLoadGzip: r.pages.taskpane ? r.pages.taskpane.gzip : null,
    taskpaneFirstLoadRaw: r.pages.taskpane ? r.pages.taskpane.raw : null,
    commandsFirstLoadGzip: r.pages.commands ? r.pages.commands.gzip : null,
    budgetGzip: r.budgetGzip,
    lazy: r.lazy.map(c => ({ file: c.file, raw: c.raw, gzip: c.gzip, packages: c.packages })),
  };
  console.log(`\nSIZE_REPORT ${JSON.stringify(json)}`);
  if (strict && r.pages.taskpane && r.pages.taskpane.gzip > r.budgetGzip) process.exit(1);
}

if (require.main === module) main();
module.exports = { measure, pageScripts, gzipSize };
