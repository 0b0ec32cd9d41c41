export * from './btyd/index.ts';
export * from './rfm/index.ts';
export * from './recommendations/index.ts';
export * from './metrics/index.ts';
export * from './scores/index.ts';
export * from './churn/index.ts';
export * from './views/index.ts';
export * from './clv/index.ts';
