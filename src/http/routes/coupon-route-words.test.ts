import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A coupon's code sits in the path (GET /coupons/{code}, POST /coupons/{code}/redeem)
// beside paths of the API's own (GET /coupons/campaigns): the router takes a fixed word
// before a code, so a shared code "campaigns" was checked as the campaigns' list. Such a
// code is refused when a campaign is made, naming the field, in any case and with dashes;
// and a code made before that rule still redeems, while the list stays the list.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'] } });
const campaign = (code: string, key = code) =>
  api.call('POST', '/api/v1/coupons/campaigns', { body: { name: `Code ${code}`, idempotency_key: `k-${key}`, benefit: { type: 'percent_discount', percent: 10 }, code, max_uses: 5 } });
const campaignCount = async () => Number((await api.services.db.selectFrom('coupon_campaigns').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** The fixed words right after /coupons/ in the OpenAPI document's paths. */
let routeWords: string[] = [];
beforeAll(async () => {
  const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json() as { paths: Record<string, unknown> };
  routeWords = [...new Set(Object.keys(doc.paths).map((p) => /^\/api\/v1\/coupons\/([^/{]+)/.exec(p)?.[1]).filter((w): w is string => w !== undefined))];
});

describe('a shared code that reads as a word of the API\'s paths', () => {
  it('is refused for every fixed word under /coupons/, however written, naming the field; nothing is made', async () => {
    expect(routeWords).toContain('campaigns');
    const before = await campaignCount();
    for (const word of routeWords) {
      for (const written of [word, word.toUpperCase(), `${word.slice(0, 3)}-${word.slice(3)}`]) {
        const res = await campaign(written);
        expect(res.statusCode, written).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors).toEqual([{ field: 'code', reason: `${written} reads as "${word}", a word of the API's own paths (/coupons/${word}): a till checking the code would be answered something else; choose another code` }]);
      }
    }
    // In the language asked for, as every refusal.
    const sl = await api.call('POST', '/api/v1/coupons/campaigns', { headers: { 'accept-language': 'sl' }, body: { name: 'X', idempotency_key: 'k-sl', benefit: { type: 'percent_discount', percent: 10 }, code: 'Campaigns' } });
    expect(sl.json().errors).toEqual([{ field: 'code', reason: 'Campaigns se bere kot »campaigns«, beseda iz lastnih poti API-ja (/coupons/campaigns): blagajna, ki bi preverila kodo, bi dobila drug odgovor; izberite drugo kodo' }]);
    expect(await campaignCount()).toBe(before);
    // A word beside one is a code like any other.
    for (const code of ['campaign', 'CAMPAIGNS-26']) expect((await campaign(code)).statusCode).toBe(201);
  });

  it('refuses a code of fewer than four letters or digits once its dashes are left out, and tells a malformed code once', async () => {
    for (const code of ['----', 'A-B-C', '--AB--']) {
      const res = await campaign(code, `short${code}`);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ field: 'code', reason: 'must have at least 4 letters or digits: dashes are not part of a code' }]);
    }
    expect((await campaign('c!')).json().errors).toEqual([{ field: 'code', reason: 'must be 4–40 letters, digits or dashes' }]);
  });
});

describe('a code that reads as a route word, made before the rule', () => {
  it('redeems and is checked by its code, while GET /coupons/campaigns stays the list', async () => {
    // Made as the service made it before: a shared code "campaigns" (stored CAMPAIGNS).
    const made = (await campaign('OLDWORD')).json();
    await api.services.db.updateTable('coupons').set({ code: 'CAMPAIGNS', chosen_code: 'campaigns' }).where('code', '=', 'OLDWORD').execute();

    const list = await api.call('GET', '/api/v1/coupons/campaigns', { key: api.keys.till });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(made.id);
    const check = await api.call('GET', '/api/v1/coupons/CAMPAIGNS', { key: api.keys.till });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ code: 'campaigns', campaign_id: made.id, usable: true });
    for (const [path, key] of [['campaigns', 'till-1'], ['CAMPAIGNS', 'till-2'], ['Cam-paigns', 'till-3']]) {
      const used = await api.call('POST', `/api/v1/coupons/${path}/redeem`, { key: api.keys.till, body: { idempotency_key: key } });
      expect(used.statusCode, path).toBe(201);
      expect(used.json().coupon).toMatchObject({ code: 'campaigns', campaign_id: made.id });
    }
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${made.id}`)).json()).toMatchObject({ uses: 3, shared_code: 'campaigns' });
  });
});
