export * from './compute-staffing-need';
