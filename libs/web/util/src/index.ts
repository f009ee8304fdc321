export * from './lib/zoned-time';
export * from './lib/api-error';
export * from './lib/page';
export * from './lib/vocabulary-labels';
export * from './lib/validation-messages';
export * from './lib/request-labels';
export * from './lib/preference-labels';
export * from './lib/server-errors';
