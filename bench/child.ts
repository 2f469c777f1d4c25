/**
 * Entry point of one measurement in its own process: `node child.js <task> <dir> [output]`. Prints one JSON line:
 * `ms` (the work, timed inside the process after modules are loaded), `cpuMs` (the process's CPU time, start-up
 * included: steadier than wall time on a busy machine), `rssMB` (peak memory) and the task's figures.
 * Each task loads only the modules it uses: the floor's process loads fflate and saxes and nothing of the product.
 */
import { floor, workbooks } from './floor';

async function run(task: string, dir: string, output: string): Promise<Record<string, unknown>> {
  const files = await workbooks(dir);
  const m = task === 'floor' ? null : await import('./measure');
  const office = task === 'office' ? await import('./office') : null;
  if (task === 'exceljs') await import('exceljs');
  const t = performance.now();
  const timed = (figures: Record<string, unknown>) => {
    const c = process.cpuUsage();
    return { ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000, ...figures };
  };
  switch (task) {
    case 'floor': return timed({ tags: await floor(files) });
    case 'exceljs': return timed({ sheets: await m!.exceljsRead(files) });
    case 'read': return timed({ cells: await m!.productRead(files) });
    case 'stages': return timed({ stages: await m!.rollupStages(files, output) });
    case 'office': return timed({ check70: await office!.checkAndColour(70), check5000: await office!.checkAndColour(5000), rollupWrite: await office!.rollupWrite(files) });
    default: throw new Error(`unknown task ${task}`);
  }
}

const [task = '', dir = '', output = ''] = process.argv.slice(2);
run(task, dir, output).then(
  figures => { process.stdout.write(`${JSON.stringify({ ...figures, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`); },
  (e: unknown) => { process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 1; },
);
