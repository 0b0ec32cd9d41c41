// The customer-base fit (BG/NBD, Pareto/NBD, Gamma-Gamma) of the CLI and the API.
export { clvFit, fitPurchases, fitSummaries, purchaseColumnsOf, type ClvFit } from './clv.service.ts';
export { ClvQuery } from './clv.schema.ts';
