export * from './lib/auth.routes';
export * from './lib/login-page.component';
export * from './lib/account-page.component';
