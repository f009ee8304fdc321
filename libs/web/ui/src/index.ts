export * from './lib/now.service';
export * from './lib/zoned-clock.component';
export * from './lib/spinner.component';
export * from './lib/empty-state.component';
export * from './lib/badge.component';
export * from './lib/confirm-dialog.component';
export * from './lib/request-impact.component';
export * from './lib/feed-link.component';
