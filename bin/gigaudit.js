#!/usr/bin/env node
import { main } from '../dist/cli/program.js';

// A reader that closes early (`gigaudit audit … | head`) is not an error of ours.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY,
});
