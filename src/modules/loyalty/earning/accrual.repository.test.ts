import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { lockMembersForAccrual, lockMembersForAccrualLater, writeAccrual } from './accrual.repository.ts';

// lockMembersForAccrual locks members and reads their lots in one statement, whose
// snapshot is taken before a lock it waits for is granted. A writer that held the member
// (the expiry sweep, a redemption) and changed lots must not leave the purchase reading
// the lots as they were before it.

let s: Awaited<ReturnType<typeof openTestServices>>;
const customer = '00000000-0000-4000-8000-0000000000a1';
const now = new Date('2026-06-01T12:00:00Z');

beforeAll(async () => {
  s = await openTestServices();
  await sql`INSERT INTO loyalty_members (customer_id, joined_at, points, lifetime_earned, updated_at) VALUES (${customer}, ${now}, 150, 150, ${now})`.execute(s.db);
  // An expired lot of 100 (not yet swept) and a pending lot of 50.
  await sql`INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, expires_at, source_type, idempotency_key)
            VALUES (${customer}, 'earn', 100, 100, '2025-01-01', ${now}, '2026-01-01', 'purchase', 'old'),
                   (${customer}, 'earn', 50, 50, '2026-05-30', ${now}, '2027-05-30', 'purchase', 'new')`.execute(s.db);
  await sql`UPDATE loyalty_entries SET available_at = '2026-06-13' WHERE idempotency_key = 'new'`.execute(s.db);
});
afterAll(() => s?.close());

const read = () =>
  s.db.transaction().execute(async (trx) => (await lockMembersForAccrual(trx, [customer], { now, create: true, capDates: null, referrals: false })).get(customer)!);

describe('lockMembersForAccrual', () => {
  it('reads the lots and the member', async () => {
    const state = await read();
    expect(state.member).toMatchObject({ points: 150, created: false });
    expect(state).toMatchObject({ pending: 50, expired: 100 });
  });

  it('enrols a new member with its final counters, and refuses (retryably) one enrolled meanwhile', async () => {
    const fresh = '00000000-0000-4000-8000-0000000000b2';
    const raced = '00000000-0000-4000-8000-0000000000b3';
    await s.db.transaction().execute(async (trx) => {
      const states = await lockMembersForAccrual(trx, [fresh], { now, create: true, capDates: null, referrals: false });
      const member = states.get(fresh)!.member;
      expect(member).toMatchObject({ created: true, points: 0 });
      member.points = 25;
      member.lifetime_earned = 25;
      await writeAccrual(trx, { credits: [], members: [member], events: [], now });
    });
    expect(await s.db.selectFrom('loyalty_members').select(['points', 'lifetime_earned']).where('customer_id', '=', fresh).executeTakeFirst()).toEqual({ points: 25, lifetime_earned: 25 });

    const attempt = s.db.transaction().execute(async (trx) => {
      const member = (await lockMembersForAccrual(trx, [raced], { now, create: true, capDates: null, referrals: false })).get(raced)!.member;
      // Another writer (an enrolment) gets there between the read and the write.
      await sql`INSERT INTO loyalty_members (customer_id, joined_at, updated_at) VALUES (${raced}, ${now}, ${now})`.execute(trx);
      await writeAccrual(trx, { credits: [], members: [member], events: [], now });
    });
    await expect(attempt).rejects.toMatchObject({ retryable: true });
  });

  it('refuses (retryably) a credit whose key was written meanwhile, and writes nothing of the statement', async () => {
    const attempt = s.db.transaction().execute(async (trx) => {
      const member = (await lockMembersForAccrual(trx, [customer], { now, create: true, capDates: null, referrals: false })).get(customer)!.member;
      await sql`INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, source_type, idempotency_key)
                VALUES (${customer}, 'bonus', 5, 5, ${now}, ${now}, 'bonus', 'bonus:raced')`.execute(trx);
      member.points += 5;
      await writeAccrual(trx, {
        credits: [{ customerId: customer, kind: 'bonus', points: 5, occurredAt: now, sourceType: 'bonus', idempotencyKey: 'bonus:raced' }],
        members: [member], events: [], now,
      });
    });
    await expect(attempt).rejects.toMatchObject({ retryable: true });
    expect(await s.db.selectFrom('loyalty_entries').select('id').where('idempotency_key', '=', 'bonus:raced').execute()).toEqual([]);
  });

  it.skipIf(testDatabaseKind !== 'postgres')('reads the lots again when it had to wait for a writer of the member', async () => {
    // The sweep holds the member and expires the old lot; the purchase starts meanwhile.
    const sweep = await s.database.pool.connect();
    try {
      await sweep.query('BEGIN');
      await sweep.query('SELECT 1 FROM loyalty_members WHERE customer_id = $1 FOR UPDATE', [customer]);
      const purchase = read();
      await new Promise((r) => setTimeout(r, 300));
      await sweep.query(`UPDATE loyalty_entries SET remaining = 0 WHERE customer_id = $1 AND idempotency_key = 'old'`, [customer]);
      await sweep.query(`INSERT INTO loyalty_entries (customer_id, kind, points, unsettled, occurred_at, created_at, source_type) VALUES ($1, 'expire', -100, 0, $2, $2, 'expiry')`, [customer, now]);
      await sweep.query('UPDATE loyalty_members SET points = 50, lifetime_expired = 100, updated_at = $2 WHERE customer_id = $1', [customer, now]);
      await sweep.query('COMMIT');
      const state = await purchase;
      expect(state.member).toMatchObject({ points: 50, lifetime_expired: 100 });
      expect(state).toMatchObject({ pending: 50, expired: 0 });
    } finally {
      sweep.release();
    }
  });
});

describe('lockMembersForAccrualLater', () => {
  it("reads the members of the identities' owners with the next statement; a customer created now is a new member, one not among the owners is read by id", async () => {
    const owner = '00000000-0000-4000-8000-0000000000c3';
    const other = '00000000-0000-4000-8000-0000000000c4';
    const created = '00000000-0000-4000-8000-0000000000c5';
    await sql`INSERT INTO customer_identities (kind, value, customer_id) VALUES ('email', 'member@example.com', ${owner})`.execute(s.db);
    await sql`INSERT INTO loyalty_members (customer_id, joined_at, points, lifetime_earned, updated_at) VALUES (${owner}, ${now}, 30, 30, ${now}), (${other}, ${now}, 7, 7, ${now})`.execute(s.db);
    await sql`INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, available_at, source_type, idempotency_key)
              VALUES (${owner}, 'earn', 30, 30, '2026-05-30', ${now}, '2026-06-13', 'purchase', 'owner-lot')`.execute(s.db);
    const states = await s.db.transaction().execute(async (trx) => {
      const later = await lockMembersForAccrualLater(trx, [{ kind: 'email', value: 'member@example.com' }, { kind: 'email', value: 'nobody@example.com' }], { now, create: true, capDates: null, referrals: false });
      return later.states([owner, other, created], new Set([created]));
    });
    expect(states.get(owner)).toMatchObject({ member: { points: 30, created: false }, pending: 30, expired: 0 });
    expect(states.get(other)).toMatchObject({ member: { points: 7, created: false } });
    expect(states.get(created)).toMatchObject({ member: { points: 0, created: true }, purchasesCount: 0, pending: 0 });
  });
});

describe('what the first-purchase rule reads (first-purchase.ts)', () => {
  const buyer = '00000000-0000-4000-8000-0000000000d6';
  const identity = { kind: 'email' as const, value: 'buyer@example.com' };
  const options = (firstDate: string) => ({ now, create: true, capDates: null, referrals: false, firstBonus: { firstDate } });
  beforeAll(async () => {
    await sql`INSERT INTO customer_identities (kind, value, customer_id) VALUES ('email', 'buyer@example.com', ${buyer})`.execute(s.db);
    await sql`INSERT INTO loyalty_members (customer_id, joined_at, points, lifetime_earned, updated_at) VALUES (${buyer}, ${now}, 100, 100, ${now})`.execute(s.db);
    await sql`INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, source, created_at)
              VALUES (${buyer}, '00000000-0000-4000-8000-0000000000e1', 'fp-1', '2026-05-10T10:00:00Z', '2026-05-10', 'in_store', 'EUR', 1000, 'api', ${now})`.execute(s.db);
    await sql`INSERT INTO customer_stats (customer_id, first_purchase_at, last_purchase_at, purchases_count, purchase_days, gross_spend_minor, refunded_minor, net_spend_minor, updated_at)
              VALUES (${buyer}, '2026-05-10T10:00:00Z', '2026-05-10T10:00:00Z', 1, 1, 1000, 0, 1000, ${now})`.execute(s.db);
    await sql`INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, source_type, source_id, idempotency_key)
              VALUES (${buyer}, 'bonus', 100, 100, '2026-05-10T10:00:00Z', ${now}, 'purchase', '00000000-0000-4000-8000-0000000000e1', 'bonus:first_purchase')`.execute(s.db);
  });

  it('reads the earliest purchase, and whether the person has the bonus only for purchases that may be dated before it', async () => {
    const read = (firstDate: string) => s.db.transaction().execute(async (trx) =>
      (await (await lockMembersForAccrualLater(trx, [identity], options(firstDate))).states([buyer], new Set())).get(buyer)!.firstPurchase);
    expect(await read('2026-05-11')).toEqual({ earliestAt: Date.parse('2026-05-10T10:00:00Z'), given: true });
    // Purchases two days and more after it cannot be dated before it: the ledger is not looked up.
    expect(await read('2026-05-13')).toEqual({ earliestAt: Date.parse('2026-05-10T10:00:00Z'), given: false });
  });

  it('leaves out the purchases written by this transaction when it reads a member again', async () => {
    const state = await s.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, source, created_at)
                VALUES (${buyer}, '00000000-0000-4000-8000-0000000000e2', 'fp-0', '2026-05-01T10:00:00Z', '2026-05-01', 'in_store', 'EUR', 500, 'api', ${now})`.execute(trx);
      return (await lockMembersForAccrual(trx, [buyer], options('2026-05-01'), ['00000000-0000-4000-8000-0000000000e2'])).get(buyer)!;
    });
    expect(state).toMatchObject({ readAfterPurchases: true, firstPurchase: { earliestAt: Date.parse('2026-05-10T10:00:00Z'), given: true } });
  });
});
