import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../test/helpers/services.ts';
import { eraseCustomer, mergeCustomers } from '../../workflows/customer-lifecycle.ts';
import type { AuditEntry } from './index.ts';

// The activity log read back after real writes — an owner's points adjustment with its
// reason, a key created and revoked, a staff user added, a webhook removed — newest first,
// a page at a time without losing or repeating an entry, each filter alone, and the
// refusals of filters that are not ones, each naming its field.
let s: Awaited<ReturnType<typeof openTestServices>>;
const boss = { actor: 'user:boss@example.com' };
let ana = '';
let keyId = '';
let hookId = '';

const list = (query: Record<string, unknown> = {}) => s.audit.list(query);
const actions = (items: AuditEntry[]) => items.map((e) => e.action);

beforeAll(async () => {
  s = await openTestServices();
  await s.auth.createUser({ email: 'boss@example.com', name: 'Bo Boss', role: 'owner', password: 'a long enough password' }, { actor: 'system' });
  ana = (await s.customers.upsert({ email: 'ana@example.com', first_name: 'Ana' }, boss)).customer.id;
  await s.loyalty.adjust(ana, { points: 500, reason: 'Opening balance', idempotency_key: 'open-1' }, boss);
  keyId = (await s.auth.createApiKey({ name: 'Till 1', scopes: ['read', 'write'] }, boss)).id;
  await s.auth.revokeApiKey(keyId, boss);
  await s.auth.createUser({ email: 'mia@example.com', role: 'staff' }, { actor: 'key:Till 1' });
  hookId = (await s.webhooks.create({ url: 'https://example.com/hook', event_types: ['customer.*'] }, { actor: 'cli' })).id;
  await s.webhooks.remove(hookId, { actor: 'cli' });
});
afterAll(() => s?.close());

describe('the activity log', () => {
  it('lists every write newest first, saying who did it and what it was about', async () => {
    const { items, next_cursor } = await list();
    expect(next_cursor).toBeNull();
    expect(actions(items)).toEqual(['webhook.delete', 'webhook.create', 'user.create', 'api_key.revoke', 'api_key.create', 'loyalty.adjust', 'customer.create', 'user.create']);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].at.getTime()).toBeGreaterThanOrEqual(items[i].at.getTime());

    const adjusted = items.find((e) => e.action === 'loyalty.adjust')!;
    expect(adjusted).toMatchObject({
      actor: 'user:boss@example.com',
      by: { kind: 'user', name: 'boss@example.com', user: { email: 'boss@example.com', name: 'Bo Boss', role: 'owner', active: true }, key: null },
      subject: ana, subject_type: 'customer', subject_name: 'Ana',
      details: { points: 500, reason: 'Opening balance' },
    });
    // A revocation names the key by id: its name is told beside it.
    expect(items.find((e) => e.action === 'api_key.revoke')).toMatchObject({ subject: keyId, subject_type: 'api_key', subject_name: 'Till 1' });
    expect(items.find((e) => e.action === 'api_key.create')).toMatchObject({ subject: 'Till 1', subject_name: null, details: { scopes: ['read', 'write'] } });
    // A key as the actor: the one key of that name, revoked since.
    expect(items.find((e) => e.subject === 'mia@example.com')).toMatchObject({
      by: { kind: 'key', name: 'Till 1', user: null, key: { id: keyId, prefix: expect.any(String), revoked_at: expect.any(Date) } },
      subject_type: 'user', details: { role: 'staff' },
    });
    expect(items.find((e) => e.action === 'webhook.delete')).toMatchObject({ by: { kind: 'cli', name: 'cli' }, subject: hookId, subject_name: 'https://example.com/hook' });
    expect(items.at(-1)).toMatchObject({ by: { kind: 'system', name: 'system', user: null, key: null }, subject: 'boss@example.com' });
  });

  it('names no customer once erased', async () => {
    const bo = (await s.customers.upsert({ email: 'bo@example.com', first_name: 'Bo', last_name: 'Berg' }, boss)).customer.id;
    expect((await list({ subject: bo })).items.map((e) => e.subject_name)).toEqual(['Bo Berg']);
    await eraseCustomer(s, bo, boss);
    const { items } = await list({ subject: bo });
    expect(items.map((e) => [e.action, e.subject_name])).toEqual([['customer.erase', null], ['customer.create', null]]);
    expect(items[0].details).toEqual({ loyalty_points_forfeited: 0 });
  });

  it('names no key when two keys share the name', async () => {
    const second = await s.auth.createApiKey({ name: 'Till 1', scopes: ['read'] }, boss);
    const { items } = await list({ subject: 'mia@example.com' });
    expect(items[0].by).toEqual({ kind: 'key', name: 'Till 1', user: null, key: null });
    await s.auth.revokeApiKey(second.id, boss);
  });

  it('pages through the log without losing or repeating an entry', async () => {
    const whole = (await list({ limit: 200 })).items.map((e) => e.id);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next_cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(whole);
    expect(pages).toBe(Math.ceil(whole.length / 3));
  });

  it('filters by action, a family of actions, actor, subject and time', async () => {
    expect(actions((await list({ action: 'loyalty.adjust' })).items)).toEqual(['loyalty.adjust']);
    expect(actions((await list({ action: 'api_key.' })).items)).toEqual(['api_key.revoke', 'api_key.create', 'api_key.revoke', 'api_key.create']);
    expect(actions((await list({ action: 'user.' })).items)).toEqual(['user.create', 'user.create']);
    // A family is its whole first segment: "user." is not "users." nor a prefix of another word.
    expect((await list({ action: 'use.' })).items).toEqual([]);
    expect((await list({ action: 'loyalty.adj' })).items).toEqual([]);
    expect(actions((await list({ actor: 'cli' })).items)).toEqual(['webhook.delete', 'webhook.create']);
    expect(actions((await list({ actor: 'user:boss@example.com', action: 'api_key.revoke' })).items)).toEqual(['api_key.revoke', 'api_key.revoke']);
    expect(actions((await list({ subject: ana })).items)).toEqual(['loyalty.adjust', 'customer.create']);

    const { items } = await list();
    const adjusted = items.find((e) => e.action === 'loyalty.adjust')!;
    const since = await list({ since: adjusted.at.toISOString() });
    expect(since.items.at(-1)!.at.getTime()).toBeGreaterThanOrEqual(adjusted.at.getTime());
    expect(since.items.map((e) => e.id)).toContain(adjusted.id);
    const until = await list({ until: adjusted.at.toISOString() });
    expect(until.items.map((e) => e.id)).not.toContain(adjusted.id);
    expect(until.items.length + since.items.length).toBe(items.length);
    // A date alone is that day's start in the business's time zone.
    expect((await list({ since: '2999-01-01' })).items).toEqual([]);
    expect((await list({ until: '2000-01-01' })).items).toEqual([]);
    expect((await list({ since: '2000-01-01', until: '2999-01-01T00:00:00+01:00' })).items.length).toBe(items.length);
  });

  it('refuses a filter that is not one, naming each field, and a cursor it did not give', async () => {
    const refused = async (query: Record<string, unknown>) => {
      try {
        await list(query);
      } catch (error) {
        return (error as { problems: { field: string; reason: string }[] }).problems;
      }
      throw new Error(`accepted ${JSON.stringify(query)}`);
    };
    expect(await refused({ action: 'Loyalty Adjust', since: 'yesterday', until: '2026-02-30', limit: 0 })).toEqual([
      { field: 'limit', reason: 'must be at least 1' },
      { field: 'action', reason: 'must be an action such as loyalty.adjust, or a family of actions ending in a dot such as loyalty.' },
      { field: 'since', reason: 'must be an ISO 8601 timestamp with a time zone offset (2025-03-01T10:15:00+01:00) or a date (2025-03-01)' },
      { field: 'until', reason: 'is not a calendar date' },
    ]);
    // A misspelt filter is refused, not ignored (as every strict query's unknown key is told).
    expect(await refused({ acter: 'cli' })).toEqual([{ field: '(body)', reason: 'unknown field "acter" — did you mean "actor"?' }]);
    expect(await refused({ since: '2026-06-02', until: '2026-06-01T00:00:00Z' })).toEqual([{ field: 'since', reason: 'must be before `until`' }]);
    expect(await refused({ cursor: 'bm90IG91cnM' })).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
    expect(await refused({ actor: '' })).toEqual([{ field: 'actor', reason: expect.any(String) }]);
  });

  it('records a store added and changed, by whom, with what it was set to', async () => {
    await s.stores.upsert({ code: 'lj-center', name: 'Ljubljana centre', time_zone: 'Europe/Ljubljana' }, boss);
    await s.stores.upsert({ code: 'lj-center', name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'cli' });
    const { items } = await list({ action: 'store.' });
    expect(items.map((e) => [e.action, e.actor, e.subject, e.subject_type])).toEqual([
      ['store.update', 'cli', 'lj-center', 'store'],
      ['store.create', 'user:boss@example.com', 'lj-center', 'store'],
    ]);
    expect(items[0].details).toEqual({ name: 'Ljubljana centre', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' });
  });
});

describe("the activity log's dates", () => {
  it("dates every entry by the services' clock, and pages through many entries of one instant by their ids", async () => {
    // Every write above was made at the test clock's instant: a tie of a dozen entries.
    const { items } = await list({ limit: 200 });
    expect(new Set(items.map((e) => e.at.toISOString()))).toEqual(new Set(['2026-06-01T12:00:00.000Z']));
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
    for (const limit of [1, 2, 5]) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ limit, cursor });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(items.map((e) => e.id));
    }
  });

  it('orders by the instant before the id: a clock set back dates a later write earlier, and paging keeps that order', async () => {
    s.clock.set('2026-06-01T12:10:00Z');
    await s.stores.upsert({ code: 'later', name: 'Later', time_zone: 'Europe/Ljubljana' }, boss);
    s.clock.set('2026-06-01T11:00:00Z');
    await s.stores.upsert({ code: 'earlier', name: 'Earlier', time_zone: 'Europe/Ljubljana' }, boss);
    s.clock.set('2026-06-01T12:00:00Z');
    // An entry written before entries took the clock's time: the database's now(), to the microsecond.
    await s.db.insertInto('audit_log').values({ actor: 'system', action: 'store.create', subject: 'old', details: '{}', at: new Date('2026-06-01T12:00:00.000Z') }).execute();
    await s.db.updateTable('audit_log').set({ at: sql<Date>`'2026-06-01T12:00:00.000250Z'::timestamptz` }).where('subject', '=', 'old').execute();

    const whole = (await list({ limit: 200 })).items;
    expect(whole[0]).toMatchObject({ subject: 'later', at: new Date('2026-06-01T12:10:00Z') });
    // Past the ms a Date holds, 250 µs after the noon tie: before all of it, newest first.
    expect(whole[1]).toMatchObject({ subject: 'old' });
    expect(whole.at(-1)).toMatchObject({ subject: 'earlier', at: new Date('2026-06-01T11:00:00Z') });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(whole.map((e) => e.id));
    expect((await list({ until: '2026-06-01T12:00:00Z' })).items.map((e) => e.subject)).toEqual(['earlier']);
  });

  it("dates the entries of every kind of write by the clock: a refund's, a merge's, a campaign's and a gift card's", async () => {
    s.clock.set('2026-06-01T13:00:00Z');
    const a = (await s.customers.upsert({ email: 'refund@example.com' }, boss)).customer.id;
    const b = (await s.customers.upsert({ email: 'refund-2@example.com' }, boss)).customer.id;
    await recordAll(s, [{ external_id: 'p-audit', customer: { email: 'refund@example.com' }, total: '20.00', occurred_at: '2026-06-01T12:30:00Z' }]);
    // One refund through the API, one as an import's batch writes them (its own insert).
    await s.commerce.refund('p-audit', { external_id: 'r-audit', amount: '5.00' }, boss);
    expect(await s.commerce.recordRefunds([{ purchase: 'p-audit', input: { external_id: 'r-audit-2', amount: '2.00' } }], boss)).toEqual([{ created: true }]);
    await mergeCustomers(s, a, { from: b }, boss);
    await s.loyalty.createCampaign({ name: 'Dated', idempotency_key: 'dated', benefit: { type: 'percent_discount', percent: 5 }, count: 1 }, boss);
    await s.loyalty.issueGiftCard({ amount: '10.00', idempotency_key: 'dated-card' }, boss);
    const { items } = await list({ since: '2026-06-01T13:00:00Z' });
    expect(items.map((e) => e.action).sort()).toEqual(['coupon.campaign.create', 'customer.create', 'customer.create', 'customer.merge', 'gift_card.issue', 'purchase.refund', 'purchase.refund']);
    expect(new Set(items.map((e) => e.at.toISOString()))).toEqual(new Set(['2026-06-01T13:00:00.000Z']));
    s.clock.set('2026-06-01T12:00:00Z');
  });
});
