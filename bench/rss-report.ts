/**
 * Preloaded (node -r) into a command measured end to end: at exit, writes the process's peak memory and CPU time to
 * the file named by BENCH_RSS_FILE, since a parent process cannot read a child's resource usage in Node — and
 * whether exceljs was loaded at all (a new rollup file and `check` should not need it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const out = process.env['BENCH_RSS_FILE'];
if (out) {
  process.on('exit', () => {
    const c = process.cpuUsage();
    const exceljs = Object.keys(require.cache).some(k => k.includes(`node_modules${path.sep}exceljs${path.sep}`));
    writeFileSync(out, JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024, cpuMs: (c.user + c.system) / 1000, exceljs }));
  });
}
