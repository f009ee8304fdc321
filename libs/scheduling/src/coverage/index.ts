export * from './coverage-rule';
export * from './compute-coverage';
export * from './find-gaps';
export * from './find-gap-candidates';
