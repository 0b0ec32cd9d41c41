import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A gift card charge given back (POST /gift-cards/{code}/refunds): an order of 50.00 paid by
// card, then returned in two parts, puts 50.00 back and no more; a retry answers the first
// refund; the same key with another body is told what differs; a charge of no card, of
// another card, or a bad amount is refused naming its field, in the language asked. Every
// answer is checked against the route's schema.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'] } });

const issue = async (key: string, amount: string, extra: Record<string, unknown> = {}) => {
  const res = await api.call('POST', '/api/v1/gift-cards', { body: { amount, idempotency_key: key, ...extra } });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
};
const charge = async (code: string, amount: string, key: string, order_ref?: string) => {
  const res = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { key: api.keys.till, body: { amount, idempotency_key: key, order_ref } });
  expect(res.statusCode).toBe(201);
};
const refund = (code: string, body: Record<string, unknown>, language?: string) =>
  api.call('POST', `/api/v1/gift-cards/${code}/refunds`, { key: api.keys.till, body, headers: language ? { 'accept-language': language } : {} });
const balance = async (code: string) => (await api.call('GET', `/api/v1/gift-cards/${code}`)).json().balance as string;

let card: string;
let other: string;

beforeAll(async () => {
  api.services.clock.set('2026-05-01T10:00:00Z');
  card = await issue('card-80', '80.00');
  other = await issue('card-other', '10.00');
  await charge(card, '50.00', 'order-1', 'o-1');
  await charge(other, '4.00', 'other-order');
});

describe('POST /gift-cards/{code}/refunds', () => {
  it('gives a 50.00 charge back as 20.00 and then the rest, 30.00; a third refund is refused naming what is left, 0.00', async () => {
    expect(await balance(card)).toBe('30.00');
    const first = await refund(card, { charge_key: 'order-1', amount: '20.00', idempotency_key: 'ret-1', reason: 'Two items returned' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      created: true, refunded: '20.00',
      charge: { idempotency_key: 'order-1', order_ref: 'o-1', charged: '50.00', refunded: '20.00', refundable: '30.00' },
      gift_card: expect.objectContaining({ balance: '50.00', initial: '80.00' }),
    });
    expect(await balance(card)).toBe('50.00');

    // No amount: what is left of the charge.
    const rest = await refund(card, { charge_key: 'order-1', idempotency_key: 'ret-2' });
    expect(rest.statusCode).toBe(201);
    expect(rest.json()).toMatchObject({ refunded: '30.00', charge: { refunded: '50.00', refundable: '0.00' }, gift_card: { balance: '80.00' } });
    expect(await balance(card)).toBe('80.00');

    const third = await refund(card, { charge_key: 'order-1', amount: '0.01', idempotency_key: 'ret-3' });
    expect(third.statusCode).toBe(409);
    expect(third.json().detail).toBe('Charge order-1 took €50.00; €0.00 of it is left to give back, less than €0.01');
    expect(third.json().errors).toEqual([{ field: 'amount', reason: 'must be at most €0.00' }]);
    const again = await refund(card, { charge_key: 'order-1', idempotency_key: 'ret-4' }, 'sl');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Plačilo order-1 je odvzelo 50,00\u00a0€ in je bilo v celoti vrnjeno: ostaja 0,00\u00a0€');
    expect(again.json().errors).toEqual([{ field: 'amount', reason: 'mora biti največ 0,00\u00a0€' }]);
    expect(await balance(card)).toBe('80.00');
  });

  it('answers a retry with the first refund and gives nothing twice; the same key with another body is a 409 naming what differs', async () => {
    await charge(card, '10.00', 'order-2');
    const body = { charge_key: 'order-2', amount: '4.00', idempotency_key: 'ret-o2' };
    expect((await refund(card, body)).statusCode).toBe(201);
    const retried = await refund(card, { ...body, amount: '4' });
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toMatchObject({ created: false, refunded: '4.00', charge: { refundable: '6.00' }, gift_card: { balance: '74.00' } });
    expect(await balance(card)).toBe('74.00');

    const otherwise = await refund(card, { charge_key: 'order-1', amount: '5.00', idempotency_key: 'ret-o2', reason: 'Oops' });
    expect(otherwise.statusCode).toBe(409);
    expect(otherwise.json().detail).toMatch(/^Gift card refund ret-o2 was already recorded with other values: charge_key .*order-2.*order-1.*; amount .*4\.00.*5\.00.*; reason /);
    expect(otherwise.json().errors.map((e: { field: string }) => e.field)).toEqual(['charge_key', 'amount', 'reason']);
    // "What is left" is another request than an amount named.
    const rest = await refund(card, { charge_key: 'order-2', idempotency_key: 'ret-o2' }, 'da');
    expect(rest.statusCode).toBe(409);
    expect(rest.json().errors.map((e: { field: string }) => e.field)).toEqual(['amount']);
    expect(rest.json().detail).toMatch(/^Gavekortrefusionen ret-o2 er allerede registreret med andre værdier: amount /);
    expect(await balance(card)).toBe('74.00');
  });

  it('refuses an unknown charge, another card\'s charge and a bad amount, naming the field, in the language asked', async () => {
    const unknown = await refund(card, { charge_key: 'no-such', idempotency_key: 'r-x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ detail: `Gift card ${card} has no charge no-such`, errors: [{ field: 'charge_key', reason: 'is no charge of this gift card' }] });
    const unknownTr = await refund(card, { charge_key: 'no-such', idempotency_key: 'r-x' }, 'tr');
    expect(unknownTr.json()).toMatchObject({ detail: `${card} hediye kartında no-such ödemesi yok`, errors: [{ field: 'charge_key', reason: 'bu hediye kartının bir ödemesi değil' }] });

    const elsewhere = await refund(card, { charge_key: 'other-order', idempotency_key: 'r-y' });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json()).toMatchObject({ detail: `Charge other-order was paid with another gift card, not ${card}`, errors: [{ field: 'charge_key', reason: 'is a charge of another gift card' }] });
    expect((await refund(card, { charge_key: 'other-order', idempotency_key: 'r-y' }, 'ru')).json().errors).toEqual([{ field: 'charge_key', reason: 'является списанием с другой подарочной карты' }]);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: '0' }, 'amount', 'must be greater than 0'],
      [{ amount: '-1.00' }, 'amount', ''],
      [{ amount: '1.005' }, 'amount', ''],
      [{ charge_key: '' }, 'charge_key', ''],
      [{ order_ref: 'o-1' }, '', 'order_ref'],
    ];
    for (const [change, field, reason] of cases) {
      const res = await refund(other, { charge_key: 'other-order', idempotency_key: 'r-bad', ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(422);
      const errors = res.json().errors as { field: string; reason: string }[];
      if (field) expect(errors.map((e) => e.field), JSON.stringify(change)).toContain(field);
      if (reason) expect(errors.some((e) => e.reason.includes(reason)), JSON.stringify(errors)).toBe(true);
    }
    const zeroSl = await refund(other, { charge_key: 'other-order', idempotency_key: 'r-bad', amount: '0' }, 'sl');
    expect(zeroSl.json().errors).toEqual([{ field: 'amount', reason: 'mora biti večje od 0' }]);
    const decimalsDa = await refund(other, { charge_key: 'other-order', idempotency_key: 'r-bad', amount: '1.005' }, 'da');
    expect(decimalsDa.json().errors).toEqual([expect.objectContaining({ field: 'amount' })]);
    expect(await api.call('POST', '/api/v1/gift-cards/NOPE-0000/refunds', { key: api.keys.till, body: { charge_key: 'x', idempotency_key: 'y' } })).toMatchObject({ statusCode: 404 });
    // Nothing was given back.
    expect(await balance(other)).toBe('6.00');
  });

  it('gives back to an expired card: the value is there again, though the card cannot pay', async () => {
    const expiring = await issue('card-exp', '20.00', { expires_at: '2026-05-10T00:00:00Z' });
    await charge(expiring, '15.00', 'exp-order');
    api.services.clock.set('2026-05-20T10:00:00Z');
    const res = await refund(expiring, { charge_key: 'exp-order', idempotency_key: 'exp-ret' });
    expect(res.statusCode).toBe(201);
    expect((await api.call('GET', `/api/v1/gift-cards/${expiring}`)).json()).toMatchObject({ balance: '20.00', usable: false });
    api.services.clock.set('2026-05-01T10:00:00Z');
  });

  it('is recorded in the activity log as the charge is, with the amount, charge, order and reason', async () => {
    const res = await api.call('GET', '/api/v1/audit?action=gift_card.refund', { key: api.keys.owner });
    expect(res.statusCode).toBe(200);
    const first = (res.json().items as { subject: string; details: Record<string, unknown>; actor: string }[]).find((e) => e.details.reason === 'Two items returned');
    expect(first).toMatchObject({ subject: card.replaceAll('-', ''), actor: 'key:till', details: { amount: '20.00', charge_key: 'order-1', order_ref: 'o-1', reason: 'Two items returned' } });
  });
});
