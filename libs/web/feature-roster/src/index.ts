export * from './lib/roster.routes';
