export * from './lib/profile.routes';
