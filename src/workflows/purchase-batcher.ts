import { createGroupCommit, type GroupCommitOptions, type GroupTiming } from '../db/index.ts';
import type { PreparedPurchase } from '../modules/commerce/index.ts';
import { recordPurchases, type PurchaseOutcome, type RecordPurchasesDeps } from './record-purchases.ts';

// Group commit for single purchases (src/db/group-commit.ts): every request arriving
// while earlier ones are being recorded waits, and the waiting ones are recorded as one
// batch, through the same path as POST /purchases/batch, in one transaction. A
// transaction costs about ten statements whatever its size, so under load (many tills at
// once) a purchase costs a fraction of one, while a lone request still goes out at once.
// Each request gets its own outcome, and one that the database refuses fails alone.

export interface PurchaseBatcherOptions extends GroupCommitOptions {
  source: string;
}

export function createPurchaseBatcher(deps: RecordPurchasesDeps, { source, ...options }: PurchaseBatcherOptions) {
  const group = createGroupCommit(
    async (items: { input: unknown; prepared: PreparedPurchase }[]) => {
      const outcomes = await recordPurchases(deps, items.map((i) => i.input), { source, prepared: items.map((i) => i.prepared) });
      return outcomes.map((outcome) => ({ ...outcome, index: 0 }));
    },
    options,
  );
  return {
    /** Records one validated purchase with whatever else is waiting; resolves with its own outcome and where the time went. */
    record: (input: unknown, prepared: PreparedPurchase): Promise<{ outcome: PurchaseOutcome; timing: GroupTiming }> => group.submit({ input, prepared }),
  };
}

export type PurchaseBatcher = ReturnType<typeof createPurchaseBatcher>;
