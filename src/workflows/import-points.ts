import { lockKeys, withLockRoom, type Actor } from '../db/index.ts';
import { isAppError } from '../shared/errors.ts';
import { identityKey } from '../modules/customers/index.ts';
import type { AdjustPoints } from '../modules/imports/index.ts';
import type { Services } from '../services.ts';
import { retrying } from './record-purchases.ts';

// A batch of a points file's rows (opening balances brought from another platform): their
// customers found or created, and their points adjusted, in one transaction — so a customer
// the import creates is a member with the file's points when the customer.created event
// reaches automatic enrolment, which then has nothing to do (no sign-up bonus: the member got
// it on the old platform), and a crash leaves either the whole batch or none of it (running
// the file again writes what is not there: each row once, by its key). The lock order is a
// purchase's: the batch's identities first (sorted, as lockKeys takes them), so two writers
// cannot create one new customer twice; then its customers (resolveMany locks them in id
// order), then its members (in id order). The adjustments are the loyalty module's own
// (staff-actions.ts, adjustManyWithin): audited as `actor`'s, who runs the import (the entries
// carry the import's id: import-file.ts), once per row key, in the file's
// order; a row refused now (a debit larger than what its member has: points spent since pass
// 1) writes nothing and is answered as its refusal, and the batch goes on.
export function pointsAdjuster(services: Pick<Services, 'db' | 'clock' | 'customers' | 'loyalty'>, actor: Actor = 'import'): AdjustPoints {
  const { db, clock, customers, loyalty } = services;
  return (rows) => {
    const keys = rows.flatMap((row) => row.identities.map(identityKey));
    return withLockRoom(keys.length, () => retrying(() => db.transaction().execute(async (trx) => {
      await lockKeys(trx, keys);
      const resolved = await customers.resolveMany(trx, rows.map((row) => ({ identities: row.identities, profile: row.profile })), clock.now());
      const outcomes = await loyalty.adjustManyWithin(
        trx,
        rows.map((row, i) => ({ customerId: resolved[i].customerId, data: row.adjustment, expiresAt: row.expiresAt })),
        { actor, signUpBonus: false, joinedBy: 'import' },
      );
      return outcomes.map((o, i) => (isAppError(o) ? o : { created: o.created, customerId: resolved[i].customerId }));
    })));
  };
}
