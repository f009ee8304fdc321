#!/usr/bin/env node
// Runs an API command-line command from its TypeScript source (apps/api/src/cli/) with the API's
// tsconfig and path aliases, so it always matches the checked-out code without a build:
//   npm run backup [-- --out <file|folder>]
//   npm run restore -- <file> [--force]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'package.json'));
/** Command → the source file that implements it (it gets the command as its first argument). */
const COMMANDS = { backup: 'backup.ts', restore: 'backup.ts' };
const [command, ...args] = process.argv.slice(2);
if (!Object.hasOwn(COMMANDS, command ?? '')) {
  console.error(`Usage: node tools/api-cli.mjs <${Object.keys(COMMANDS).join('|')}> [arguments]`);
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  ['-r', require.resolve('ts-node/register/transpile-only'), '-r', require.resolve('tsconfig-paths/register'), join(root, 'apps/api/src/cli', COMMANDS[command]), command, ...args],
  {
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_PROJECT: join(root, 'apps/api/tsconfig.app.json'), TS_NODE_FILES: 'true' },
  },
);
process.exit(result.status ?? 1);
