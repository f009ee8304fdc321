#!/usr/bin/env node
// `npm run bench`: bundles every tests/benchmarks/*.bench.ts with esbuild (tsconfig paths
// resolve the @shiftdesk/* libs) and runs each in its own Node process, so one benchmark's
// heap and JIT state never colour another's. Each bench prints markdown table rows.
// Optional argument: a substring to pick benchmarks (`npm run bench -- coverage`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, 'tests/benchmarks');
const filter = process.argv[2] ?? '';
const out = mkdtempSync(join(tmpdir(), 'shiftdesk-bench-'));
const benches = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
if (benches.length === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exit(1);
}

console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log('| benchmark | result | target |');
console.log('|---|---:|---|');
let failed = false;
for (const file of benches) {
  const outfile = join(out, file.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [join(dir, file)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    tsconfig: join(root, 'tsconfig.base.json'),
    external: ['sqlite3', 'pg', 'highs'],
    logLevel: 'error',
  });
  const res = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } });
  if (res.status !== 0) {
    console.log(`| ${file} | failed (exit ${res.status}) | |`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
