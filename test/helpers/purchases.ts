import { recordPurchases, type PurchaseOutcome, type RecordPurchasesDeps } from '../../src/workflows/record-purchases.ts';

export type RecordedPurchase = Exclude<PurchaseOutcome, { status: 'error' }>;

/**
 * Records purchases as one batch through the path the API uses; a purchase the path
 * refuses fails the test with its own error. Answers each purchase's outcome, in order.
 */
export async function recordAll(services: RecordPurchasesDeps, inputs: unknown[]): Promise<RecordedPurchase[]> {
  const outcomes = await recordPurchases(services, inputs, { source: 'api' });
  return outcomes.map((o) => {
    if (o.status === 'error') throw o.error;
    return o;
  });
}
