// The commander program. main() returns the exit code; only bin/ touches process.
import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { terminalText } from '../reporters/escape.js';
import { VERSION } from '../version.js';
import { registerAudit } from './audit.js';
import { registerCheck } from './check.js';
import { registerInfo } from './info.js';
import { registerMerge } from './merge.js';
import type { Io } from './io.js';

const oneLine = (s: string) => terminalText(s).replace(/[\r\n\t]+/g, ' ');

export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const setExit = (c: number) => {
    code = c;
  };
  const program = new Command('gigaudit')
    .description('Compliance auditor for platform work in China / 新就业形态劳动者权益合规审计')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(terminalText(s)) });
  registerAudit(program, io, setExit);
  registerInfo(program, io);
  registerCheck(program, io, setExit);
  registerMerge(program, io, setExit);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(terminalText(s)) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; commander has already printed its one-line reason for the rest.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
    }
    if (e instanceof UsageError) {
      // Messages quote paths and values from the inputs: one line, nothing a terminal acts on.
      io.stderr(`gigaudit: ${oneLine(e.message)}\n`);
      return 2;
    }
    // A bug: still one line for the user, never a stack trace (GIGAUDIT_DEBUG=1 shows it).
    io.stderr(`gigaudit: internal error: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    if (io.env.GIGAUDIT_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
    return 2;
  }
}
