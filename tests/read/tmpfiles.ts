// Temp files for read tests: every test writes its inputs under os.tmpdir(), never the repo.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

export async function tmpDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'gigaudit-read-'));
  made.push(d);
  return d;
}

export async function put(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const p = join(dir, name);
  await mkdir(dirname(p), { recursive: true });
  await writeFile(p, content);
  return p;
}
