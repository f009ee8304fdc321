export * from './feed-event';
export * from './feed-content';
export * from './reconcile-feed';
export * from './write-calendar';
