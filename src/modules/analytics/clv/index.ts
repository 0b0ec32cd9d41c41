// The customer-base fit (BG/NBD, Pareto/NBD, Gamma-Gamma) of the CLI and the API.
export { clvFit, fitPurchases, fitSummaries, purchaseColumnsOf, type ClvFit, type PurchaseColumns } from './clv.service.ts';
export { ClvQuery } from './clv.schema.ts';
