export * from './lib/schedule.api';
export * from './lib/local-week';
export * from './lib/schedule.store';
export * from './lib/coverage.store';
export * from './lib/rotations.store';
