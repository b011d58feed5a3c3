// Where the package's own files are. This code runs from src/ (vitest), dist/ (tsc) or
// dist/bundle/ (esbuild, scripts/bundle.mjs), and in the bundle import.meta.url is that of
// whichever chunk the code landed in, so a path relative to it depends on how esbuild split
// the modules. The package root (the directory of our package.json) does not move.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where scripts/bundle.mjs writes the bundle, relative to the package root. */
export const BUNDLE_DIR = join('dist', 'bundle');

interface Manifest {
  name?: string;
  version: string;
}

/** The nearest directory above `file` with the package.json of gigaudit (not that of a project that installed us). */
function findRoot(file: string): { dir: string; manifest: Manifest } {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    let manifest: Manifest | undefined;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    } catch {
      // none here, or not ours to read
    }
    if (manifest?.name === 'gigaudit') return { dir, manifest };
    if (dirname(dir) === dir) throw new Error(`no package.json of gigaudit above ${file}`);
  }
}

const here = fileURLToPath(import.meta.url);
const root = findRoot(here);

/** The package root: package.json, rulesets/, dist/. */
export const PACKAGE_ROOT: string = root.dir;
export const PACKAGE_VERSION: string = root.manifest.version;

// Threads run the worker scripts of the tree this code runs from, so that the bundled
// program starts the bundled workers; from src/ they run dist/'s (vitest builds none).
const bundle = join(PACKAGE_ROOT, BUNDLE_DIR);
const scripts = here.startsWith(bundle + sep) ? bundle : join(PACKAGE_ROOT, 'dist');

/** A worker script by its path in dist/ ('read/fast/worker.js'); undefined when not built. */
export function workerScript(rel: string): URL | undefined {
  const file = join(scripts, rel);
  return existsSync(file) ? pathToFileURL(file) : undefined;
}
