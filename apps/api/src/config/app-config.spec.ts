import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a first start', () => {
    const config = loadConfig({}, '/srv/shiftdesk');
    expect(config).toEqual({
      port: 3000,
      database: { type: 'sqlite', path: '/srv/shiftdesk/data/shiftdesk.sqlite' },
      demo: true,
      admin: { email: 'admin@shiftdesk.local', password: null },
      webDist: '/srv/shiftdesk/dist/apps/web/browser',
      logLevels: ['fatal', 'error', 'warn', 'log'],
      logFormat: 'json',
      corsOrigins: [],
      rateLimits: { login: { limit: 10, windowMs: 60_000 }, feed: { limit: 60, windowMs: 60_000 } },
      lockout: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
      metricsToken: null,
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/shiftdesk',
        SHIFTDESK_DEMO: 'false',
        SHIFTDESK_ADMIN_EMAIL: 'Boss@Example.com',
        SHIFTDESK_ADMIN_PASSWORD: 'long-enough',
        SHIFTDESK_WEB_DIST: '/opt/web',
        SHIFTDESK_LOG_LEVEL: 'warn',
        SHIFTDESK_LOG_FORMAT: 'text',
        SHIFTDESK_CORS_ORIGINS: 'https://desk.example.com, http://localhost:4200',
        SHIFTDESK_LOGIN_RATE_LIMIT: '20',
        SHIFTDESK_FEED_RATE_LIMIT: '120',
        SHIFTDESK_LOCKOUT_FAILURES: '8',
        SHIFTDESK_LOCKOUT_WINDOW_MINUTES: '30',
        SHIFTDESK_LOCKOUT_MINUTES: '60',
        SHIFTDESK_METRICS_TOKEN: 'a-long-metrics-token-0123',
        SHIFTDESK_TRUST_PROXY: '1',
      },
      '/srv',
    );
    expect(config).toEqual({
      port: 8080,
      database: { type: 'postgres', url: 'postgres://u:p@db:5432/shiftdesk' },
      demo: false,
      admin: { email: 'boss@example.com', password: 'long-enough' },
      webDist: '/opt/web',
      logLevels: ['fatal', 'error', 'warn'],
      logFormat: 'text',
      corsOrigins: ['https://desk.example.com', 'http://localhost:4200'],
      rateLimits: { login: { limit: 20, windowMs: 60_000 }, feed: { limit: 120, windowMs: 60_000 } },
      lockout: { maxFailures: 8, windowMs: 30 * 60_000, lockMs: 60 * 60_000 },
      metricsToken: 'a-long-metrics-token-0123',
      trustProxy: 1,
    });
  });

  it('lists every problem at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SHIFTDESK_DEMO: 'maybe', SHIFTDESK_ADMIN_PASSWORD: 'short', SHIFTDESK_LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'SHIFTDESK_DEMO', 'SHIFTDESK_ADMIN_PASSWORD', 'SHIFTDESK_LOG_LEVEL']);
    expect((error as Error).message).toMatch(/^Shiftdesk cannot start; fix the environment:/);
  });

  it('refuses CORS origins that are not exact, and bad limits, naming the variable and how to fix it', () => {
    let error: unknown;
    try {
      loadConfig({
        SHIFTDESK_CORS_ORIGINS: 'https://ok.example.com,*,https://desk.example.com/,desk.example.com',
        SHIFTDESK_LOG_FORMAT: 'xml',
        SHIFTDESK_LOGIN_RATE_LIMIT: '0',
        SHIFTDESK_FEED_RATE_LIMIT: 'lots',
        SHIFTDESK_LOCKOUT_FAILURES: '-1',
        SHIFTDESK_LOCKOUT_MINUTES: '2000',
        SHIFTDESK_METRICS_TOKEN: 'short',
        SHIFTDESK_TRUST_PROXY: 'everyone',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'SHIFTDESK_LOG_FORMAT',
      'SHIFTDESK_CORS_ORIGINS',
      'SHIFTDESK_CORS_ORIGINS',
      'SHIFTDESK_CORS_ORIGINS',
      'SHIFTDESK_LOGIN_RATE_LIMIT',
      'SHIFTDESK_FEED_RATE_LIMIT',
      'SHIFTDESK_LOCKOUT_FAILURES',
      'SHIFTDESK_LOCKOUT_MINUTES',
      'SHIFTDESK_METRICS_TOKEN',
      'SHIFTDESK_TRUST_PROXY',
    ]);
    expect(problems[1]).toBe(
      'SHIFTDESK_CORS_ORIGINS: "*" is not an exact origin; list scheme://host[:port] values such as https://desk.example.com, separated by commas (no paths, no trailing slash, no wildcards)',
    );
    expect(problems[2]).toContain('"https://desk.example.com/"');
    expect(problems[4]).toBe('SHIFTDESK_LOGIN_RATE_LIMIT: "0" must be a whole number of requests per minute from 1 to 1000000');
  });
});
