import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | {
      type: 'postgres';
      url: string;
      /** Optional schema (tests use one per run so suites never see each other's rows). */
      schema?: string;
    };

export interface AdminAccountConfig {
  email: string;
  /** Null when no password was configured: one is generated at first start and printed once. */
  password: string | null;
}

/** Everything the API reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  /** Load the demo desk into an empty database at first start. */
  demo: boolean;
  admin: AdminAccountConfig;
  /** Absolute path of the built Angular app; served at `/` when it holds an index.html. */
  webDist: string;
  logLevels: LogLevel[];
  /** `json`: one JSON object per line (for log collectors); `text`: Nest's readable lines. */
  logFormat: LogFormat;
  /** Exact origins (`https://desk.example.com`) whose pages may call the API; empty: CORS closed. */
  corsOrigins: string[];
  rateLimits: RateLimitsConfig;
  lockout: LockoutConfig;
  /** Bearer token for GET /metrics; null: only direct loopback connections may read it. */
  metricsToken: string | null;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (Express `trust proxy`):
   * false (the connection's address), 'loopback', or a number of proxy hops.
   */
  trustProxy: false | 'loopback' | number;
}

export type LogFormat = 'json' | 'text';

/** At most `limit` requests per `windowMs` (ms) per key; see RateLimitGuard. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitsConfig {
  /** POST /api/auth/login, per client address and email. */
  login: RateLimit;
  /** GET /api/feeds/<token>.ics, per feed token. */
  feed: RateLimit;
}

/** `maxFailures` failed sign-ins for one email within `windowMs` lock it for `lockMs` (ms). */
export interface LockoutConfig {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE_MS = 60_000;
export const DEFAULT_RATE_LIMITS: RateLimitsConfig = { login: { limit: 10, windowMs: MINUTE_MS }, feed: { limit: 60, windowMs: MINUTE_MS } };
export const DEFAULT_LOCKOUT: LockoutConfig = { maxFailures: 5, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DEFAULT_ADMIN_EMAIL = 'admin@shiftdesk.local';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Thrown with every problem found in the environment at once, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Shiftdesk cannot start; fix the environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Relative paths resolve against `cwd`, so the same
 * defaults work for `npm start` at the repository root and for a packaged install.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  let port = 3000;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port > 65535) {
      problems.push(`PORT: "${rawPort}" is not a port number; use an integer from 0 to 65535`);
    }
  }

  let database: DatabaseConfig = {
    type: 'sqlite',
    path: resolve(cwd, value('SHIFTDESK_SQLITE_PATH') ?? './data/shiftdesk.sqlite'),
  };
  const url = value('DATABASE_URL');
  if (url !== undefined) {
    if (/^postgres(ql)?:\/\//.test(url)) {
      database = { type: 'postgres', url };
      const schema = value('SHIFTDESK_DATABASE_SCHEMA');
      if (schema !== undefined) {
        if (/^[a-z_][a-z0-9_]*$/.test(schema)) database.schema = schema;
        else problems.push(`SHIFTDESK_DATABASE_SCHEMA: "${schema}" must be a lower-case SQL identifier`);
      }
    } else {
      problems.push('DATABASE_URL: only PostgreSQL URLs are supported (postgres://user:password@host:5432/database); unset it to use the embedded SQLite file');
    }
  }

  let demo = true;
  const rawDemo = value('SHIFTDESK_DEMO');
  if (rawDemo !== undefined) {
    if (['true', '1', 'yes'].includes(rawDemo.toLowerCase())) demo = true;
    else if (['false', '0', 'no'].includes(rawDemo.toLowerCase())) demo = false;
    else problems.push(`SHIFTDESK_DEMO: "${rawDemo}" must be true or false`);
  }

  const adminEmail = (value('SHIFTDESK_ADMIN_EMAIL') ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    problems.push(`SHIFTDESK_ADMIN_EMAIL: "${adminEmail}" is not an email address`);
  }
  const adminPassword = value('SHIFTDESK_ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    problems.push('SHIFTDESK_ADMIN_PASSWORD: must be at least 8 characters long');
  }

  const rawDist = value('SHIFTDESK_WEB_DIST') ?? 'dist/apps/web/browser';
  const webDist = isAbsolute(rawDist) ? rawDist : resolve(cwd, rawDist);

  let logLevels = levelsUpTo('log');
  const rawLevel = value('SHIFTDESK_LOG_LEVEL');
  if (rawLevel !== undefined) {
    const level = rawLevel.toLowerCase() as LogLevel;
    if (LOG_LEVELS.includes(level)) logLevels = levelsUpTo(level);
    else problems.push(`SHIFTDESK_LOG_LEVEL: "${rawLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  }

  let logFormat: LogFormat = 'json';
  const rawFormat = value('SHIFTDESK_LOG_FORMAT');
  if (rawFormat !== undefined) {
    if (rawFormat === 'json' || rawFormat === 'text') logFormat = rawFormat;
    else problems.push(`SHIFTDESK_LOG_FORMAT: "${rawFormat}" must be json or text`);
  }

  const corsOrigins: string[] = [];
  const rawOrigins = value('SHIFTDESK_CORS_ORIGINS');
  for (const origin of rawOrigins?.split(',').map((part) => part.trim()).filter((part) => part !== '') ?? []) {
    if (isExactOrigin(origin)) corsOrigins.push(origin);
    else problems.push(`SHIFTDESK_CORS_ORIGINS: "${origin}" is not an exact origin; list scheme://host[:port] values such as https://desk.example.com, separated by commas (no paths, no trailing slash, no wildcards)`);
  }

  const perMinute = (name: string, fallback: RateLimit): RateLimit => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const limit = Number(raw);
    if (/^\d+$/.test(raw) && limit >= 1 && limit <= 1_000_000) return { limit, windowMs: MINUTE_MS };
    problems.push(`${name}: "${raw}" must be a whole number of requests per minute from 1 to 1000000`);
    return fallback;
  };
  const rateLimits: RateLimitsConfig = {
    login: perMinute('SHIFTDESK_LOGIN_RATE_LIMIT', DEFAULT_RATE_LIMITS.login),
    feed: perMinute('SHIFTDESK_FEED_RATE_LIMIT', DEFAULT_RATE_LIMITS.feed),
  };

  const whole = (name: string, fallback: number, min: number, max: number, unit: string): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const number = Number(raw);
    if (/^\d+$/.test(raw) && number >= min && number <= max) return number;
    problems.push(`${name}: "${raw}" must be a whole number of ${unit} from ${min} to ${max}`);
    return fallback;
  };
  const lockout: LockoutConfig = {
    maxFailures: whole('SHIFTDESK_LOCKOUT_FAILURES', DEFAULT_LOCKOUT.maxFailures, 1, 1000, 'failed sign-ins'),
    windowMs: whole('SHIFTDESK_LOCKOUT_WINDOW_MINUTES', DEFAULT_LOCKOUT.windowMs / MINUTE_MS, 1, 1440, 'minutes') * MINUTE_MS,
    lockMs: whole('SHIFTDESK_LOCKOUT_MINUTES', DEFAULT_LOCKOUT.lockMs / MINUTE_MS, 1, 1440, 'minutes') * MINUTE_MS,
  };

  const metricsToken = value('SHIFTDESK_METRICS_TOKEN') ?? null;
  if (metricsToken !== null && !/^[\x21-\x7e]{16,200}$/.test(metricsToken)) {
    problems.push('SHIFTDESK_METRICS_TOKEN: must be 16 to 200 printable characters without spaces (e.g. `openssl rand -hex 32`)');
  }

  let trustProxy: AppConfig['trustProxy'] = false;
  const rawTrust = value('SHIFTDESK_TRUST_PROXY');
  if (rawTrust !== undefined) {
    if (rawTrust === 'loopback') trustProxy = 'loopback';
    else if (/^\d+$/.test(rawTrust) && Number(rawTrust) >= 1 && Number(rawTrust) <= 10) trustProxy = Number(rawTrust);
    else if (rawTrust !== 'false') problems.push(`SHIFTDESK_TRUST_PROXY: "${rawTrust}" must be loopback (a proxy on this machine), the number of proxies in front (1 to 10), or false`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, database, demo, admin: { email: adminEmail, password: adminPassword }, webDist, logLevels, logFormat, corsOrigins, rateLimits, lockout, metricsToken, trustProxy };
}

/** `https://desk.example.com` or `http://localhost:4200`: what browsers send as Origin. */
function isExactOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}

/** Nest takes the list of enabled levels; a threshold is easier to configure. */
function levelsUpTo(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

/** 18 random bytes (144 bits) as base64url, 24 characters: the first admin's password when none is configured. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
