#!/usr/bin/env node
// `npm run bench:load`: bundles tests/benchmarks/load/load-bench.ts with esbuild (as
// tests/benchmarks/run.mjs does for the *.bench.ts files) and runs it. Not a *.bench.ts itself:
// it takes minutes (two databases seeded with 500 agents and a year of shifts), `npm run bench`
// stays quick.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'shiftdesk-load-bench-'));
const outfile = join(out, 'load-bench.cjs');
await build({
  entryPoints: [join(root, 'tests/benchmarks/load/load-bench.ts')],
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
rmSync(out, { recursive: true, force: true });
process.exit(res.status ?? 1);
