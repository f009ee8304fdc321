#!/usr/bin/env node
// `npm start`: builds the API and the web app, then runs both on one port (default 3000)
// with embedded SQLite under ./data/ and the demo desk loaded on first start.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Readable log lines in a terminal; production (and anything started without this script)
// writes JSON lines unless SHIFTDESK_LOG_FORMAT says otherwise.
const env = { SHIFTDESK_LOG_FORMAT: 'text', ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
console.log('Building Shiftdesk (API and web app)…');
const build = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'api', 'web'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
