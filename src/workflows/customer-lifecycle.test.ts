import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../test/helpers/purchases.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { eraseCustomer, exportCustomer, mergeCustomers } from './customer-lifecycle.ts';

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(() => s?.close());

const buy = (key: string, customer: Record<string, unknown>, total: string, at = '2026-05-01T10:00:00Z', lines?: unknown[]) =>
  recordAll(s, [{ external_id: key, customer, occurred_at: at, total, lines }]).then(([o]) => o);

describe('merge', () => {
  it('moves purchases, refunds, identities and keys to the survivor and recomputes the stats', async () => {
    const a = await buy('m-1', { email: 'ana@example.com', first_name: 'Ana' }, '10.00', '2026-04-01T10:00:00Z');
    const line = { sku: 'BEANS-1', name: 'Beans', category: 'coffee', quantity: 1, unit_price: '5.50' };
    const b = await buy('m-2', { phone: '+38641222333', last_name: 'Novak', consent: { sms: true } }, '5.50', '2026-04-02T10:00:00Z', [line]);
    await buy('m-3', { phone: '+38641222333' }, '4.50', '2026-04-02T12:00:00Z');
    await s.commerce.refund('m-3', { external_id: 'mr-1', amount: '1.00' }, { actor: 'test' });
    const { customer, moved } = await mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' });
    expect(moved).toMatchObject({ purchases: 2, identities: 1 });
    expect(customer).toMatchObject({ first_name: 'Ana', last_name: 'Novak', phone: '+38641222333', consent: { sms: { status: 'granted' } } });
    expect(await s.commerce.statsOf(a.customerId)).toMatchObject({ purchases: 3, purchase_days: 2, net_spend: '19.00', refunded: '1.00' });
    // The categories the challenges' check reads come along with the lines.
    const stats = await s.db.selectFrom('customer_stats').select('categories').where('customer_id', '=', a.customerId).executeTakeFirstOrThrow();
    expect(stats.categories).toEqual(['coffee']);
    // A moved purchase keeps its lines, once, and none stay behind with the merged customer.
    expect((await s.commerce.get('m-2')).lines).toMatchObject([{ sku: 'BEANS-1', quantity: 1 }]);
    const linesLeft = await s.db.selectFrom('purchase_lines').select((e) => e.fn.countAll<string>().as('n')).where('customer_id', '=', b.customerId).executeTakeFirstOrThrow();
    expect(Number(linesLeft.n)).toBe(0);
    // The merged customer's keys now answer with the survivor.
    const replay = await buy('m-2', { phone: '+38641222333', last_name: 'Novak', consent: { sms: true } }, '5.50', '2026-04-02T10:00:00Z', [line]);
    expect(replay).toMatchObject({ status: 'duplicate', customerId: a.customerId });
    // A new purchase by the merged customer's phone lands on the survivor.
    expect((await buy('m-4', { phone: '+38641222333' }, '1.00')).customerId).toBe(a.customerId);
    expect((await s.commerce.get('m-3')).refunds).toHaveLength(1);
    await expect(mergeCustomers(s, a.customerId, { from: a.customerId }, { actor: 'test' })).rejects.toThrow(/into itself/);
  });

  it('sent again after it succeeded, answers as it did and changes nothing; into another customer, it is refused', async () => {
    const a = await buy('r-1', { email: 'rita@example.com', first_name: 'Rita' }, '10.00');
    const b = await buy('r-2', { email: 'rita.old@example.com', birthday: '1990-02-03' }, '6.00');
    const first = await mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' });
    expect(first).toMatchObject({ replayed: false, moved: { purchases: 1, identities: 1 }, customer: { birthday: '1990-02-03' } });
    const writes = async () => ({
      merges: await s.db.selectFrom('customer_merges').select(['survivor_id', 'moved']).where('merged_id', '=', b.customerId).execute(),
      audit: await s.db.selectFrom('audit_log').select('id').where('action', '=', 'customer.merge').where('subject', '=', a.customerId).execute(),
      events: await s.db.selectFrom('events').select('id').where('type', '=', 'customer.merged').where('customer_id', '=', a.customerId).execute(),
    });
    const before = await writes();
    expect(before.merges).toHaveLength(1);

    // A client's retry after a timeout, and two sent at once: the same answer, nothing moved twice.
    const retries = await Promise.all([1, 2, 3].map(() => mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' })));
    for (const again of retries) expect(again).toEqual({ customer: first.customer, moved: first.moved, replayed: true });
    expect(await writes()).toEqual(before);
    expect(await s.commerce.statsOf(a.customerId)).toMatchObject({ purchases: 2, net_spend: '16.00' });

    // The survivor as it is now (what a read of it would say), with what the merge moved.
    await s.customers.patch(a.customerId, { last_name: 'Kovač' }, { actor: 'test', source: 'api' });
    expect(await mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' })).toEqual({ customer: await s.customers.get(a.customerId), moved: first.moved, replayed: true });

    // Merged into A, B cannot go into C too (409); nor can anything go into B, which is gone (404, as before).
    const c = await buy('r-3', { email: 'rita.c@example.com' }, '1.00');
    await expect(mergeCustomers(s, c.customerId, { from: b.customerId }, { actor: 'test' })).rejects.toMatchObject({
      kind: 'conflict', message: `Customer ${b.customerId} was already merged into ${a.customerId}, not into ${c.customerId}`,
    });
    await expect(mergeCustomers(s, b.customerId, { from: a.customerId }, { actor: 'test' })).rejects.toMatchObject({
      kind: 'not_found', message: `Customer ${b.customerId} (merged into ${a.customerId}) not found`,
    });
    expect(await writes()).toEqual(before);
    expect(await s.commerce.statsOf(c.customerId)).toMatchObject({ purchases: 1 });
  });

  it('sent twice at once, merges once: the second waits for the first and answers what it moved', async () => {
    const a = await buy('t-1', { email: 'twice-a@example.com' }, '2.00');
    const b = await buy('t-2', { email: 'twice-b@example.com' }, '3.00');
    const both = await Promise.all([1, 2].map(() => mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' })));
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(both[1].moved).toEqual(both[0].moved);
    expect(both[0].moved).toMatchObject({ purchases: 1, identities: 1 });
    expect(await s.db.selectFrom('customer_merges').select('id').where('merged_id', '=', b.customerId).execute()).toHaveLength(1);
    expect(await s.commerce.statsOf(a.customerId)).toMatchObject({ purchases: 2, net_spend: '5.00' });
  });

  it('answers a merge recorded before a kind of record was counted with 0 for it, in the shape every merge answers', async () => {
    const a = await buy('o-1', { email: 'old-a@example.com' }, '3.00');
    const b = await buy('o-2', { email: 'old-b@example.com' }, '4.00');
    const first = await mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' });
    // As an earlier version recorded it: fewer counts.
    await s.db.updateTable('customer_merges').set({ moved: JSON.stringify({ identities: 1, purchases: 1, loyalty_points: 0 }) }).where('merged_id', '=', b.customerId).execute();
    const again = await mergeCustomers(s, a.customerId, { from: b.customerId }, { actor: 'test' });
    expect(Object.keys(again.moved).sort()).toEqual(Object.keys(first.moved).sort());
    expect(again.moved).toEqual(Object.fromEntries(Object.keys(first.moved).map((k) => [k, k === 'identities' || k === 'purchases' ? 1 : 0])));
  });
});

describe('erase', () => {
  it('removes personal data but keeps anonymous purchases and totals', async () => {
    const c = await buy('e-1', { email: 'gone@example.com', first_name: 'Gone', birthday: '1980-01-01' }, '7.00');
    const before = await s.commerce.totals();
    const exported = await exportCustomer(s, c.customerId, { actor: 'system' });
    expect(exported.profile.first_name).toBe('Gone');
    await eraseCustomer(s, c.customerId, { actor: 'test' });
    await expect(s.customers.get(c.customerId)).rejects.toThrow(/not found/);
    const row = await s.db.selectFrom('customers').selectAll().where('id', '=', c.customerId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, first_name: null, birthday: null, status: 'erased', search_text: '' });
    expect(await s.db.selectFrom('customer_identities').selectAll().where('customer_id', '=', c.customerId).execute()).toHaveLength(0);
    expect(await s.commerce.totals()).toEqual(before);
    // The same person buying again is a new, unrelated customer.
    expect((await buy('e-2', { email: 'gone@example.com' }, '1.00')).customerId).not.toBe(c.customerId);
  });
});
