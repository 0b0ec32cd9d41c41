import { lockKeys } from '../db/index.ts';
import { identityKey } from '../modules/customers/index.ts';
import type { AdjustPoints } from '../modules/imports/index.ts';
import type { Services } from '../services.ts';
import { retrying } from './record-purchases.ts';

// A points file's row (an opening balance brought from another platform): its customer found
// or created, and its points adjusted, in one transaction — so a customer the import creates
// is a member with the file's points when the customer.created event reaches automatic
// enrolment, which then has nothing to do (no sign-up bonus: the member got it on the old
// platform), and a crash leaves either both or neither. The identities are locked first, as
// a purchase locks them, so two writers cannot create one new customer twice; then the
// customer, then the member (the ledger's lock order). The adjustment is the loyalty
// module's own (staff-actions.ts): audited as `import`, once per row key.
export function pointsAdjuster(services: Pick<Services, 'db' | 'clock' | 'customers' | 'loyalty'>): AdjustPoints {
  const { db, clock, customers, loyalty } = services;
  return (row) => retrying(() => db.transaction().execute(async (trx) => {
    await lockKeys(trx, row.identities.map(identityKey));
    const [{ customerId }] = await customers.resolveMany(trx, [{ identities: row.identities, profile: row.profile }], clock.now());
    const { created } = await loyalty.adjustWithin(trx, customerId, row.adjustment, { actor: 'import', signUpBonus: false, expiresAt: row.expiresAt, keyedByContent: true });
    return { created, customerId };
  }));
}
