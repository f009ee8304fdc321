import type { INestApplication } from '@nestjs/common';
import type { LoginResponse } from '@shiftdesk/shared-api-contract';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApp } from '../../src/app/create-app';
import { type AppConfig, type DatabaseConfig, DEFAULT_LOCKOUT } from '../../src/config/app-config';

/** Set to run the same suite against PostgreSQL instead of a temporary SQLite file. */
const POSTGRES_URL = process.env['SHIFTDESK_TEST_DATABASE_URL'];

export const ADMIN = { email: 'admin@test.shiftdesk.local', password: 'admin-password-1' };

/** One empty database: a fresh SQLite file, or a fresh schema on the test PostgreSQL server. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (POSTGRES_URL) {
    // One schema per database: suites never see each other's rows and need no cleanup order.
    const schema = `test_${randomBytes(6).toString('hex')}`;
    await withPg((client) => client.query(`CREATE SCHEMA "${schema}"`));
    return {
      config: { type: 'postgres', url: POSTGRES_URL, schema },
      drop: () => withPg((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'shiftdesk-test-'));
  return {
    config: { type: 'sqlite', path: join(dir, 'nested', 'shiftdesk.sqlite') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A short-lived admin connection (through TypeORM: the repo has no @types/pg). */
async function withPg<T>(work: (client: DataSource) => Promise<T>): Promise<T> {
  const client = await new DataSource({ type: 'postgres', url: POSTGRES_URL }).initialize();
  try {
    return await work(client);
  } finally {
    await client.destroy();
  }
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** supertest bound to the listening server. */
  http: () => ReturnType<typeof request>;
  login(email: string, password: string): Promise<LoginResponse>;
  /** Closes the app; drops the database unless `keepDatabase` (to restart on the same data). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface BootOptions {
  demo?: boolean;
  database?: TestDatabase;
  webDist?: string;
  admin?: { email: string; password: string | null };
  /** Default: limits no other suite can reach (rate-limits.spec sets small ones to prove them). */
  rateLimits?: AppConfig['rateLimits'];
  lockout?: AppConfig['lockout'];
  corsOrigins?: string[];
  metricsToken?: string | null;
  trustProxy?: AppConfig['trustProxy'];
  /** Default ['fatal']: test output stays quiet. */
  logLevels?: AppConfig['logLevels'];
}

const UNREACHABLE_RATE_LIMIT = { limit: 1_000_000, windowMs: 60_000 };

/** Boots the real application (migrations, first-start data, guards, filters) on port 0. */
export async function bootTestApp(options: BootOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config: AppConfig = {
    port: 0,
    database: database.config,
    demo: options.demo ?? false,
    admin: options.admin ?? ADMIN,
    webDist: options.webDist ?? join(tmpdir(), 'shiftdesk-no-web-dist'),
    logLevels: options.logLevels ?? ['fatal'],
    logFormat: 'json',
    corsOrigins: options.corsOrigins ?? [],
    rateLimits: options.rateLimits ?? { login: UNREACHABLE_RATE_LIMIT, feed: UNREACHABLE_RATE_LIMIT },
    lockout: options.lockout ?? DEFAULT_LOCKOUT,
    metricsToken: options.metricsToken ?? null,
    trustProxy: options.trustProxy ?? false,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    config,
    database,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    http,
    async login(email, password) {
      const response = await http().post('/api/auth/login').send({ email, password }).expect(200);
      return response.body as LoginResponse;
    },
    async close(closeOptions = {}) {
      await app.close();
      if (!closeOptions.keepDatabase) await database.drop();
    },
  };
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Awaits a request and asserts its status; returns the response for further checks. */
export async function expectStatus(pending: request.Test, status: number): Promise<request.Response> {
  const response = await pending;
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  return response;
}
