export * from './labour-rules';
export * from './check-labour-rules';
export * from './availability';
export * from './preferences';
