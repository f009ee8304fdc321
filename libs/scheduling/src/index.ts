export * from './model/types';
export * from './coverage';
export * from './rules';
export * from './staffing';
export * from './time';
export * from './recurrence';
export * from './resolution';
export * from './pay';
// The roster generator (HiGHS as WebAssembly, node only) is a separate entry point,
// `@shiftdesk/scheduling/solver`, so browser bundles never pull in the solver.
export * from './requests';
export * from './import';
