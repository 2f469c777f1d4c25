import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultCatalog } from '../../core/catalog/catalog';
import { indexMappings, parseMappings } from '../../core/catalog/mappings';
import { buildRollup, RollupIntake } from '../../core/rollup/build';
import { compareMonths } from '../../core/rollup/compare';
import { isDataSheetName, PreviousRows, previousFromGrid, snapshotOfModel, type MonthSnapshot } from '../../core/rollup/previous';
import { rollupJson } from '../../core/rollup/json';
import { rollupPlans } from '../../core/rollup/plan';
import type { Cell } from '../../core/grid/types';
import type { SheetPlan } from '../../core/plan/types';
import type { RollupModel } from '../../core/rollup/types';
import { DEFAULT_LIMITS, type ReadLimits } from '../../xlsx/fast';
import { appendPlansToFile, streamPlansToFile } from '../../xlsx/stream-plans';
import { formatRollup } from '../format-rollup';
import { JOBS_HELP, parseDateOption, parseJobsOption, parsePeriodOption, type Io } from '../io';
import { expandPaths, provinceByFolder, type Expanded } from '../files';
import { loadWorkbook, nodeInflate, readFileBytes } from '../load';
import { previousFromProjection } from '../../xlsx/previous';
import { checkFiles, eachReportOf } from './check';
import { defaultJobs, MIN_FILES_FOR_POOL, type Beside } from '../pool';

export interface RollupCliOptions { output?: string; json?: boolean; map?: string; period?: number; date?: string; previous?: string; province?: string; jobs?: number; byFolder?: boolean }

/**
 * Last month for --previous: a rollup workbook we wrote (read back from its "Dữ liệu" sheet) or a folder of last
 * month's commune workbooks (rolled up again). Null, with the reason on stderr, when neither.
 */
async function readPrevious(source: string, opts: RollupCliOptions, mappings: ReadonlyMap<string, string>, io: Io): Promise<MonthSnapshot | null> {
  let isDir: boolean;
  try {
    isDir = (await fs.stat(source)).isDirectory();
  } catch {
    io.err(`--previous ${source}: không tìm thấy tệp hoặc thư mục / no such file or folder`);
    return null;
  }
  if (isDir) {
    // Last month's communes go through the same pool as this month's.
    const files = await checkFiles([source], { ...(opts.period !== undefined ? { period: opts.period } : {}), ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}) });
    for (const f of files) if (f.error !== null) io.err(`--previous ${f.file}: ${f.error}`);
    if (!files.some(f => f.error === null)) {
      io.err(`--previous ${source}: không có sổ tính nào đọc được / no readable workbook`);
      return null;
    }
    return snapshotOfModel(buildRollup({ files }, { mappings, ...(opts.byFolder === true ? { provinceOf: provinceByFolder([source]) } : {}) }));
  }
  const catalog = defaultCatalog();
  const bytes = readFileBytes(source);
  if (!(bytes instanceof Uint8Array)) { io.err(`--previous ${source}: ${bytes.error}`); return null; }
  // A rollup we wrote keeps the sheet's columns the comparison reads beside it: used while the sheet is unchanged.
  const projected = previousFromProjection(bytes, catalog, { limits: PREVIOUS_LIMITS, inflateRaw: nodeInflate });
  if (projected !== null) {
    if (!projected.ok) { io.err(`--previous ${source}: ${projected.error}`); return null; }
    return projected.snapshot;
  }
  // Else its rows are taken as they are read: the sheet itself is never built (a million cells for 3,321 communes).
  const bySheet = new Map<string, PreviousRows>();
  const onRow = (sheet: string, row: number, cells: readonly (Cell | undefined)[]): void => {
    let rows = bySheet.get(sheet);
    if (!rows) { rows = new PreviousRows(catalog); bySheet.set(sheet, rows); }
    rows.row(row, cells);
  };
  const loaded = await loadWorkbook(source, { limits: PREVIOUS_LIMITS, sheets: isDataSheetName, onRow }, bytes);
  if (!loaded.ok) { io.err(`--previous ${source}: ${loaded.error}`); return null; }
  // A comparison against part of last month would call every missing value "newly reported": never silently.
  for (const n of loaded.notices) io.err(`--previous ${source}: ${n.message}`);
  // The newest copy of the sheet is the last one; a file the exceljs fallback read has its rows in the grid instead.
  const last = [...bySheet].pop();
  const read = last ? last[1].result(last[0]) : previousFromGrid(loaded.grid, catalog);
  if (!read.ok) { io.err(`--previous ${source}: ${read.error}`); return null; }
  return read.snapshot;
}

/**
 * Last month's rollup is read for its "Dữ liệu" sheet alone, which a national rollup fills past the window kept for
 * commune files (20,000 rows, 32 MB of XML): 3,321 communes make 59,842 rows and 44 MB. Excel's own row limit, and a
 * parse budget with room for that sheet three times over; only the 18 columns (and a few more) the sheet has.
 */
const PREVIOUS_LIMITS: ReadLimits = { ...DEFAULT_LIMITS, maxRows: 1_048_576, maxCols: 64, maxParsedBytes: 128 * 1024 * 1024 };

/** Where the workbook goes when -o is not given and no JSON was asked for. */
export const DEFAULT_OUTPUT = 'tong-hop.xlsx';

/** The corrections of --map, or why they could not be read. */
async function readMappings(file: string, io: Io): Promise<ReadonlyMap<string, string> | null> {
  let doc: unknown;
  try {
    doc = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    io.err(`Không đọc được tệp ánh xạ ${file} / cannot read the mapping file: ${(e as Error).message}`);
    return null;
  }
  const { file: mappings, problems } = parseMappings(doc, defaultCatalog());
  for (const p of problems) io.err(`${file}: ${p}`);
  return indexMappings(mappings);
}

/** A new file is streamed to disk; an existing workbook only gains sheets, its own parts copied as stored. */
async function writeOutput(output: string, plans: readonly SheetPlan[]): Promise<{ ok: true; sheets: readonly string[] } | { ok: false; error: string }> {
  const existing = await readExisting(output);
  if (existing === undefined) return streamPlansToFile(plans, output);
  const appended = await appendPlansToFile(existing, plans, output);
  if (appended.ok !== 'unsupported') return appended;
  // exceljs is loaded only here, for a workbook shaped otherwise than the appender expects (or not a workbook at all).
  const { writePlans } = await import('../../xlsx/write-plan');
  const result = await writePlans(plans, existing);
  if (result.ok) await fs.writeFile(output, result.bytes);
  return result;
}

async function readExisting(file: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch {
    return undefined;
  }
}

/**
 * Whether the output would land on a commune's file: named as an input, or found in a scanned folder without being a
 * rollup written earlier (those carry a "Tổng hợp" sheet and are skipped as inputs instead).
 */
async function isSourceFile(paths: readonly string[], files: readonly string[], outputPath: string): Promise<boolean> {
  if (paths.some(p => path.resolve(p) === outputPath)) return true;
  if (!files.some(f => path.resolve(f) === outputPath)) return false;
  const loaded = await loadWorkbook(outputPath);
  return !(loaded.ok && loaded.grid.sheets.some(s => s.name.startsWith('Tổng hợp')));
}

interface Rolled { readonly model: RollupModel; readonly unreadable: boolean }

/**
 * Judges the communes and builds the model; null (the reason on stderr) when no file could be read. The reports are
 * dropped here, once the model holds what it needs of them: a sixth of the heap on 3,321 communes (measured), which
 * the writer would otherwise carry to the end.
 */
async function rollUp(paths: readonly string[], inputs: Expanded, opts: RollupCliOptions, exclude: ReadonlySet<string>, mappings: ReadonlyMap<string, string>,
  io: Io, beside: Beside = {}): Promise<Rolled | null> {
  // Each report is matched as it arrives, while the workers judge the files after it (see RollupIntake).
  const intake = new RollupIntake({ mappings, ...(opts.byFolder === true ? { provinceOf: provinceByFolder(paths) } : {}) });
  await eachReportOf(inputs, {
    ...(opts.period !== undefined ? { period: opts.period } : {}), ...(opts.date !== undefined ? { date: opts.date } : {}),
    ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
  }, exclude, r => { intake.add(r); }, beside);
  // Stopped (last month could not be read): nothing is said of the files, nothing is built.
  if (beside.signal?.aborted === true) return null;
  const files = intake.reports;
  // Each file that could not be read is said on stderr, whatever else is printed.
  for (const f of files) if (f.error !== null) io.err(`${f.file}: ${f.error}`);
  if (!files.some(f => f.error === null)) {
    io.err(files.length === 0
      ? `Không tìm thấy sổ tính .xlsx nào trong ${paths.join(', ')} — không ghi tệp tổng hợp / no workbook found, nothing written`
      : 'Không đọc được tệp nào — không ghi tệp tổng hợp / no file could be read, nothing written');
    return null;
  }
  return { model: intake.build(), unreadable: files.some(f => f.error !== null) };
}

/**
 * The pool's threads when last month's rollup is to be read while they judge: for a workbook (a folder goes through a
 * pool of its own) and a pool that will run; null otherwise. Reading it takes 0.2 s for 3,321 communes, on one core,
 * which the judging then shares instead of following (national `--previous`: 3.26 against 3.37 s, 10 pairs).
 */
async function jobsBeside(previous: string, inputs: Expanded, opts: RollupCliOptions): Promise<number | null> {
  try {
    if ((await fs.stat(previous)).isDirectory()) return null;
  } catch {
    return null;
  }
  const files = inputs.files.length;
  const jobs = opts.jobs ?? await defaultJobs(files);
  return jobs >= 2 && files >= MIN_FILES_FOR_POOL ? jobs : null;
}

/**
 * Last month and this month's model, or null (the reason said, the exit code set). A --previous that is not last
 * month always fails before anything is written: read first, or beside the judging, which it then stops.
 */
async function monthsOf(paths: readonly string[], inputs: Expanded, opts: RollupCliOptions, mappings: ReadonlyMap<string, string>, io: Io,
  output: string | undefined): Promise<{ month: MonthSnapshot | undefined; rolled: Rolled } | null> {
  const outputPath = output !== undefined ? path.resolve(output) : undefined;
  // Neither our output nor last month's rollup is a commune's report, even when it sits in the scanned folder.
  const exclude = new Set([outputPath, opts.previous !== undefined ? path.resolve(opts.previous) : undefined].filter((p): p is string => p !== undefined));
  // The rollup only adds sheets to its output, but a commune's own file must never be written to.
  const checkOutput = async (): Promise<boolean> => {
    if (outputPath === undefined || !await isSourceFile(paths, inputs.files, outputPath)) return true;
    io.err(`${output}: tệp kết quả trùng với một tệp nguồn — hãy chọn tên khác / the output file is one of the inputs`);
    io.setExitCode(1);
    return false;
  };
  const jobs = opts.previous !== undefined ? await jobsBeside(opts.previous, inputs, opts) : null;
  let month: MonthSnapshot | null | undefined;
  let rolled: Rolled | null;
  if (opts.previous !== undefined && jobs !== null) {
    const stop = new AbortController();
    let started = (): void => {};
    const ready = new Promise<void>(resolve => { started = resolve; });
    const rolling = rollUp(paths, inputs, { ...opts, jobs }, exclude, mappings, io, { onStarted: () => { started(); }, signal: stop.signal });
    await Promise.race([ready, rolling]);
    month = await readPrevious(opts.previous, opts, mappings, io);
    if (month === null || !await checkOutput()) {
      stop.abort();
      await rolling;
      io.setExitCode(1);
      return null;
    }
    rolled = await rolling;
  } else {
    month = opts.previous !== undefined ? await readPrevious(opts.previous, opts, mappings, io) : undefined;
    if (month === null) { io.setExitCode(1); return null; }
    if (!await checkOutput()) return null;
    rolled = await rollUp(paths, inputs, opts, exclude, mappings, io);
  }
  if (rolled === null) { io.setExitCode(2); return null; }
  return { month, rolled };
}

export function registerRollup(program: Command, io: Io): void {
  program
    .command('rollup')
    .description('Tổng hợp sổ tính của nhiều xã theo từng chỉ tiêu / roll up many commune workbooks per indicator')
    .argument('<paths...>', 'tệp .xlsx hoặc thư mục / .xlsx files or folders')
    .option('-o, --output <file>', `sổ tính tổng hợp (mặc định ${DEFAULT_OUTPUT}; thêm trang, không ghi đè) / rollup workbook (sheets are added, never replaced)`)
    .option('--json', 'in kết quả dạng JSON / print JSON')
    .option('--map <file>', 'tệp ánh xạ chỉ tiêu đã sửa (mapping.json) / corrected indicator mappings')
    .option('--period <year>', 'năm đánh giá, luôn được ưu tiên hơn năm ghi ở tiêu đề / year judged, wins over header years', parsePeriodOption)
    .option('--date <yyyy-mm-dd>', 'ngày báo cáo khi không ghi / report date', parseDateOption)
    .option('--province <name>', 'tên tỉnh, thành phố cho tiêu đề và đầu trang in / province for titles and printed headers')
    .option('--previous <workbook|folder>', 'kỳ trước: bản tổng hợp kỳ trước hoặc thư mục sổ tính của các xã / last month: its rollup workbook or folder')
    .option('--by-folder', 'mỗi thư mục là một tỉnh: xã cùng tên ở hai thư mục là hai xã / each folder is a province: communes of one name in two folders are two')
    .option('--jobs <n>', JOBS_HELP, parseJobsOption)
    .action(async (paths: string[], opts: RollupCliOptions) => {
      const mappings = opts.map !== undefined ? await readMappings(opts.map, io) : new Map<string, string>();
      if (mappings === null) { io.setExitCode(1); return; }
      const output = opts.output ?? (opts.json ? undefined : DEFAULT_OUTPUT);
      // Listed once, for the check of the output and for the judging.
      const inputs = await expandPaths(paths);
      const months = await monthsOf(paths, inputs, opts, mappings, io, output);
      if (months === null) return;
      // A box the comparison empties, so last month's 60,000 entries (3,321 communes) are not carried through the writing.
      const previous = months;
      const { model, unreadable } = months.rolled;
      const comparison = previous.month ? compareMonths(previous.month, snapshotOfModel(model), model.indicators.map(i => i.key)) : undefined;
      previous.month = undefined;

      let written: { file: string; sheets: readonly string[] } | null = null;
      if (output !== undefined) {
        // Links and "Tệp" name each commune file relative to the rollup's folder, so the folder can move as a whole.
        const outDir = path.dirname(path.resolve(output));
        // Asked once per row that names a commune: each file's answer is kept (0.3 s of 7 s on 3,321 communes, profiled).
        const relativeNames = new Map<string, string>();
        const relativeFile = (file: string): string => {
          let name = relativeNames.get(file);
          if (name === undefined) {
            name = path.relative(outDir, path.resolve(file)).split(path.sep).join('/');
            relativeNames.set(file, name);
          }
          return name;
        };
        const plans = rollupPlans(model, undefined, comparison, { relativeFile, ...(opts.province !== undefined ? { province: opts.province } : {}) });
        const result = await writeOutput(output, plans);
        if (!result.ok) {
          io.err(`${output}: ${result.error}`);
          io.setExitCode(1);
        } else {
          written = { file: output, sheets: result.sheets };
          if (opts.json) io.err(`Đã ghi ${output} (${result.sheets.join(', ')})`);
        }
      }
      io.out(opts.json ? JSON.stringify(rollupJson(model, comparison), null, 2) : formatRollup(model, written, comparison));
      io.setExitCode(unreadable ? 2 : 0);
    });
}
