export { generateDemo, type DemoOptions } from './demo.service.ts';
export { demoCustomer, type DemoCustomer } from './generate.ts';
export { DEMO_STORES } from './catalogue.ts';
