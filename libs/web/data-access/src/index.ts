export * from './lib/api-paths';
export * from './lib/session.store';
export * from './lib/auth.interceptor';
export * from './lib/guards';
export * from './lib/agents.api';
export * from './lib/teams.api';
export * from './lib/pay.api';
export * from './lib/feeds.api';
