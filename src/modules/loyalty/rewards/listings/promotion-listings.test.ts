import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../../test/helpers/services.ts';
import { mergeCustomers } from '../../../../workflows/customer-lifecycle.ts';

// The promotions' read side against real SQL: campaigns newest first with figures counted
// from real uses (a merged customer counted once, as the survivor), where each stands, a
// campaign's codes a page at a time and as CSV, and gift cards filtered by where they stand.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const ids = { ana: '', bor: '', cene: '' };
const campaigns = { unique: '', shared: '', later: '', spent: '', old: '' };
let uniqueCodes: string[] = [];

const at = (iso: string) => s.clock.set(iso);

beforeAll(async () => {
  s = await openTestServices();
  for (const name of ['ana', 'bor', 'cene'] as const) ids[name] = (await s.customers.upsert({ email: `${name}@example.com`, first_name: name[0].toUpperCase() + name.slice(1) }, actor)).customer.id;
  const create = (body: Record<string, unknown>) => s.loyalty.createCampaign(body, actor);
  // One a day, so newest first has one order.
  at('2026-05-01T09:00:00Z');
  campaigns.old = (await create({ name: 'Easter', idempotency_key: 'easter', benefit: { type: 'free_product', sku: 'EGG' }, count: 2, expires_at: '2026-05-10T00:00:00Z' })).id;
  at('2026-05-02T09:00:00Z');
  const spent = await create({ name: 'One coffee', idempotency_key: 'one', benefit: { type: 'fixed_discount', amount: '2' }, count: 1 });
  campaigns.spent = spent.id;
  at('2026-05-03T09:00:00Z');
  const unique = await create({ name: 'Spring 5 €', idempotency_key: 'spring', benefit: { type: 'fixed_discount', amount: '5.00' }, count: 3, expires_at: '2026-07-01T00:00:00Z' });
  campaigns.unique = unique.id;
  uniqueCodes = unique.codes;
  at('2026-05-04T09:00:00Z');
  campaigns.shared = (await create({ name: 'Summer, "twenty-five"', idempotency_key: 'summer', benefit: { type: 'percent_discount', percent: 25 }, code: 'Summer-25', max_uses: 100, per_customer_limit: 1 })).id;
  at('2026-05-05T09:00:00Z');
  campaigns.later = (await create({ name: 'Autumn', idempotency_key: 'autumn', benefit: { type: 'percent_discount', percent: 10 }, count: 2, valid_from: '2026-09-01T00:00:00Z' })).id;

  at('2026-05-20T10:00:00Z');
  const use = (code: string, key: string, customer?: string) => s.loyalty.useCoupon(code, { idempotency_key: key, customer_id: customer }, actor);
  await use(spent.codes[0], 'one-1');
  await use(uniqueCodes[0], 'u-1', ids.ana);
  await use(uniqueCodes[1], 'u-2');
  // A retry counts once.
  await use(uniqueCodes[1], 'u-2');
  await use('SUMMER25', 's-1', ids.ana);
  await use('summer-25', 's-2', ids.bor);
  await use('SUMMER25', 's-3', ids.cene);
  // Cene was Bor all along: after the merge the campaign has two customers, not three.
  await mergeCustomers(s, ids.bor, { from: ids.cene }, actor);
  at('2026-06-01T12:00:00Z');
});
afterAll(() => s?.close());

describe('campaigns', () => {
  it('lists them newest first with their figures and where each stands', async () => {
    const { items, next_cursor } = await s.loyalty.campaigns({});
    expect(next_cursor).toBeNull();
    expect(items.map((c) => [c.name, c.status])).toEqual([
      ['Autumn', 'scheduled'], ['Summer, "twenty-five"', 'active'], ['Spring 5 €', 'active'], ['One coffee', 'used_up'], ['Easter', 'expired'],
    ]);
    const unique = items.find((c) => c.id === campaigns.unique)!;
    expect(unique).toMatchObject({
      kind: 'unique_codes', shared_code: null, codes: 3, max_uses: 1, uses: 2, codes_used: 2, customers: 1, uses_without_customer: 1,
      discount_given: '10.00', currency: 'EUR', benefit: { type: 'fixed_discount', amount: '5.00' }, expires_at: '2026-07-01T00:00:00.000Z', created_at: '2026-05-03T09:00:00.000Z',
    });
    const shared = items.find((c) => c.id === campaigns.shared)!;
    expect(shared).toMatchObject({ kind: 'shared_code', shared_code: 'Summer-25', codes: 1, max_uses: 100, per_customer_limit: 1, uses: 3, codes_used: 1, customers: 2, uses_without_customer: 0, discount_given: null });
    expect(items.find((c) => c.id === campaigns.later)).toMatchObject({ uses: 0, codes_used: 0, customers: 0, valid_from: '2026-09-01T00:00:00.000Z' });
    expect(items.find((c) => c.id === campaigns.spent)).toMatchObject({ uses: 1, discount_given: '2.00' });
  });

  it('pages with a cursor, and refuses a cursor it did not give', async () => {
    const first = await s.loyalty.campaigns({ limit: '2' });
    expect(first.items.map((c) => c.name)).toEqual(['Autumn', 'Summer, "twenty-five"']);
    const second = await s.loyalty.campaigns({ limit: '2', cursor: first.next_cursor });
    expect(second.items.map((c) => c.name)).toEqual(['Spring 5 €', 'One coffee']);
    const third = await s.loyalty.campaigns({ limit: '2', cursor: second.next_cursor });
    expect(third).toMatchObject({ items: [{ name: 'Easter' }], next_cursor: null });
    await expect(s.loyalty.campaigns({ cursor: 'not-ours' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'cursor' }] });
    await expect(s.loyalty.campaigns({ cursor: Buffer.from('["2026-05-01T09:00:00.000Z","x"]').toString('base64url') })).rejects.toMatchObject({ problems: [{ field: 'cursor' }] });
  });

  it('answers one campaign as the list does, and an unknown id as not found', async () => {
    const { items } = await s.loyalty.campaigns({});
    expect(await s.loyalty.campaign(campaigns.shared)).toEqual(items.find((c) => c.id === campaigns.shared));
    await expect(s.loyalty.campaign('00000000-0000-4000-8000-00000000dead')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(s.loyalty.campaign('nope')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('says a campaign is used up once every use of every code is taken, and expired after its time with uses left', async () => {
    at('2026-07-01T00:00:00Z');
    expect((await s.loyalty.campaign(campaigns.unique)).status).toBe('expired');
    at('2026-06-01T12:00:00Z');
    await s.loyalty.useCoupon(uniqueCodes[2], { idempotency_key: 'u-3', customer_id: ids.bor }, actor);
    expect(await s.loyalty.campaign(campaigns.unique)).toMatchObject({ status: 'used_up', uses: 3, codes_used: 3, customers: 2, discount_given: '15.00' });
  });
});

describe("a campaign's codes", () => {
  it('lists them in code order a page at a time, with their uses', async () => {
    const first = await s.loyalty.campaignCodes(campaigns.unique, { limit: '2' });
    const sorted = [...uniqueCodes].sort();
    expect(first.items.map((c) => c.code)).toEqual(sorted.slice(0, 2));
    const rest = await s.loyalty.campaignCodes(campaigns.unique, { limit: '2', cursor: first.next_cursor });
    expect(rest).toMatchObject({ items: [{ code: sorted[2] }], next_cursor: null });
    const used = [...first.items, ...rest.items].find((c) => c.code === uniqueCodes[0])!;
    expect(used).toEqual({ code: uniqueCodes[0], uses: 1, max_uses: 1, usable: false, problem_code: 'used', last_used_at: '2026-05-20T10:00:00.000Z', valid_from: null, expires_at: '2026-07-01T00:00:00.000Z' });
    const autumn = await s.loyalty.campaignCodes(campaigns.later, {});
    expect(autumn.items.every((c) => c.problem_code === 'not_yet_valid' && c.uses === 0 && c.last_used_at === null)).toBe(true);
    await expect(s.loyalty.campaignCodes('00000000-0000-4000-8000-00000000dead', {})).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('writes every code as CSV with a header line, the shared code as the merchant wrote it', async () => {
    const { csv, fileName } = await s.loyalty.campaignCodesCsv(campaigns.shared);
    expect(fileName).toBe('summer-twenty-five-codes.csv');
    expect(csv).toBe('code,state,uses,max_uses,last_used_at,valid_from,expires_at\r\nSummer-25,usable,3,100,2026-05-20T10:00:00.000Z,,\r\n');
    const unique = await s.loyalty.campaignCodesCsv(campaigns.unique);
    const lines = unique.csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([...uniqueCodes].sort());
    expect(lines).toContain(`${uniqueCodes[1]},used,1,1,2026-05-20T10:00:00.000Z,,2026-07-01T00:00:00.000Z`);
  });

  it('streams the CSV a page of codes at a time, reading the next page only when the last is taken, the same bytes', async () => {
    const whole = (await s.loyalty.campaignCodesCsv(campaigns.unique)).csv;
    const { chunks, fileName } = await s.loyalty.campaignCodesCsvStream(campaigns.unique, { pageSize: 2 });
    expect(fileName).toBe('spring-5-codes.csv');
    const taken: string[] = [];
    for await (const chunk of chunks) taken.push(chunk);
    // The header, a page of two codes, the last page of one.
    expect(taken.map((c) => c.split('\r\n').length - 1)).toEqual([1, 2, 1]);
    expect(taken.join('')).toBe(whole);
    // A page size the codes fill exactly ends on an empty read, not a missing page.
    const exact = await s.loyalty.campaignCodesCsvStream(campaigns.unique, { pageSize: 3 });
    let text = '';
    for await (const chunk of exact.chunks) text += chunk;
    expect(text).toBe(whole);
    await expect(s.loyalty.campaignCodesCsvStream('00000000-0000-4000-8000-00000000dead')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('gift cards', () => {
  it('lists them newest first with balance, holder and status, filtered by status and paged', async () => {
    const issue = (body: Record<string, unknown>) => s.loyalty.issueGiftCard(body, actor);
    at('2026-05-10T10:00:00Z');
    const expiring = await issue({ amount: '20.00', idempotency_key: 'g-expiring', customer_id: ids.ana, expires_at: '2026-05-31' });
    at('2026-05-11T10:00:00Z');
    const spent = await issue({ amount: '15.00', idempotency_key: 'g-spent', customer_id: ids.cene });
    await s.loyalty.chargeGiftCard(spent.code, { amount: '15.00', idempotency_key: 'pay-all' }, actor);
    at('2026-05-12T10:00:00Z');
    const open = await issue({ amount: '25.00', idempotency_key: 'g-open' });
    await s.loyalty.chargeGiftCard(open.code, { amount: '7.50', idempotency_key: 'pay-part' }, actor);
    at('2026-06-01T12:00:00Z');

    const all = await s.loyalty.giftCards({});
    expect(all.items.map((g) => [g.code, g.status, g.balance, g.initial, g.customer_name])).toEqual([
      [open.code, 'active', '17.50', '25.00', null],
      // Issued to Cene's id after Cene was merged into Bor: the card is the survivor's.
      [spent.code, 'used_up', '0.00', '15.00', 'Bor'],
      [expiring.code, 'expired', '20.00', '20.00', 'Ana'],
    ]);
    expect(all.items[2]).toMatchObject({ customer_id: ids.ana, usable: false, expires_at: '2026-05-31T22:00:00.000Z', currency: 'EUR' });
    for (const status of ['active', 'used_up', 'expired'] as const) {
      expect((await s.loyalty.giftCards({ status })).items.map((g) => g.status)).toEqual([status]);
    }
    const first = await s.loyalty.giftCards({ limit: '2' });
    expect(first.items.map((g) => g.code)).toEqual([open.code, spent.code]);
    expect(await s.loyalty.giftCards({ limit: '2', cursor: first.next_cursor })).toMatchObject({ items: [{ code: expiring.code }], next_cursor: null });
    await expect(s.loyalty.giftCards({ status: 'lost' })).rejects.toMatchObject({ problems: [{ field: 'status' }] });
  });
});
