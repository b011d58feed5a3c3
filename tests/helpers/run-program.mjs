// Runs a built program module (`node run-program.mjs <program.js> args…`) as bin/gigaudit.js
// runs the one it picks, so a test can run dist/'s and the bundle's side by side.
import { pathToFileURL } from 'node:url';

const [program, ...args] = process.argv.slice(2);
const { main } = await import(pathToFileURL(program).href);
process.exitCode = await main(args, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: false,
});
