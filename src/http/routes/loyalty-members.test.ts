import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { buildApp } from '../app.ts';

// A member's life over HTTP where the other loyalty tests do not go: joining on request,
// sharing a referral code and a friend claiming it, a checkout reservation given back, a
// gift card read and paid with, and an admin trying a program change and running the
// maintenance. Every answer is checked against the schema its route publishes
// (response-check.ts).

let s: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;
let admin: string;

const program = {
  name: 'Members',
  enrolment: 'on_request',
  earning: { points_per_currency_unit: 10 },
  bonuses: { sign_up: 100, referral: { referrer: 500, friend: 250 } },
  tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'gold', name: { en: 'Gold', sl: 'Zlati' }, threshold: '100.00' }] },
  challenges: [{ code: 'regular', name: 'Three visits', goal: { type: 'visits', count: 3, within_days: 30 }, points: 50 }],
};

beforeAll(async () => {
  s = await openTestServices();
  app = await buildApp(s);
  admin = (await s.auth.createApiKey({ name: 'owner', scopes: ['read', 'write', 'admin'] }, { actor: 'test' })).key;
  await s.loyalty.applyProgram({ program }, { actor: 'test' });
});
afterAll(async () => {
  await app?.close();
  await s?.close();
});

const call = (method: 'GET' | 'POST', url: string, body?: unknown) =>
  app.inject({ method, url: `/api/v1${url}`, payload: body as object, headers: { authorization: `Bearer ${admin}` } });
const customer = async (email: string) => (await call('POST', '/customers', { email })).json().id as string;

let mia: string;

describe('joining and referring', () => {
  it('enrols a customer on request, once', async () => {
    mia = await customer('mia@example.com');
    expect((await call('GET', `/customers/${mia}/loyalty`)).json()).toEqual({ customer_id: mia, member: false, program_version: 1 });
    const joined = await call('POST', `/customers/${mia}/loyalty/enrol`);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ customer_id: mia, member: true, balance: 100, tier: { code: 'member', next: { code: 'gold', threshold: '100.00' } } });
    expect(joined.json().challenges).toEqual([expect.objectContaining({ code: 'regular', progress: 0, goal: { type: 'visits', count: 3, within_days: 30 } })]);
    expect((await call('POST', `/customers/${mia}/loyalty/enrol`)).statusCode).toBe(200);
  });

  it("gives the member a code to share, and links a new customer to it", async () => {
    const first = await call('POST', `/customers/${mia}/loyalty/referral-code`);
    expect(first.statusCode).toBe(201);
    const { code } = first.json();
    expect((await call('POST', `/customers/${mia}/loyalty/referral-code`)).json()).toEqual({ code });
    const friend = await customer('friend@example.com');
    const claim = await call('POST', `/customers/${friend}/loyalty/referral`, { code });
    expect(claim.statusCode).toBe(201);
    expect(claim.json()).toEqual({ status: 'pending' });
    expect((await call('POST', `/customers/${friend}/loyalty/referral`, { code })).json()).toEqual({ status: 'pending' });
  });
});

describe('checkout and gift cards', () => {
  it('holds points at checkout and gives them back when the order is abandoned', async () => {
    const held = await call('POST', `/customers/${mia}/loyalty/reservations`, { points: 40, idempotency_key: 'order-9' });
    expect(held.statusCode).toBe(201);
    const { id } = held.json().reservation;
    const released = await call('POST', `/customers/${mia}/loyalty/reservations/${id}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json().reservation).toMatchObject({ id, status: 'released', points: 40 });
    expect((await call('GET', `/customers/${mia}/loyalty`)).json().balance).toBe(100);
  });

  it('reads a gift card and charges it once per key', async () => {
    const { code } = (await call('POST', '/gift-cards', { amount: '25.00', idempotency_key: 'card-1', customer_id: mia })).json();
    expect((await call('GET', `/gift-cards/${code}`)).json()).toMatchObject({ code, customer_id: mia, balance: '25.00' });
    const charged = await call('POST', `/gift-cards/${code}/charge`, { amount: '7.50', idempotency_key: 'pay-1' });
    expect(charged.statusCode).toBe(201);
    expect(charged.json()).toMatchObject({ charged: '7.50', gift_card: { balance: '17.50' } });
    const again = await call('POST', `/gift-cards/${code}/charge`, { amount: '7.50', idempotency_key: 'pay-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().gift_card.balance).toBe('17.50');
  });
});

describe('the program, for an admin', () => {
  it('simulates a proposed program against the one in force, writing nothing', async () => {
    await call('POST', '/purchases', { external_id: 'm-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-20T09:00:00Z', total: '120.00' });
    const res = await call('POST', '/loyalty/program/simulate', { program: { ...program, earning: { points_per_currency_unit: 20 } }, since: '2026-01-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ purchases: 1, proposed: { purchase_points: 2400 }, current: { purchase_points: 1200 }, difference: { points: 1200 } });
    expect(res.json().tiers).toEqual(expect.arrayContaining([{ code: 'gold', proposed: 1, today: 1 }]));
  });

  it('runs the maintenance now and says what each step did', async () => {
    const res = await call('POST', '/loyalty/maintenance');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      reservations_released: 0, expired: { members: 0, points: 0 }, reminded: { members: 0 }, tiers: { reviewed: expect.any(Number), down: 0 }, birthdays: { members: 0 },
    });
  });
});
