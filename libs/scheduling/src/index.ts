export * from './model/types';
