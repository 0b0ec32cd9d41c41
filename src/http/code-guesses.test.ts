import type { FastifyRequest } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.ts';
import { createCodeGuesses } from './code-guesses.ts';

// Coupon and gift-card look-ups are limited by the unknown codes a caller tries, not by its
// requests: a till redeeming real codes through one key is never turned away, a caller
// guessing is stopped for the rest of the minute (code-guesses.ts).

const api = useTestApp({ keys: { till: ['read', 'write'], otherTill: ['read', 'write'], owner: ['read', 'write', 'admin'] }, env: { UNKNOWN_CODES_PER_MINUTE: '5' } });

let code: string;
beforeAll(async () => {
  const made = await api.call('POST', '/api/v1/coupons/campaigns', {
    key: api.keys.owner,
    body: { name: 'Busy Saturday', idempotency_key: 'busy', benefit: { type: 'percent_discount', percent: 10 }, code: 'BUSY-SATURDAY', max_uses: 1000 },
  });
  expect(made.statusCode).toBe(201);
  code = made.json().codes[0];
});

describe('unknown codes, counted per caller', () => {
  it('a till using real codes far past the allowance is never refused', async () => {
    for (let i = 0; i < 40; i++) {
      const used = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { key: api.keys.till, body: { idempotency_key: `sale-${i}` } });
      expect(used.statusCode).toBe(201);
    }
    expect((await api.call('GET', `/api/v1/coupons/${code}`, { key: api.keys.till })).statusCode).toBe(200);
  });

  it('after five unknown codes every code answers 429 with Retry-After, in the request\'s language; another key is not held back', async () => {
    for (let i = 0; i < 5; i++) expect((await api.call('GET', `/api/v1/coupons/GUESS-${i}`, { key: api.keys.till })).statusCode).toBe(404);
    const real = await api.call('GET', `/api/v1/coupons/${code}`, { key: api.keys.till, headers: { 'accept-language': 'sl' } });
    expect([real.statusCode, real.json().title, Number(real.headers['retry-after']) > 0]).toEqual([429, 'Preveč zahtev', true]);
    expect(real.json().detail).toMatch(/^Preveč zahtev; poskusite znova čez \d+ s$/);
    // The same for a use and for gift cards: a guesser cannot switch to another door.
    expect((await api.call('POST', `/api/v1/coupons/${code}/redeem`, { key: api.keys.till, body: { idempotency_key: 'after' } })).statusCode).toBe(429);
    expect((await api.call('GET', '/api/v1/gift-cards/NOPE-NOPE', { key: api.keys.till })).statusCode).toBe(429);
    expect((await api.call('GET', `/api/v1/coupons/${code}`, { key: api.keys.otherTill })).statusCode).toBe(200);
    // Nothing was used by the refused request.
    expect((await api.call('GET', `/api/v1/coupons/${code}`, { key: api.keys.otherTill })).json()).toMatchObject({ uses: 40 });
  });
});

describe('the window', () => {
  const request = (id: string) => ({ principal: { kind: 'key', id }, ip: '10.0.0.1' }) as unknown as FastifyRequest;
  it('clears each minute; a caller is its key, else its address', () => {
    let now = 1_000_000;
    const guesses = createCodeGuesses(2, () => now);
    guesses.missed(request('a'));
    guesses.missed(request('a'));
    expect(guesses.blockedFor(request('a'))).toBe(60);
    expect(guesses.blockedFor(request('b'))).toBe(0);
    now += 45_500;
    expect(guesses.blockedFor(request('a'))).toBe(15);
    now += 14_500;
    expect(guesses.blockedFor(request('a'))).toBe(0);
    const anonymous = { ip: '10.0.0.9' } as unknown as FastifyRequest;
    guesses.missed(anonymous);
    guesses.missed(anonymous);
    expect([guesses.blockedFor(anonymous), guesses.blockedFor(request('a'))]).toEqual([60, 0]);
  });
});
