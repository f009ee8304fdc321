import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FaultDatabase } from './database';

const root = resolve(__dirname, '../../..');
export const MAIN = join(root, 'dist/apps/api/main.js');
export const ADMIN = { email: 'admin@faults.test', password: 'faults-admin-42' } as const;

export function freePort(): Promise<number> {
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

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running `node dist/apps/api/main.js`. */
export interface ApiProcess {
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr, the last 200 kB). */
  output(): string;
  exited: Promise<Exit>;
  /** Sends the signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<Exit>;
}

/** Every process started and not yet seen to exit: stopApis() ends them, so a failing test never leaves one running. */
const running = new Set<ApiProcess>();

/** SIGKILLs every API process this test file started that is still running. */
export async function stopApis(): Promise<void> {
  await Promise.all([...running].map((api) => api.stop('SIGKILL')));
}

/**
 * Starts the built API on a free loopback port against the database, without demo data, and
 * waits until /api/ready answers 200.
 */
export async function startApi(database: FaultDatabase, env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`The fault tests run the built API, but ${MAIN} is missing. Build first: npx nx run-many -t build -p api web`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: {
      ...process.env,
      ...database.env,
      PORT: String(port),
      SHIFTDESK_DEMO: 'false',
      SHIFTDESK_ADMIN_EMAIL: ADMIN.email,
      SHIFTDESK_ADMIN_PASSWORD: ADMIN.password,
      SHIFTDESK_WEB_DIST: join(tmpdir(), 'shiftdesk-faults-no-web'),
      SHIFTDESK_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<Exit>((resolveExit) =>
    child.once('exit', (code, signal) => {
      running.delete(api);
      resolveExit({ code, signal });
    }),
  );
  const api: ApiProcess = {
    baseUrl,
    pid: child.pid ?? 0,
    child,
    output: () => output,
    exited,
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  running.add(api);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) return api;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await api.stop('SIGKILL');
  throw new Error(`The API was not ready within 90 s:\n${output}`);
}

/** A small JSON client for one API process. */
export function client(api: ApiProcess, token?: string) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${api.baseUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Signs in and returns the bearer token. */
export async function login(api: ApiProcess, email: string, password: string): Promise<string> {
  const { status, body } = await client(api)<{ token: string }>('POST', '/auth/login', { email, password });
  if (status !== 200) throw new Error(`login ${email}: ${status} ${JSON.stringify(body)}`);
  return body.token;
}
