import { Command } from 'commander';
import { registerAudit } from './commands/audit';
import { registerCheck } from './commands/check';
import { registerRollup } from './commands/rollup';
import { processIo, type Io } from './io';

export function buildProgram(io: Io): Command {
  const program = new Command();
  program
    .name('phuluc')
    .description('Phụ lục 57: kiểm tra, tổng hợp và soát công thức các phụ lục Nghị quyết 57 / check, roll up and audit Resolution 57 appendices')
    .version('0.1.0')
    .configureOutput({ writeOut: s => io.out(s), writeErr: s => io.err(s) })
    .exitOverride();
  registerCheck(program, io);
  registerRollup(program, io);
  registerAudit(program, io);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<void> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    const code = (e as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') { io.setExitCode(0); return; }
    if (typeof code === 'string' && code.startsWith('commander.')) { io.setExitCode(1); return; }
    throw e;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
