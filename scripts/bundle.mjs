// After tsc: bundles dist/ with its dependencies into dist/bundle/ (the program and the two
// worker scripts, shared code in chunks), which bin/gigaudit.js prefers. Loading a few
// chunks instead of ~120 modules of ours and those of zod, commander and the rest cuts
// start-up by a third; dist/ itself stays as tsc wrote it (tests and scripts import it).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// Same place as BUNDLE_DIR in src/paths.ts.
const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));

// Chunk names carry a hash: without this, every build would leave the last one's behind.
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: dist,
  // The same paths below dist/bundle/ as below dist/: src/paths.ts finds a worker script by them.
  entryPoints: ['cli/program.js', 'read/fast/worker.js', 'audit/ruleWorker.js'],
  outbase: '.',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // commander is CommonJS and requires node:events; esbuild's ESM output has no require of its own.
  banner: { js: "import { createRequire as __gigauditRequire } from 'node:module'; const require = __gigauditRequire(import.meta.url);" },
  logLevel: 'warning',
});
