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
// TurboFan inlines less per optimized function (120 bytecode bytes in all instead of V8's 920). A national rollup runs
// three isolates (this thread and two workers), each compiling the same hot code on V8's background threads: 1.5 of
// its 6 s of CPU went to that compiling (per-thread CPU from /proc, and with --no-concurrent-recompilation). Less
// inlining compiles less and ran no slower here: rollups of 150 communes 0.48 s against 0.55 s (14 alternating pairs),
// of 3,321 3.06 s against 3.23 s, with --previous 3.42 s against 3.69 s; check of 3,321 2.31 against 2.27 s wall
// for 5% less CPU (2026-12-03, `npm run bench:ab`). Flags set here, before any code is compiled, apply to the
// workers too (V8's flags are the process's).
require('v8').setFlagsFromString('--max-inlined-bytecode-size-cumulative=120');
require(entry).main(process.argv.slice(2));
