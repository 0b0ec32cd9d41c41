import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// Issuing a gift card as an admin's script does it: an expiry given as a date, as a
// voucher prints it ("valid until 31 December"), is usable through that day in the
// business's time zone (Europe/Ljubljana here); a retry answers the card it issued; and
// the key sent again with another body is told which fields differ, in the caller's
// language. Every answer is checked against the route's schema.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const customer = async (email: string) => (await api.call('POST', '/api/v1/customers', { body: { email } })).json().id as string;
const issue = (body: Record<string, unknown>, language?: string) => api.call('POST', '/api/v1/gift-cards', { body, headers: language ? { 'accept-language': language } : {} });

describe('POST /gift-cards with expires_at a date', () => {
  it('is usable through the end of that day in the business time zone, summer or winter', async () => {
    api.services.clock.set('2026-06-02T12:00:00Z');
    const summer = await issue({ amount: '20.00', idempotency_key: 'summer', expires_at: '2026-07-31' });
    expect(summer.statusCode).toBe(201);
    // Midnight at the end of 31 July in Ljubljana (UTC+2 then).
    expect(summer.json()).toMatchObject({ created: true, expires_at: '2026-07-31T22:00:00.000Z', usable: true });
    const winter = await issue({ amount: '20.00', idempotency_key: 'winter', expires_at: '2026-12-31' });
    expect(winter.json().expires_at).toBe('2026-12-31T23:00:00.000Z');

    // The last minute of the day it can still pay; at midnight it cannot.
    const code = summer.json().code as string;
    api.services.clock.set('2026-07-31T21:59:00Z');
    expect((await api.call('GET', `/api/v1/gift-cards/${code}`)).json().usable).toBe(true);
    expect((await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount: '5.00', idempotency_key: 'last-minute' } })).statusCode).toBe(201);
    api.services.clock.set('2026-07-31T22:00:00Z');
    expect((await api.call('GET', `/api/v1/gift-cards/${code}`)).json()).toMatchObject({ balance: '15.00', usable: false });
    const late = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount: '5.00', idempotency_key: 'after-midnight' } });
    expect(late.statusCode).toBe(409);
    // At the business's time, as the till's clock reads it (it said 2026-07-31T22:00:00.000Z).
    expect(late.json().detail).toBe('Gift card expired at 2026-08-01T00:00:00+02:00');
  });

  it('is one request with the same date, and with the instant it means: a retry answers the card it issued', async () => {
    api.services.clock.set('2026-06-02T12:00:00Z');
    const body = { amount: '15.00', idempotency_key: 'dated', expires_at: '2026-09-30' };
    const first = await issue(body);
    expect(first.statusCode).toBe(201);
    for (const again of [body, { ...body, amount: 15 }, { ...body, expires_at: '2026-10-01T00:00:00+02:00' }]) {
      const res = await issue(again);
      expect(res.statusCode, JSON.stringify(again)).toBe(200);
      expect(res.headers['idempotent-replayed']).toBe('true');
      expect(res.json()).toEqual({ ...first.json(), created: false });
    }
    // Also once the day has passed: the card is answered as it is now, not refused as past.
    api.services.clock.set('2026-10-05T12:00:00Z');
    const replay = await issue(body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ code: first.json().code, usable: false });
    const cards = await api.services.db.selectFrom('gift_cards').select('code').where('idempotency_key', '=', 'dated').execute();
    expect(cards).toHaveLength(1);
  });

  it('refuses a day that has ended in the business time zone, with the moment it ended; today is fine', async () => {
    // 23:30 in Ljubljana on 2 June: the day has half an hour left.
    api.services.clock.set('2026-06-02T21:30:00Z');
    const today = await issue({ amount: '5.00', idempotency_key: 'today', expires_at: '2026-06-02' });
    expect(today.statusCode).toBe(201);
    expect(today.json()).toMatchObject({ expires_at: '2026-06-02T22:00:00.000Z', usable: true });
    // 00:30 on 3 June there, still 2 June in UTC: 2 June has ended for the business.
    api.services.clock.set('2026-06-02T22:30:00Z');
    const ended = await issue({ amount: '5.00', idempotency_key: 'ended', expires_at: '2026-06-02' });
    expect(ended.statusCode).toBe(422);
    expect(ended.json().errors).toEqual([{
      field: 'expires_at',
      reason: 'is in the past (2026-06-02, which ended at 2026-06-02T22:00:00.000Z in Europe/Ljubljana; now 2026-06-02T22:30:00.000Z): the card could never be used',
    }]);
    expect((await issue({ amount: '5.00', idempotency_key: 'ended', expires_at: '2026-06-02' }, 'sl')).json().errors).toEqual([{
      field: 'expires_at',
      reason: 'je v preteklosti (2026-06-02, ki se je v časovnem pasu Europe/Ljubljana končal ob 2026-06-02T22:00:00.000Z; zdaj je 2026-06-02T22:30:00.000Z): kartice ne bi bilo nikoli mogoče uporabiti',
    }]);
    expect(await api.services.db.selectFrom('gift_cards').select('code').where('idempotency_key', '=', 'ended').execute()).toEqual([]);
  });

  it('refuses what is neither a timestamp with an offset nor a day of the calendar', async () => {
    for (const expires_at of ['2026-02-30', '31.12.2026', '2026-12-31T18:00:00', 20261231]) {
      const res = await issue({ amount: '5.00', idempotency_key: 'malformed', expires_at });
      expect(res.statusCode, String(expires_at)).toBe(422);
      expect(res.json().errors, String(expires_at)).toEqual([{ field: 'expires_at', reason: 'must be an ISO 8601 timestamp with an offset (2026-12-31T18:00:00+01:00) or a date (2026-12-31: usable through that day)' }]);
    }
    expect((await issue({ amount: '5.00', idempotency_key: 'malformed', expires_at: '2026-02-30' }, 'da')).json().errors).toEqual([
      { field: 'expires_at', reason: 'skal være et ISO 8601-tidsstempel med forskydning (2026-12-31T18:00:00+01:00) eller en dato (2026-12-31: kan bruges dagen ud)' },
    ]);
  });
});

describe('POST /gift-cards with a key already used for another card', () => {
  it('names each field that differs, the card\'s value beside this request\'s, in the language asked', async () => {
    api.services.clock.set('2026-06-02T12:00:00Z');
    const [maja, nik] = [await customer('maja@example.com'), await customer('nik@example.com')];
    const body = { amount: '30.00', idempotency_key: 'named', customer_id: maja, expires_at: '2026-12-31' };
    expect((await issue(body)).statusCode).toBe(201);

    const other = { amount: '35', idempotency_key: 'named', customer_id: nik, expires_at: '2027-01-31T12:00:00Z' };
    const res = await issue(other);
    expect(res.statusCode).toBe(409);
    const errors = [
      { field: 'amount', reason: '30.00 (this request: 35.00)' },
      { field: 'customer_id', reason: `${maja} (this request: ${nik})` },
      // Both in the business's time zone, where the date was read.
      { field: 'expires_at', reason: '2027-01-01T00:00:00+01:00 (this request: 2027-01-31T13:00:00+01:00)' },
    ];
    expect(res.json()).toMatchObject({
      detail: `Gift card with idempotency key named was already issued with other values: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
      errors,
    });
    const told = (await issue(other, 'tr')).json();
    expect(told.detail).toBe(`named idempotency anahtarlı hediye kartı başka değerlerle zaten oluşturulmuş: amount 30.00 (bu istek: 35.00); customer_id ${maja} (bu istek: ${nik}); expires_at 2027-01-01T00:00:00+01:00 (bu istek: 2027-01-31T13:00:00+01:00)`);
    expect(told.errors[0]).toEqual({ field: 'amount', reason: '30.00 (bu istek: 35.00)' });

    // Only what differs is named: no customer where the card has one, and no expiry ("none" told too, as a purchase's 409 tells it).
    const fewer = await issue({ amount: '30.00', idempotency_key: 'named' }, 'ru');
    expect(fewer.json().errors).toEqual([
      { field: 'customer_id', reason: `${maja} (в этом запросе: нет)` },
      { field: 'expires_at', reason: '2027-01-01T00:00:00+01:00 (в этом запросе: нет)' },
    ]);
    expect(await api.services.db.selectFrom('gift_cards').select('initial_minor').where('idempotency_key', '=', 'named').execute()).toEqual([{ initial_minor: 3000 }]);
  });

  it('does not name a customer merged since into the card\'s: the id leads to the same person', async () => {
    api.services.clock.set('2026-06-02T12:00:00Z');
    const [ana, ana2] = [await customer('ana@example.com'), await customer('ana.old@example.com')];
    expect((await issue({ amount: '10.00', idempotency_key: 'moved', customer_id: ana2 })).statusCode).toBe(201);
    expect((await api.call('POST', `/api/v1/customers/${ana}/merge`, { body: { from: ana2 } })).statusCode).toBe(200);
    // The retry as sent before the merge is still the same request.
    expect((await issue({ amount: '10.00', idempotency_key: 'moved', customer_id: ana2 })).json()).toMatchObject({ created: false, customer_id: ana });
    // The survivor's own id is another body (the hash keeps the id as sent), yet the same customer: only the amount is named.
    const res = await issue({ amount: '12.00', idempotency_key: 'moved', customer_id: ana });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'amount', reason: '10.00 (this request: 12.00)' }]);
    // Nothing stored differs, yet the body does: told so, without a list.
    const same = await issue({ amount: '10.00', idempotency_key: 'moved', customer_id: ana });
    expect(same.statusCode).toBe(409);
    expect(same.json().detail).toBe('Gift card with idempotency key moved was already issued with a different body');
  });
});
