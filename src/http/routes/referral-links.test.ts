import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A member's referral link (README "Referrals"): with REFERRAL_LINK set, the account and the
// referral code route answer the shop's address with the code in it, and GET /r/{code}
// sends a friend there — for a code that refers, written as a claim takes it — or to the shop
// without a code for any other, so it tells nobody which codes exist. Without REFERRAL_LINK
// there is no link anywhere (null, and a 404 for every code), never a made-up host.

const TEMPLATE = 'https://shop.example/welcome?utm_source=friends&ref={code}';
const withLink = useTestApp({ keys: { owner: ['read', 'write', 'admin'] }, env: { REFERRAL_LINK: TEMPLATE, UNKNOWN_CODES_PER_MINUTE: '4' } });
const withoutLink = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = { name: 'Friends', enrolment: 'automatic', earning: { points_per_currency_unit: 10 }, bonuses: { referral: { referrer: 500, friend: 250 } } };
type Api = typeof withLink;

/** A member (a customer enrolled on creation) with a code; Ana's code begins ANA-. */
async function memberWithCode(api: Api, email: string, first_name: string) {
  const id = (await api.call('POST', '/api/v1/customers', { body: { email, first_name } })).json().id as string;
  await api.call('POST', `/api/v1/customers/${id}/loyalty/enrol`);
  const res = await api.call('POST', `/api/v1/customers/${id}/loyalty/referral-code`);
  return { id, res, code: res.json().code as string };
}

let ana: Awaited<ReturnType<typeof memberWithCode>>;
let gone: Awaited<ReturnType<typeof memberWithCode>>;

beforeAll(async () => {
  await withLink.services.loyalty.applyProgram({ program }, { actor: 'test' });
  await withoutLink.services.loyalty.applyProgram({ program }, { actor: 'test' });
  ana = await memberWithCode(withLink, 'ana@example.com', 'Ana');
  gone = await memberWithCode(withLink, 'gone@example.com', 'Gone');
  expect((await withLink.call('DELETE', `/api/v1/customers/${gone.id}`)).statusCode).toBe(200);
});

const linkOf = (code: string) => `https://shop.example/welcome?utm_source=friends&ref=${encodeURIComponent(code)}`;
const SHOP = 'https://shop.example/welcome?utm_source=friends';

describe('with REFERRAL_LINK', () => {
  it("answers the member's link beside the code: on creating it, asking again, and in the account", async () => {
    expect(ana.code).toMatch(/^ANA-[A-Z0-9]{6}$/);
    expect([ana.res.statusCode, ana.res.json()]).toEqual([201, { code: ana.code, referral_link: linkOf(ana.code) }]);
    expect((await withLink.call('POST', `/api/v1/customers/${ana.id}/loyalty/referral-code`)).json()).toEqual({ code: ana.code, referral_link: linkOf(ana.code) });
    expect((await withLink.call('GET', `/api/v1/customers/${ana.id}/loyalty`)).json()).toMatchObject({ referral_code: ana.code, referral_link: linkOf(ana.code) });
  });

  it('answers no link for a member who has no code yet', async () => {
    const id = (await withLink.call('POST', '/api/v1/customers', { body: { email: 'new@example.com' } })).json().id as string;
    await withLink.call('POST', `/api/v1/customers/${id}/loyalty/enrol`);
    expect((await withLink.call('GET', `/api/v1/customers/${id}/loyalty`)).json()).toMatchObject({ member: true, referral_code: null, referral_link: null });
  });

  it('sends a friend on a short link to the shop with the code, however the code is written, without a key', async () => {
    const suffix = ana.code.slice(4);
    for (const written of [ana.code, ana.code.toLowerCase(), `ANA${suffix}`, `ana ${suffix.toLowerCase()}`]) {
      const res = await withLink.call('GET', `/r/${encodeURIComponent(written)}`, { key: null });
      expect([res.statusCode, res.headers.location, res.headers['cache-control']], written).toEqual([302, linkOf(ana.code), 'no-store']);
    }
  });

  it("sends an unknown code, and an erased member's, to the shop without a code: the same answer as for a made-up one", async () => {
    for (const code of ['ANA-ZZZZZZ', gone.code]) {
      const res = await withLink.call('GET', `/r/${encodeURIComponent(code)}`, { key: null });
      expect([res.statusCode, res.headers.location], code).toEqual([302, SHOP]);
    }
  });

  it('stops a caller who tries many codes that lead nowhere, a real code too, as unknown coupon codes are', async () => {
    // Two unknown codes above; two more reach the limit of 4 this minute.
    for (const code of ['BEN-AAAAAA', 'CEM-BBBBBB']) expect((await withLink.call('GET', `/r/${code}`, { key: null })).statusCode).toBe(302);
    const stopped = await withLink.call('GET', `/r/${ana.code}`, { key: null });
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    // Another caller (an API key) is not stopped by this address's guesses.
    expect((await withLink.call('GET', `/r/${ana.code}`)).headers.location).toBe(linkOf(ana.code));
  });
});

describe('without REFERRAL_LINK', () => {
  it('answers the code with no link, and no short link leads anywhere', async () => {
    const bo = await memberWithCode(withoutLink, 'bo@example.com', 'Bo');
    expect([bo.res.statusCode, bo.res.json()]).toEqual([201, { code: bo.code, referral_link: null }]);
    expect((await withoutLink.call('GET', `/api/v1/customers/${bo.id}/loyalty`)).json()).toMatchObject({ referral_code: bo.code, referral_link: null });
    for (const code of [bo.code, 'BO-ZZZZZZ']) {
      const res = await withoutLink.call('GET', `/r/${code}`, { key: null });
      expect([res.statusCode, res.headers.location, res.json().detail], code).toEqual([404, undefined, 'Referral links are not set up: REFERRAL_LINK is not configured']);
    }
  });
});
