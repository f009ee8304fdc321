export * from './lib/schedule.api';
export * from './lib/local-week';
export * from './lib/schedule.store';
export * from './lib/coverage.store';
export * from './lib/rotations.store';
export * from './lib/alert-list';
export * from './lib/open-alerts.store';
export * from './lib/alerts.store';
