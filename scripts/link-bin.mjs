// `npx gigaudit` inside this checkout: npm links the bins of dependencies, not the
// project's own, so after install we link ours into node_modules/.bin as npm would.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';

const bin = new URL('../node_modules/.bin/', import.meta.url);
mkdirSync(bin, { recursive: true });
const link = new URL('gigaudit', bin);
rmSync(link, { force: true });
symlinkSync('../../bin/gigaudit.js', link);
chmodSync(new URL('../bin/gigaudit.js', import.meta.url), 0o755);
