export * from './lib/home.routes';
