export * from './btyd/index.ts';
export * from './rfm/index.ts';
export * from './recommendations/index.ts';
export * from './metrics/index.ts';
