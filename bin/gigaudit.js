#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The bundle (scripts/bundle.mjs) starts faster than tsc's ~120 modules; a checkout built
// with tsc alone still runs.
const built = ['../dist/bundle/cli/program.js', '../dist/cli/program.js'].map((p) => new URL(p, import.meta.url));
const program = built.find((u) => existsSync(u));
if (!program) {
  process.stderr.write('gigaudit: not built: run `npm run build` in the package directory\n');
  process.exit(2);
}
const { main } = await import(program.href);

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
