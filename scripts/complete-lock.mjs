// The npm registry reachable here lacks rollup's prebuilt binaries for other platforms, so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as
// out of sync. This adds the missing optional platform packages as lock entries with their
// os/cpu/libc constraints: npm ci skips them on a machine they do not fit, as it would
// with a complete lock. Run after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pkgs = lock.packages;
const CPUS = new Set(['arm', 'arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x']);
let added = 0;
for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `${key ? `${key}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (pkgs[where] || pkgs[hoisted]) continue;
    // Platform packages are named <scope>/<pkg>-<os>-<cpu>[-<abi>].
    const parts = dep.split('/').pop().split('-');
    const i = parts.findIndex((p) => CPUS.has(p));
    if (i < 1) continue;
    const os = parts[i - 1];
    const abi = parts.slice(i + 1).join('-');
    pkgs[hoisted] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [parts[i]],
      ...(abi.includes('musl') ? { libc: ['musl'] } : abi.includes('gnu') ? { libc: ['glibc'] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entries`);
