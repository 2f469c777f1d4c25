import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
/** A folder of its own, so a build here never races another `npm run build` writing dist/addin. */
export const OUT = path.join(ROOT, 'dist', 'e2e-addin');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the add-in with webpack (production) unless the last e2e build is newer than every source it uses. */
export function ensureBuild(): { built: boolean } {
  const page = path.join(OUT, 'taskpane.html');
  const inputs = Math.max(
    newest(path.join(ROOT, 'src')),
    ...['webpack.config.js', 'package.json', 'manifest.xml'].map(f => (existsSync(path.join(ROOT, f)) ? statSync(path.join(ROOT, f)).mtimeMs : 0)),
  );
  if (existsSync(page) && statSync(page).mtimeMs > inputs && process.env.E2E_REBUILD !== '1') return { built: false };
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', OUT], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(page)) throw new Error(`webpack produced no ${page}`);
  return { built: true };
}

/** Where the e2e builds the one-file page (its own folder, like the add-in build). */
export const SINGLE_OUT = path.join(ROOT, 'dist', 'e2e-single');
export const SINGLE_PAGE = path.join(SINGLE_OUT, 'phuluc57.html');

/** Builds dist/e2e-single/phuluc57.html (webpack.single.config.js) unless it is newer than every source it uses. */
export function ensureSingleBuild(): { built: boolean } {
  const inputs = Math.max(
    newest(path.join(ROOT, 'src')),
    ...['webpack.single.config.js', 'package.json'].map(f => (existsSync(path.join(ROOT, f)) ? statSync(path.join(ROOT, f)).mtimeMs : 0)),
  );
  if (existsSync(SINGLE_PAGE) && statSync(SINGLE_PAGE).mtimeMs > inputs && process.env.E2E_REBUILD !== '1') return { built: false };
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '-c', 'webpack.single.config.js', '--mode', 'production', '--env', `out=${SINGLE_OUT}`], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(SINGLE_PAGE)) throw new Error(`webpack produced no ${SINGLE_PAGE}`);
  return { built: true };
}
