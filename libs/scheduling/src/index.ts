export * from './model/types';
export * from './time';
export * from './recurrence';
export * from './resolution';
