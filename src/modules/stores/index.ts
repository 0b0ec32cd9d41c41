export type { Store } from './store.ts';
export { StoreInput } from './store.schema.ts';
export { createStoreService, type StoreService } from './store.service.ts';
