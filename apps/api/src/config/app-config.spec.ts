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
});
