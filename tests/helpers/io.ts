import type { Io } from '../../src/cli/io';

export function captureIo(): Io & { stdout: () => string; stderr: () => string; code: () => number } {
  let out = '';
  let err = '';
  let code = 0;
  return {
    out: t => { out += `${t}\n`; },
    err: t => { err += `${t}\n`; },
    setExitCode: c => { code = Math.max(code, c); },
    stdout: () => out,
    stderr: () => err,
    code: () => code,
  };
}
