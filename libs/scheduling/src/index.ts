export * from './model/types';
export * from './coverage';
export * from './rules';
export * from './staffing';
export * from './time';
export * from './recurrence';
export * from './resolution';
export * from './solver';
