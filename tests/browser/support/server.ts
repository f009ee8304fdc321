import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * global-setup leaves the running server's details in a file inside the run's temp directory and
 * names it in this variable, which the test files (same process or child workers) and the
 * teardown read. Two runs at once never share a server.
 */
const STATE_ENV = 'SHIFTDESK_BROWSER_STATE';

export interface ServerState {
  baseUrl: string;
  pid: number;
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
}

export const ADMIN = { email: 'admin@browser.test', password: 'browser-admin-42' } as const;

const root = resolve(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was healthy:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API was not ready at ${baseUrl}/api/ready within ${timeoutMs / 1000} s:\n${log()}`);
}

/** Starts the built product on a free port with an empty SQLite file and the demo desk. */
export async function startServer(): Promise<ServerState> {
  const main = join(root, 'dist/apps/api/main.js');
  const index = join(root, 'dist/apps/web/browser/index.html');
  const missing = [main, index].filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `Browser tests run against the built product, but ${missing.map((m) => m.replace(root + '/', '')).join(' and ')} ` +
        `${missing.length > 1 ? 'are' : 'is'} missing. Build first: npx nx run-many -t build -p api web`,
    );
  }
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error('Browser tests drive Debian\'s Chromium at /usr/bin/chromium, which is not installed (apt-get install chromium).');
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-browser-'));
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SHIFTDESK_SQLITE_PATH: join(dataDir, 'shiftdesk.sqlite'),
      SHIFTDESK_DEMO: 'true',
      SHIFTDESK_ADMIN_EMAIL: ADMIN.email,
      SHIFTDESK_ADMIN_PASSWORD: ADMIN.password,
      DATABASE_URL: '',
      // The suite signs the demo manager in far more often than a person would (10 a minute).
      SHIFTDESK_LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitForHealth(baseUrl, child, () => output, 60_000);
  } catch (error) {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // The tests and the teardown run later; the child must not keep this process alive on its own.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  const state: ServerState = { baseUrl, pid: child.pid ?? 0, dataDir, adminEmail: ADMIN.email, adminPassword: ADMIN.password };
  const stateFile = join(dataDir, 'server.json');
  writeFileSync(stateFile, JSON.stringify(state));
  process.env[STATE_ENV] = stateFile;
  return state;
}

export function readServerState(): ServerState {
  const stateFile = process.env[STATE_ENV];
  if (!stateFile || !existsSync(stateFile)) throw new Error(`No running server: ${STATE_ENV} is unset or missing (did global-setup run?)`);
  return JSON.parse(readFileSync(stateFile, 'utf8')) as ServerState;
}

/** Stops the server global-setup started (by its pid) and removes its data. */
export async function stopServer(): Promise<void> {
  const stateFile = process.env[STATE_ENV];
  if (!stateFile || !existsSync(stateFile)) return;
  const state = readServerState();
  if (state.pid) {
    try {
      process.kill(state.pid, 'SIGTERM');
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 125));
        process.kill(state.pid, 0); // throws once the process is gone
      }
      process.kill(state.pid, 'SIGKILL');
    } catch {
      // Already stopped.
    }
  }
  rmSync(state.dataDir, { recursive: true, force: true });
  delete process.env[STATE_ENV];
}
