import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A birthday is a day that has come, and not before 1900-01-01 (clock.ts EARLIEST_DATE).
// QA: POST /customers took "2999-01-01" and tomorrow, a purchase's customer too, and
// "0026-01-01". Now each is a 422 naming birthday. "Now" is 2026-06-01T12:00:00Z: 14:00 on
// 1 June in Ljubljana, the business's time zone.

const api = useTestApp({ keys: { till: ['read', 'write'] } });

const create = (body: object, language?: string) => api.call('POST', '/api/v1/customers', { body, headers: language ? { 'accept-language': language } : {} });
const afterToday = [{ field: 'birthday', reason: 'is after today (2026-06-01): a birthday is a day that has already come' }];

describe('a customer\'s birthday', () => {
  it('after today is refused naming birthday, far ahead or tomorrow; nothing is written', async () => {
    for (const [id, birthday] of [['bf1', '2999-01-01'], ['bf2', '2026-06-02']]) {
      const res = await create({ external_id: id, birthday });
      expect([id, res.statusCode, res.json().errors]).toEqual([id, 422, afterToday]);
      expect((await api.call('GET', `/api/v1/customers?query=${id}`)).json().items).toEqual([]);
    }
  });

  it('today (a newborn\'s) and in the past are taken', async () => {
    expect((await create({ external_id: 'b-today', birthday: '2026-06-01' })).statusCode).toBe(201);
    expect((await api.call('GET', '/api/v1/customers?query=b-today')).json().items).toMatchObject([{ external_id: 'b-today', birthday: '2026-06-01' }]);
    expect((await create({ external_id: 'b-1900', birthday: '1900-01-01' })).statusCode).toBe(201);
  });

  it('before 1900-01-01 is refused naming birthday', async () => {
    const res = await create({ external_id: 'b-26', birthday: '0026-01-01' });
    expect([res.statusCode, res.json().errors]).toEqual([422, [{ field: 'birthday', reason: 'must not be before 1900-01-01' }]]);
  });

  it('is told so in each language', async () => {
    const reasons = [];
    for (const language of ['sl', 'tr', 'da', 'ru']) reasons.push((await create({ external_id: 'bf1', birthday: '2999-01-01' }, language)).json().errors[0].reason);
    expect(reasons).toEqual([
      'je po današnjem dnevu (2026-06-01): rojstni dan je dan, ki je že bil',
      'bugünden (2026-06-01) sonra: doğum günü çoktan gelmiş bir gündür',
      'ligger efter i dag (2026-06-01): en fødselsdag er en dag, der allerede har været',
      'позже сегодняшнего дня (2026-06-01): день рождения — день, который уже был',
    ]);
  });

  it('after today is refused by PATCH, and inside a purchase\'s customer naming customer.birthday', async () => {
    const id = (await create({ external_id: 'b-patch' })).json().id as string;
    const patched = await api.call('PATCH', `/api/v1/customers/${id}`, { body: { birthday: '2999-01-01' } });
    expect([patched.statusCode, patched.json().errors]).toEqual([422, afterToday]);
    const bought = await api.call('POST', '/api/v1/purchases', {
      body: { external_id: 'bp-1', customer: { external_id: 'bp-c', birthday: '2999-01-01' }, occurred_at: '2026-05-20', total: '1.00' },
    });
    expect([bought.statusCode, bought.json().errors]).toEqual([422, [{ field: 'customer.birthday', reason: afterToday[0].reason }]]);
  });
});
