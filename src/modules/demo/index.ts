export { generateDemo, type DemoOptions, type DemoProgress, type DemoSummary, type DemoWish, type RecordBatch } from './demo.service.ts';
export { demoCustomer, demoCustomers, type DemoCustomer } from './generate.ts';
export { demoPeriod, type DemoPeriod } from './calendar.ts';
export type { DemoProfile } from './profile.ts';
export type { DemoPurchase, DemoPurchaseInput, DemoRefund } from './purchase.ts';
export { DEMO_STORES, type DemoStore } from './stores.ts';
export { PRODUCTS } from './catalogue.ts';
