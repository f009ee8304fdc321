#!/usr/bin/env node
// `npm run bench:solver [-- paths… --time-limit 60 --seed 1 --json]`: bundles solver-bench.ts with
// esbuild (tsconfig paths resolve @shiftdesk/scheduling; `highs` stays external so its Wasm is
// found beside its loader) and runs it in a fresh Node process with the arguments passed on.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;
const out = join(mkdtempSync(join(tmpdir(), 'shiftdesk-solver-bench-')), 'solver-bench.cjs');
await build({
  entryPoints: [join(root, 'tests/benchmarks/solver/solver-bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  tsconfig: join(root, 'tsconfig.base.json'),
  external: ['sqlite3', 'pg', 'highs'],
  logLevel: 'error',
});
const res = spawnSync(process.execPath, ['--max-old-space-size=4096', out, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // The bundle lives in a temp dir: NODE_PATH lets it find the external `highs` package.
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC', NODE_PATH: join(root, 'node_modules') },
});
process.exit(res.status ?? 1);
