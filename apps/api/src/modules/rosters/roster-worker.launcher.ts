import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RosterWorkerInput } from './roster-worker.protocol';

/** File name of the worker bundle next to main.js (a second webpack entry, see apps/api/webpack.config.js). */
export const ROSTER_WORKER_BUNDLE = 'roster.worker.js';

function findWorkspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'tsconfig.base.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`roster worker: no tsconfig.base.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * Starts a roster worker thread. The built product runs the bundled worker beside main.js;
 * from sources (ts-jest, ts-node) there is no bundle, so the worker registers ts-node
 * (transpile only) and the workspace's path aliases, then loads `roster.worker.ts`.
 */
export function startRosterWorker(input: RosterWorkerInput): Worker {
  const bundle = join(__dirname, ROSTER_WORKER_BUNDLE);
  if (existsSync(bundle)) return new Worker(bundle, { workerData: input });
  const root = findWorkspaceRoot(__dirname);
  const source = join(__dirname, 'roster.worker.ts');
  const bootstrap = [
    `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(root, 'apps/api/tsconfig.app.json'))} });`,
    `const { compilerOptions } = require(${JSON.stringify(join(root, 'tsconfig.base.json'))});`,
    `require('tsconfig-paths').register({ baseUrl: ${JSON.stringify(root)}, paths: compilerOptions.paths });`,
    `require(${JSON.stringify(source)});`,
  ].join('\n');
  return new Worker(bootstrap, { eval: true, workerData: input });
}
