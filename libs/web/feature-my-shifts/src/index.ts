export * from './lib/my-shifts.routes';
