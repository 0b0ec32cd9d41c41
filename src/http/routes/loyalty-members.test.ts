import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A member's life over HTTP where the other loyalty tests do not go: joining on request,
// sharing a referral code and a friend claiming it, a checkout reservation given back, a
// gift card read and paid with, and an admin trying a program change and running the
// maintenance. Every answer is checked against the schema its route publishes
// (response-check.ts).

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Members',
  enrolment: 'on_request',
  earning: { points_per_currency_unit: 10 },
  bonuses: { sign_up: 100, referral: { referrer: 500, friend: 250 } },
  tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'gold', name: { en: 'Gold', sl: 'Zlati' }, threshold: '100.00' }] },
  challenges: [{ code: 'regular', name: 'Three visits', goal: { type: 'visits', count: 3, within_days: 30 }, points: 50 }],
};

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
});

const customer = async (email: string) => (await api.call('POST', '/api/v1/customers', { body: { email } })).json().id as string;

let mia: string;

describe('joining and referring', () => {
  it('enrols a customer on request, once', async () => {
    mia = await customer('mia@example.com');
    expect((await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json()).toEqual({ customer_id: mia, member: false, program_version: 1 });
    const joined = await api.call('POST', `/api/v1/customers/${mia}/loyalty/enrol`);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ customer_id: mia, member: true, balance: 100, tier: { code: 'member', next: { code: 'gold', threshold: '100.00' } } });
    expect(joined.json().challenges).toEqual([expect.objectContaining({ code: 'regular', progress: 0, goal: { type: 'visits', count: 3, within_days: 30 } })]);
    expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/enrol`)).statusCode).toBe(200);
  });

  it("gives the member a code to share, and links a new customer to it", async () => {
    const first = await api.call('POST', `/api/v1/customers/${mia}/loyalty/referral-code`);
    expect(first.statusCode).toBe(201);
    const { code } = first.json();
    expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/referral-code`)).json()).toEqual({ code, referral_link: null });
    const friend = await customer('friend@example.com');
    const claim = await api.call('POST', `/api/v1/customers/${friend}/loyalty/referral`, { body: { code } });
    expect(claim.statusCode).toBe(201);
    expect(claim.json()).toEqual({ status: 'pending' });
    expect((await api.call('POST', `/api/v1/customers/${friend}/loyalty/referral`, { body: { code } })).json()).toEqual({ status: 'pending' });
  });
});

describe('checkout and gift cards', () => {
  it('holds points at checkout and gives them back when the order is abandoned', async () => {
    const held = await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations`, { body: { points: 40, idempotency_key: 'order-9' } });
    expect(held.statusCode).toBe(201);
    const { id } = held.json().reservation;
    const released = await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations/${id}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json().reservation).toMatchObject({ id, status: 'released', points: 40 });
    expect((await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance).toBe(100);
  });

  it('reads a gift card and charges it once per key', async () => {
    const { code } = (await api.call('POST', '/api/v1/gift-cards', { body: { amount: '25.00', idempotency_key: 'card-1', customer_id: mia } })).json();
    expect((await api.call('GET', `/api/v1/gift-cards/${code}`)).json()).toMatchObject({ code, customer_id: mia, balance: '25.00' });
    const charged = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount: '7.50', idempotency_key: 'pay-1' } });
    expect(charged.statusCode).toBe(201);
    expect(charged.json()).toMatchObject({ charged: '7.50', gift_card: { balance: '17.50' } });
    const again = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount: '7.50', idempotency_key: 'pay-1' } });
    expect(again.statusCode).toBe(200);
    expect(again.json().gift_card.balance).toBe('17.50');
  });
});

describe('the program, for an admin', () => {
  it('simulates a proposed program against the one in force, writing nothing', async () => {
    await api.call('POST', '/api/v1/purchases', { body: { external_id: 'm-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-20T09:00:00Z', total: '120.00' } });
    const proposed = { ...program, earning: { points_per_currency_unit: 20 }, bonuses: { ...program.bonuses, survey: 30 } };
    const res = await api.call('POST', '/api/v1/loyalty/program/simulate', { body: { program: proposed, since: '2026-01-01' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ purchases: 1, proposed: { purchase_points: 2400 }, current: { purchase_points: 1200 }, difference: { points: 1200 } });
    expect(res.json().tiers).toEqual(expect.arrayContaining([{ code: 'gold', proposed: 1, today: 1 }]));
    // The notes and what is not simulated carry a code (the dashboard translates by it) beside the English sentence.
    expect(res.json().notes).toEqual([{ code: 'ledger_only_triggers', message: expect.stringContaining('Survey and profile-completion bonuses') }]);
    expect(res.json().not_simulated).toEqual([{ kind: 'challenge', code: 'challenge_timing', reason: expect.stringContaining('Challenges are not simulated'), ledger_points: 0, ledger_entries: 0 }]);
  });

  it('runs the maintenance now and says what each step did', async () => {
    const res = await api.call('POST', '/api/v1/loyalty/maintenance');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      reservations_released: 0, expired: { members: 0, points: 0 }, debts_settled: { members: 0, points: 0 }, forfeited: { members: 0, points: 0 }, reminded: { members: 0 }, tiers: { reviewed: expect.any(Number), down: 0 }, birthdays: { members: 0 },
    });
  });
});

// Regression: an adjustment answered the account with its entries explained in English
// whatever was asked, where GET …/loyalty tells them in ?language=; the CLI read the
// account a second time to print it in its own.
describe("a staff adjustment's answer", () => {
  it('tells the account after it in ?language=, as GET …/loyalty does, a replay too; English without', async () => {
    const ole = await customer('ole@example.com');
    expect((await api.call('POST', `/api/v1/customers/${ole}/loyalty/enrol`)).statusCode).toBe(201);
    const body = { points: 25, reason: 'Sorry for the wait', idempotency_key: 'ole-1' };
    const adjusted = await api.call('POST', `/api/v1/customers/${ole}/loyalty/adjustments?language=sl`, { body });
    expect(adjusted.statusCode).toBe(201);
    expect(adjusted.headers['content-language']).toBe('sl');
    const read = await api.call('GET', `/api/v1/customers/${ole}/loyalty?language=sl`);
    const said = (answer: { json(): { explanation: { entries: { description: string }[] } } }) => answer.json().explanation.entries.map((e) => e.description);
    expect(said(adjusted)).toEqual(said(read));
    expect(said(adjusted).at(-1)).not.toMatch(/Adjustment by staff/);
    expect(adjusted.json()).toMatchObject({ balance: 125, tier: { name: 'Member' } });

    const replayed = await api.call('POST', `/api/v1/customers/${ole}/loyalty/adjustments?language=sl`, { body });
    expect([replayed.statusCode, replayed.headers['idempotent-replayed'], replayed.headers['content-language']]).toEqual([200, 'true', 'sl']);
    expect(said(replayed)).toEqual(said(read));

    const english = await api.call('POST', `/api/v1/customers/${ole}/loyalty/adjustments`, { body });
    expect(english.headers['content-language']).toBeUndefined();
    expect(said(english)).toEqual(said(await api.call('GET', `/api/v1/customers/${ole}/loyalty`)));
    expect(said(english).at(-1)).toBe('Adjustment by staff: Sorry for the wait');

    const unknown = await api.call('POST', `/api/v1/customers/${ole}/loyalty/adjustments?language=xx`, { body: { points: 5, reason: 'never made', idempotency_key: 'ole-2' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ field: 'language', reason: expect.stringContaining('must be one of en, sl, tr, da, ru') }]);
    expect((await api.call('GET', `/api/v1/customers/${ole}/loyalty`)).json().balance).toBe(125);
  });
});
