import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { timeIn } from '../../shared/clock.ts';

// Checkout reservations as a till meets them: capturing fewer points than were held (the
// final basket needed fewer), retries of a capture, a capture that came too late, and the
// ledger proven after each (GET /loyalty/verify).

const api = useTestApp({ keys: { till: ['read', 'write'], owner: ['read', 'write', 'admin'] } });

const program = { name: 'Checkout', earning: { points_per_currency_unit: 10 }, reservation_minutes: 15 };
let mia: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 't-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '50.00' } });
  mia = bought.json().customer_id;
});

const reserve = async (points: number, key: string, orderRef?: string) =>
  (await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations`, { body: { points, idempotency_key: key, order_ref: orderRef } })).json().reservation as { id: string };
const capture = (id: string, body?: unknown) => api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations/${id}/capture`, body === undefined ? {} : { body: body as object });
const account = async () => (await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json();
const verified = async () => expect((await api.call('GET', '/api/v1/loyalty/verify', { key: api.keys.owner })).json()).toMatchObject({ ok: true, problems: [] });

describe('capturing part of a reservation', () => {
  it('spends the points asked and gives the rest back in the same step; a retry with the same points replays, other points are refused', async () => {
    expect((await account()).balance).toBe(500);
    const held = await reserve(300, 'basket-1', 'order-1');
    expect((await account()).balance).toBe(200);
    const captured = await capture(held.id, { points: 120 });
    expect(captured.statusCode).toBe(200);
    expect(captured.json()).toMatchObject({ created: true, reservation: { id: held.id, status: 'captured', points: 300, captured_points: 120 } });
    const after = await account();
    expect(after.balance).toBe(380);
    expect(after.lifetime).toMatchObject({ redeemed: 120 });
    // In the member's history: the hold, then the points the order did not need coming back.
    expect(after.explanation.entries.slice(-2).map((e: { points: number; description: string }) => [e.points, e.description])).toEqual([
      [-300, 'Points spent at checkout (order-1)'],
      [180, 'Points returned: not spent by the order at checkout'],
    ]);
    await verified();

    const again = await capture(held.id, { points: 120 });
    expect([again.statusCode, again.headers['idempotent-replayed'], again.json().reservation]).toEqual([200, 'true', captured.json().reservation]);
    for (const other of [{ points: 100 }, undefined]) {
      const refused = await capture(held.id, other);
      expect(refused.statusCode, JSON.stringify(other)).toBe(409);
      expect(refused.json().detail).toBe(`Reservation ${held.id} was already captured for 120 of its 300 points, not ${other?.points ?? 300}`);
    }
    expect((await account()).balance).toBe(380);
    await verified();
  });

  it('captures all of it without a body, or with the points reserved, as before', async () => {
    const held = await reserve(50, 'basket-2');
    const captured = await capture(held.id);
    expect(captured.json().reservation).toMatchObject({ status: 'captured', captured_points: 50 });
    expect((await capture(held.id, { points: 50 })).statusCode).toBe(200);
    expect((await capture(held.id, {})).headers['idempotent-replayed']).toBe('true');
    expect((await account()).balance).toBe(330);
    await verified();
  });

  it('refuses more points than reserved, fewer than one, and fields it does not know, changing nothing', async () => {
    const held = await reserve(30, 'basket-3');
    const cases: [unknown, string, RegExp][] = [
      [{ points: 31 }, 'points', /^must be at most 30, the points reserved$/],
      [{ points: 0 }, 'points', /at least 1/],
      [{ points: 2.5 }, 'points', /integer|whole/i],
      [{ point: 10 }, '(body)', /"point".*only points/],
      [{ points: 10, order_ref: 'x' }, '(body)', /"order_ref"/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await capture(held.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().errors, JSON.stringify(body)).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    }
    const row = await api.services.db.selectFrom('loyalty_reservations').select(['status', 'captured_points']).where('id', '=', held.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'held', captured_points: null });
    expect((await account()).balance).toBe(300);
    expect((await capture(held.id, { points: 30 })).statusCode).toBe(200);
  });

  it('publishes the points spent, not the points held', async () => {
    const held = await reserve(40, 'basket-4', 'order-4');
    await capture(held.id, { points: 15 });
    const events = await api.services.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.points_redeemed').execute();
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ reservation_id: held.id, points: 15, order_ref: 'order-4' }));
    await verified();
  });
});

describe('a capture that came too late', () => {
  // QA: the same case answered "The reservation was expired (held too long); reserve again"
  // once swept, and "…expired before it was captured; its 10 points went back…" before.
  it('answers one message whether or not the sweep released it first', async () => {
    const before = (await account()).balance;
    const first = await reserve(10, 'late-1');
    const second = await reserve(10, 'late-2');
    // Told at the business's time (Europe/Ljubljana), as a till's clock reads it.
    const expiresAt = timeIn(new Date(api.services.clock.now().getTime() + 15 * 60_000), 'Europe/Ljubljana');
    api.services.clock.set(new Date(api.services.clock.now().getTime() + 16 * 60_000));
    // The first is captured before the sweep came (the capture gives its points back), the second after.
    const unswept = await capture(first.id);
    expect(await api.services.loyalty.releaseStaleReservations(api.services.clock.now())).toBe(1);
    const swept = await capture(second.id);
    const said = `The reservation expired at ${expiresAt}, before it was captured; its 10 points went back to the member; reserve again`;
    expect([unswept.statusCode, unswept.json().detail]).toEqual([409, said]);
    expect([swept.statusCode, swept.json().detail]).toEqual([409, said]);
    expect((await account()).balance).toBe(before);
    await verified();
  });
});

describe('a capture retried with other points', () => {
  it('names points in errors, the points captured beside this request\'s, in the language asked; the detail as it was', async () => {
    const held = await reserve(20, 'basket-named');
    expect((await capture(held.id, { points: 12 })).statusCode).toBe(200);
    const before = (await account()).balance;
    const reasons: Record<string, string> = {
      en: '12 (this request: 7)', sl: '12 (ta zahteva: 7)', tr: '12 (bu istek: 7)', da: '12 (denne anmodning: 7)', ru: '12 (в этом запросе: 7)',
    };
    for (const [language, reason] of Object.entries(reasons)) {
      const refused = await api.call('POST', `/api/v1/customers/${mia}/loyalty/reservations/${held.id}/capture`, { body: { points: 7 }, headers: { 'accept-language': language } });
      expect(refused.statusCode, language).toBe(409);
      expect(refused.json().errors, language).toEqual([{ field: 'points', reason }]);
    }
    const all = await capture(held.id);
    expect(all.json()).toMatchObject({ detail: `Reservation ${held.id} was already captured for 12 of its 20 points, not 20`, errors: [{ field: 'points', reason: '12 (this request: 20)' }] });
    expect((await account()).balance).toBe(before);
    await verified();
  });
});
