export * from './common';
export * from './vocabulary';
export * from './auth';
export * from './teams';
export * from './regions';
export * from './agents';
export * from './schedule';
export * from './coverage';
