export * from './btyd/index.ts';
