#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('phuluc: chưa biên dịch — hãy chạy "npm install" hoặc "npm run build:cli" / not built yet: run "npm run build:cli"\n');
  process.exit(1);
}
// V8's allocation-site pretenuring is off for this process: once one sheet's wide rows (3,321 cells each) survive a
// young collection, every cell value made at the same source line afterwards goes straight to the old generation,
// and a national rollup with --previous then peaked at 309-332 MB in about half the runs instead of 231-255 MB
// (measured with /usr/bin/time, six runs each, 2026-12-01). Set here, before any work, it takes effect (238-250 MB in
// six runs; check and the plain rollup unchanged or lower). Node warns that flags changed after start may behave
// unpredictably (https://nodejs.org/api/v8.html#v8setflagsfromstringflags), so this is the only one.
require('v8').setFlagsFromString('--no-allocation-site-pretenuring');
require(entry).main(process.argv.slice(2));
