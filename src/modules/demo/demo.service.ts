import type { z } from 'zod';
import { AppError, describeError } from '../../shared/errors.ts';
import { inParallel } from '../../shared/in-parallel.ts';
import type { CommerceService, PurchaseInput } from '../commerce/index.ts';
import type { StoreService } from '../stores/index.ts';
import { demoPeriod } from './calendar.ts';
import { demoCustomers } from './generate.ts';
import type { DemoPurchaseInput, DemoRefund } from './purchase.ts';
import { DEMO_STORES, storeInput } from './stores.ts';

// Fills the database with the demo business through the same purchase path as real
// sales: batches of purchases, each one transaction, while the generator streams
// customers (memory stays flat at a million). Deterministic external ids make a second
// run with the same seed add nothing.
//
// The batch recorder is passed in (src/workflows/run-demo.ts gives it recordPurchases):
// a module does not reach up into the workflows that span modules.

// Typed by the purchase schema's input, so the compiler proves the generator writes what it reads.
export type RecordBatch = (inputs: z.input<typeof PurchaseInput>[]) => Promise<({ status: 'created' | 'duplicate'; customerId: string } | { status: 'error'; error: AppError })[]>;

/** A customer who will spend points on the demo's last day: who, how far up the catalogue (DemoCustomer.wish), and the key that makes it once. */
export interface DemoWish {
  customerId: string;
  wish: number;
  idempotencyKey: string;
}

export interface DemoProgress {
  customers: number;
  purchases: number;
}

export interface DemoOptions {
  stores: Pick<StoreService, 'upsert'>;
  commerce: Pick<CommerceService, 'recordRefund' | 'totals'>;
  record: RecordBatch;
  /** The last moment of the history. */
  end: Date;
  customers?: number;
  seed?: number;
  years?: number;
  /** Purchases per transaction. */
  batchSize?: number;
  /** Batches in flight: one is prepared (CPU) while another waits on PostgreSQL. */
  concurrency?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoSummary {
  stores: number;
  /** Generated customers who bought (they exist from their first purchase). */
  customers: number;
  purchases: number;
  /** Purchases new to the database; 0 on a second run with the same seed. */
  created: number;
  refunds: number;
  /** Rewards the members redeemed on the demo's last day (new ones: 0 on a second run). */
  redemptions: number;
  /** Net revenue of everything in the database, demo or not. */
  revenue: string;
  currency: string;
}

const REFUNDS_IN_PARALLEL = 4;

/**
 * Round r: the purchases made after r of their customer's refunds, then each customer's
 * refund number r+1 (in time order). A shop records a refund when it happens, before the
 * customer's later purchases, and the engine judges a tier then: recording a customer's
 * refunds after all their purchases kept a tier a refund had since undone, so replaying the
 * history (`loyalty simulate` of the program in force) moved members a real shop's would not.
 */
interface Round {
  inputs: DemoPurchaseInput[];
  refunds: { purchase: string; refund: DemoRefund }[];
}

interface Batch {
  rounds: Round[];
  purchases: number;
  customers: number;
  /** Per customer who will redeem: the index of their first purchase in round 0's `inputs` (whose outcome names the customer). */
  wishes: { first: number; wish: number; idempotencyKey: string }[];
}

/** The batch's round `r`, made when first needed. */
function roundOf(batch: Batch, r: number): Round {
  while (batch.rounds.length <= r) batch.rounds.push({ inputs: [], refunds: [] });
  return batch.rounds[r];
}

/** A customer's purchases and refunds into the batch's rounds, each refund after the purchases made before it. */
function addCustomer(batch: Batch, purchases: readonly { input: DemoPurchaseInput; refund?: DemoRefund }[]): void {
  const refunds = purchases
    .flatMap((p) => (p.refund ? [{ purchase: p.input.external_id, refund: p.refund, at: Date.parse(p.refund.occurred_at) }] : []))
    .sort((a, b) => a.at - b.at);
  for (const p of purchases) {
    const at = Date.parse(p.input.occurred_at);
    roundOf(batch, refunds.filter((r) => r.at < at).length).inputs.push(p.input);
  }
  refunds.forEach(({ purchase, refund }, r) => roundOf(batch, r).refunds.push({ purchase, refund }));
  batch.purchases += purchases.length;
}

/**
 * The demo's history, recorded; the rewards are not redeemed here but by the caller
 * (`wishes`), after the loyalty maintenance has expired what a real shop's points would
 * have lost by now.
 */
export async function generateDemo(options: DemoOptions): Promise<Omit<DemoSummary, 'redemptions'> & { wishes: DemoWish[] }> {
  const { customers: count = 5000, seed = 1, years = 2, batchSize = 2000, concurrency = 2 } = options;
  for (const store of DEMO_STORES) await options.stores.upsert(storeInput(store), { actor: 'demo' });
  const period = demoPeriod({ end: options.end, years });
  const summary = { customers: 0, purchases: 0, created: 0, refunds: 0 };
  const wishes: DemoWish[] = [];
  const done: DemoProgress = { customers: 0, purchases: 0 };

  // After the round's purchases commit: a refund needs its purchase. Refunds are idempotent
  // by their key, so a second run (or one after a crash) replays them harmlessly.
  const refund = async ({ purchase, refund: input }: Round['refunds'][number]) => {
    try {
      await options.commerce.recordRefund(purchase, input, { actor: 'demo' });
    } catch (error) {
      throw error instanceof AppError ? demoError(input.external_id, error) : error;
    }
  };
  const record = async (batch: Batch) => {
    for (const [r, round] of batch.rounds.entries()) {
      const outcomes = round.inputs.length > 0 ? await options.record(round.inputs) : [];
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'error') throw demoError(round.inputs[i].external_id, outcome.error);
        if (outcome.status === 'created') summary.created++;
      });
      // A wish comes with the customer's history: the run that records them acts on it, a
      // second run does not (the points earned since — a challenge's, a birthday's — would
      // buy what the first run found too dear, and running the demo again adds nothing).
      // A customer's first purchase is in round 0: no refund comes before it.
      for (const w of r === 0 ? batch.wishes : []) {
        const outcome = outcomes[w.first];
        if (outcome.status === 'created') wishes.push({ customerId: outcome.customerId, wish: w.wish, idempotencyKey: w.idempotencyKey });
      }
      await inParallel({ items: round.refunds, limit: REFUNDS_IN_PARALLEL, task: refund });
    }
    done.customers += batch.customers;
    done.purchases += batch.purchases;
    options.onProgress?.({ ...done });
  };

  // Batches touch disjoint customers (a customer's purchases never straddle two), so
  // batches in flight never wait on each other's locks.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const submit = async (batch: Batch) => {
    const task: Promise<void> = record(batch)
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  };

  const newBatch = (): Batch => ({ rounds: [], purchases: 0, customers: 0, wishes: [] });
  let batch = newBatch();
  for (const customer of demoCustomers({ seed, count, period })) {
    if (failure) break;
    if (customer.purchases.length === 0) continue;
    if (customer.wish !== null) batch.wishes.push({ first: roundOf(batch, 0).inputs.length, wish: customer.wish, idempotencyKey: `demo-${seed}-${customer.n}-reward` });
    addCustomer(batch, customer.purchases);
    batch.customers++;
    summary.customers++;
    summary.purchases += customer.purchases.length;
    summary.refunds += customer.purchases.filter((p) => p.refund).length;
    if (batch.purchases >= batchSize) {
      await submit(batch);
      batch = newBatch();
    }
  }
  if (!failure && batch.purchases > 0) await submit(batch);
  await Promise.all(inFlight);
  if (failure) throw failure.error;

  const totals = await options.commerce.totals();
  return { stores: DEMO_STORES.length, ...summary, revenue: totals.revenue, currency: totals.currency, wishes };
}

function demoError(key: string, error: AppError): AppError {
  // The generator's data is valid by construction; a conflict means the database holds
  // this seed's data from a different generator version.
  if (error.kind === 'conflict') {
    return new AppError('conflict', `Demo record ${key} is already in the database with different content (made by another version of the demo?). Use another seed or a fresh database.`);
  }
  return new AppError(error.kind, `Demo record ${key} was rejected: ${describeError(error)}`, error.problems);
}
