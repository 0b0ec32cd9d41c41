export { LANGUAGES, CHANNELS, customerNotFound, namedCustomer, normalizeEmail, normalizePhone, identityKey, IdentityOwners, type Identity, type Language } from './customer.ts';
export { CustomerInput, CustomerPatch, CustomerSearch, MergeInput } from './customer.schema.ts';
export { identitiesOf, type PreparedProfile } from './customer.profile.ts';
export type { CustomerClaim, Resolution } from './customer.resolve.ts';
export { createCustomerService, type CustomerDates, type CustomerDatesReader, type CustomerService, type CustomerView } from './customer.service.ts';
export { customerToRead, mergeChainEnds, mergedIntoQuery, ownerIdsQuery, personIdsQuery } from './customer.repository.ts';
export { SORTS, SORT_KEYS, type CustomerOrder, type ForeignOrders, type Sort } from './customer-order.ts';
