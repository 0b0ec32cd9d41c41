import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { csvFiles } from '../../../test/helpers/csv-files.ts';
import { importFile } from '../../workflows/import-file.ts';

// A phone two people share (a household's) names neither of them against an email: Bo, with
// his own email and the phone Ana holds, is another customer, and Ana keeps her email and
// her phone. Regression: POST /customers {email: bo2@…, phone: 040123456} found Ana by the
// phone and wrote bo2@… over her email (her own email then found nobody); a purchase gave
// her Bo's email as a second one; and the referral check of one phone could never see two
// customers with one phone. The same rule for every way customers arrive: the API, a
// purchase, a batch, an import of customers and one of purchases.
const api = useTestApp({ keys: { till: ['read', 'write', 'admin'] }, env: { PHONE_REGION: 'SI' } });
const files = csvFiles('shared-phone');
afterAll(() => files.remove());
const actor = { actor: 'test' };

const post = async (body: Record<string, unknown>, status: number) => {
  const res = await api.call('POST', '/api/v1/customers', { body });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as { id: string; email: string | null; phone: string | null; identities: { kind: string; value: string }[] };
};
const get = async (id: string) => (await api.call('GET', `/api/v1/customers/${id}`)).json();
let sale = 0;
const buy = async (customer: Record<string, unknown>) => {
  const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: `sp-${++sale}`, customer, occurred_at: '2026-05-20T10:00:00Z', total: '20.00' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().customer_id as string;
};

describe('a phone held by a customer with another email', () => {
  let ana: string;
  let bo: string;

  it('through POST /customers: a new customer, and the holder keeps her email and phone', async () => {
    ana = (await post({ email: 'ana@example.com', phone: '+38640123456', first_name: 'Ana' }, 201)).id;
    const created = await post({ email: 'bo2@example.com', phone: '040123456', first_name: 'Bo' }, 201);
    bo = created.id;
    expect(bo).not.toBe(ana);
    // Bo keeps the number on his profile; the phone stays Ana's identity.
    expect(created).toMatchObject({ email: 'bo2@example.com', phone: '+38640123456', identities: [{ kind: 'email', value: 'bo2@example.com' }] });
    expect(await get(ana)).toMatchObject({
      email: 'ana@example.com', phone: '+38640123456', first_name: 'Ana',
      identities: [{ kind: 'email', value: 'ana@example.com' }, { kind: 'phone', value: '+38640123456' }],
    });
    // Bo sent again is Bo, updated, and no conflict over the phone he shares.
    expect((await post({ email: 'bo2@example.com', phone: '040 123 456', last_name: 'Berg' }, 200))).toMatchObject({ id: bo, last_name: 'Berg', phone: '+38640123456' });
    // What was right stays right: the phone alone, in another format, is its holder's; an email in another case is its owner's.
    expect((await post({ phone: '040-123-456' }, 200)).id).toBe(ana);
    expect((await post({ email: 'ANA@Example.com' }, 200)).id).toBe(ana);
    expect(await get(ana)).toMatchObject({ email: 'ana@example.com', phone: '+38640123456' });
  });

  it('a phone whose holder has no email is still theirs to be given one', async () => {
    const cy = (await post({ phone: '041000111' }, 201)).id;
    expect(await post({ email: 'cy@example.com', phone: '+38641000111' }, 200)).toMatchObject({ id: cy, email: 'cy@example.com', phone: '+38641000111' });
  });

  it('a PATCH giving a customer with an email the phone of one with another email shares it; one without an email is still refused', async () => {
    const di = (await post({ email: 'di@example.com' }, 201)).id;
    const res = await api.call('PATCH', `/api/v1/customers/${di}`, { body: { phone: '040123456' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: '+38640123456', identities: [{ kind: 'email', value: 'di@example.com' }] });
    const bare = (await post({ external_id: 'card-bare' }, 201)).id;
    expect((await api.call('PATCH', `/api/v1/customers/${bare}`, { body: { phone: '040123456' } })).statusCode).toBe(409);
    expect((await get(ana)).identities).toContainEqual({ kind: 'phone', value: '+38640123456' });
  });

  it('through a purchase: the sale is the new person\'s, and the holder gets no second email', async () => {
    const eve = await buy({ email: 'eve@example.com', phone: '040123456' });
    expect(eve).not.toBe(ana);
    expect(await get(eve)).toMatchObject({ email: 'eve@example.com', phone: '+38640123456', identities: [{ kind: 'email', value: 'eve@example.com' }] });
    expect((await get(ana)).identities).toEqual([{ kind: 'email', value: 'ana@example.com' }, { kind: 'phone', value: '+38640123456' }]);
    // Bo buying with his email and the shared phone is Bo; with the phone alone, Ana.
    expect(await buy({ email: 'bo2@example.com', phone: '+38640123456' })).toBe(bo);
    expect(await buy({ phone: '040123456' })).toBe(ana);
  });

  it('in one batch: two new people sharing a phone are two customers, a third purchase by the phone alone is the first\'s', async () => {
    const purchase = (key: string, customer: Record<string, unknown>) => ({ external_id: key, customer, occurred_at: '2026-05-21T10:00:00Z', total: '5.00' });
    const res = await api.call('POST', '/api/v1/purchases/batch', {
      body: { purchases: [purchase('hb-1', { email: 'fay@example.com', phone: '031222333' }), purchase('hb-2', { email: 'gus@example.com', phone: '031 222 333' }), purchase('hb-3', { phone: '+38631222333' })] },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const ids = (res.json().results as { purchase: { customer_id: string } }[]).map((r) => r.purchase.customer_id);
    expect(new Set(ids).size).toBe(2);
    expect(ids[2]).toBe(ids[0]);
    expect(await get(ids[1])).toMatchObject({ email: 'gus@example.com', phone: '+38631222333', identities: [{ kind: 'email', value: 'gus@example.com' }] });
  });

  it('a merge of two who share the phone makes one person of them, found by either email and by the phone', async () => {
    const kim = (await post({ email: 'kim@example.com', phone: '040123456' }, 201)).id;
    const res = await api.call('POST', `/api/v1/customers/${ana}/merge`, { body: { from: kim } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(ana)).identities).toEqual([
      { kind: 'email', value: 'ana@example.com' }, { kind: 'email', value: 'kim@example.com' }, { kind: 'phone', value: '+38640123456' },
    ]);
    expect((await post({ email: 'kim@example.com', phone: '040123456' }, 200)).id).toBe(ana);
    expect((await post({ phone: '+38640123456' }, 200)).id).toBe(ana);
    expect(await get(ana)).toMatchObject({ email: 'ana@example.com', phone: '+38640123456' });
  });

  it('an upsert found by card with another email adds the email and keeps the one on the profile', async () => {
    const lea = (await post({ external_id: 'card-lea', email: 'lea@example.com' }, 201)).id;
    expect(await post({ external_id: 'card-lea', email: 'lea.work@example.com' }, 200)).toMatchObject({
      id: lea, email: 'lea@example.com', identities: [{ kind: 'email', value: 'lea.work@example.com' }, { kind: 'email', value: 'lea@example.com' }, { kind: 'external_id', value: 'card-lea' }],
    });
    expect((await post({ email: 'lea@example.com' }, 200)).id).toBe(lea);
  });

  it('the referral check of one phone refuses Ana\'s code to Bo', async () => {
    const s = api.services;
    await s.loyalty.applyProgram({ program: { name: 'Household', earning: { points_per_currency_unit: 1 }, bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } } } }, actor);
    expect(await buy({ email: 'ana@example.com' })).toBe(ana); // a member by buying
    const { code } = await s.loyalty.referralCode(ana);
    const hal = (await post({ email: 'hal@example.com', phone: '040123456' }, 201)).id;
    await expect(s.loyalty.claimReferral(hal, { code }, actor)).rejects.toMatchObject({ message: /same email or phone/ });
  });
});

describe('imports name customers by the same rule', () => {
  it('of customers: a row of another email with a held phone adds a customer, as the dry run says', async () => {
    const file = files.write(['email,phone,first_name', 'ivy@example.com,040123456,Ivy', ',040 123 456,Ana']);
    expect(await importFile(api.services, { kind: 'customers', file, dryRun: true })).toMatchObject({ rows: 2, created: 1, duplicates: 1, invalid: 0 });
    expect(await importFile(api.services, { kind: 'customers', file })).toMatchObject({ created: 1, duplicates: 1, invalid: 0, imported: true });
    const ivy = (await api.call('GET', '/api/v1/customers?query=ivy@example.com')).json().items[0];
    expect(ivy).toMatchObject({ email: 'ivy@example.com', phone: '+38640123456', first_name: 'Ivy', identities: [{ kind: 'email', value: 'ivy@example.com' }] });
    const ana = (await api.call('GET', '/api/v1/customers?query=ana@example.com')).json().items[0];
    expect(ana).toMatchObject({ email: 'ana@example.com', first_name: 'Ana', phone: '+38640123456' });
    expect(ana.identities).not.toContainEqual({ kind: 'email', value: 'ivy@example.com' });
  });

  it('of purchases: each person of a shared phone buys as themselves', async () => {
    const file = files.write(['external_id,customer_email,customer_phone,occurred_at,total', 'ip-1,jo@example.com,051444555,2026-05-01,10.00', 'ip-2,kai@example.com,051 444 555,2026-05-01,12.00', 'ip-3,ana@example.com,040123456,2026-05-02,7.00', 'ip-4,lu@example.com,040123456,2026-05-02,8.00']);
    expect(await importFile(api.services, { kind: 'purchases', file })).toMatchObject({ created: 4, invalid: 0, imported: true });
    const buyers = await api.services.db.selectFrom('purchases').innerJoin('customers', 'customers.id', 'purchases.customer_id')
      .select(['purchases.external_id', 'customers.email', 'customers.phone']).where('purchases.external_id', 'like', 'ip-%').orderBy('purchases.external_id').execute();
    expect(buyers).toEqual([
      { external_id: 'ip-1', email: 'jo@example.com', phone: '+38651444555' },
      { external_id: 'ip-2', email: 'kai@example.com', phone: '+38651444555' },
      { external_id: 'ip-3', email: 'ana@example.com', phone: '+38640123456' },
      { external_id: 'ip-4', email: 'lu@example.com', phone: '+38640123456' },
    ]);
  });
});
