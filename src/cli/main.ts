import { Command } from 'commander';
import { registerAudit } from './commands/audit';
import { registerCheck } from './commands/check';
import { registerRollup } from './commands/rollup';
import { processIo, type Io } from './io';
import { translateError, translateHelp } from './messages';

export function buildProgram(io: Io): Command {
  const program = new Command();
  program
    .name('phuluc')
    .description('Phụ lục 57: kiểm tra, tổng hợp và soát công thức các phụ lục Nghị quyết 57 / check, roll up and audit Resolution 57 appendices')
    .version('0.1.0', '-V, --version', 'in số phiên bản / output the version number')
    .helpOption('-h, --help', 'trợ giúp / display help')
    .helpCommand('help [command]', 'trợ giúp về một lệnh / display help for a command')
    .configureOutput({
      writeOut: s => io.out(translateHelp(s)),
      writeErr: s => io.err(translateHelp(s)),
      outputError: (s, write) => write(translateError(s)),
    })
    .showHelpAfterError('(phuluc --help: cách dùng / usage)')
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
    const { code, exitCode } = e as { code?: string; exitCode?: number };
    if (code === 'commander.helpDisplayed' || code === 'commander.version') { io.setExitCode(0); return; }
    // Help shown because nothing was asked (no command, no arguments) is a usage error, as the README says.
    if (code === 'commander.help') { io.setExitCode(exitCode === 0 ? 0 : 1); return; }
    if (typeof code === 'string' && code.startsWith('commander.')) { io.setExitCode(1); return; }
    throw e;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
