export * from './lib/pay.routes';
