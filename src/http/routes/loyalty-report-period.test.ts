import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { recordPurchases } from '../../workflows/record-purchases.ts';

// GET /loyalty/report?from=&to=: the figures of a period are worked out by hand in
// src/modules/loyalty/accounts/report-period.test.ts; this checks the HTTP edge — the local
// dates of the business's zone (Europe/Ljubljana), the answer's period, and the refusals
// naming the field in the request's language.
const api = useTestApp({ keys: { bi: ['read'] } });

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program: { name: 'P', earning: { points_per_currency_unit: 1 } }, effective_from: '2026-01-01T00:00:00Z' }, { actor: 'test' });
  await recordPurchases(api.services, [
    // 23:30 on 31 March in Ljubljana (summer time): March's. 00:30 on 1 April there: April's.
    { external_id: 'm', customer: { external_id: 'ana' }, occurred_at: '2026-03-31T21:30:00Z', total: '40.00' },
    { external_id: 'a', customer: { external_id: 'ana' }, occurred_at: '2026-03-31T22:30:00Z', total: '80.00' },
  ], { source: 'test' });
});

describe('GET /api/v1/loyalty/report?from=&to=', () => {
  it('counts the movements of the local days asked, and the whole ledger without them', async () => {
    const march = await api.call('GET', '/api/v1/loyalty/report?from=2026-03-01&to=2026-03-31');
    expect(march.statusCode).toBe(200);
    expect(march.json()).toMatchObject({ period: { from: '2026-03-01', to: '2026-03-31' }, points: { earned: 40, issued: 40, outstanding: 120 } });
    // Its opening and closing: nothing at 1 March's local midnight (23:00 UTC), the 40 at 1 April's (22:00 UTC), at point_value 0.01.
    expect(march.json()).toMatchObject({
      opening: { at: '2026-02-28T23:00:00.000Z', points: 0, value: '0.00', point_value: '0.01', currency: 'EUR' },
      closing: { at: '2026-03-31T22:00:00.000Z', points: 40, value: '0.40', point_value: '0.01', currency: 'EUR' },
    });
    const april = (await api.call('GET', '/api/v1/loyalty/report?from=2026-04-01')).json();
    expect(april).toMatchObject({ period: { from: '2026-04-01', to: null }, points: { earned: 80 }, opening: { points: 40 }, closing: { at: april.as_of, points: 120, value: '1.20' } });
    const whole = (await api.call('GET', '/api/v1/loyalty/report')).json();
    expect(whole).toMatchObject({ period: null, points: { earned: 120, issued: 120, outstanding: 120 }, opening: null, closing: null });
  });

  it('publishes from and to in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    expect(doc.paths['/api/v1/loyalty/report'].get.parameters.map((x: { name: string; schema: { pattern?: string } }) => x.name)).toEqual(['from', 'to']);
    expect(JSON.stringify(doc.paths['/api/v1/loyalty/report'].get.responses['200'])).toMatch(/"opening".*"closing"/);
  });

  const refusals: [string, string, Record<string, string>][] = [
    ['from=2026-3-1', 'from', { en: 'must be a date YYYY-MM-DD', sl: 'mora biti datum v obliki YYYY-MM-DD', tr: 'YYYY-MM-DD biçiminde bir tarih olmalıdır', da: 'skal være en dato på formen YYYY-MM-DD', ru: 'должно быть датой в формате YYYY-MM-DD' }],
    ['to=2026-02-30', 'to', { en: 'is not a calendar date', sl: 'tega datuma ni v koledarju', tr: 'takvimde böyle bir tarih yok', da: 'er ikke en dato i kalenderen', ru: 'такой даты нет в календаре' }],
    ['from=2026-04-01&to=2026-03-31', 'to', { en: 'must not be before `from`', sl: 'ne sme biti pred `from`', tr: '`from` tarihinden önce olamaz', da: 'må ikke ligge før `from`', ru: 'не может быть раньше `from`' }],
  ];
  it('refuses a date that is none, naming the field, and to before from, in the request\'s language', async () => {
    for (const [query, field, reasons] of refusals) {
      for (const [language, reason] of Object.entries(reasons)) {
        const res = await api.call('GET', `/api/v1/loyalty/report?${query}`, { headers: { 'accept-language': language } });
        expect(res.statusCode, `${query} ${language}`).toBe(422);
        expect(res.json().errors, `${query} ${language}`).toEqual([{ field, reason }]);
      }
    }
  });
});
