import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.ts';

// A program's condition naming a store no store has is refused at apply and simulate, naming where it
// stands and the store it was likely meant as. Regression: a typo'd "LJ2" (or "lj1" for
// "LJ1") was applied, and its multiplier or promotion silently never matched a purchase,
// since a purchase names a store that exists.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = (stores: { multiplier?: string[]; promotion?: string[] }) => ({
  name: 'Stores',
  earning: {
    points_per_currency_unit: 10,
    multipliers: [
      { when: { channels: ['online'] }, factor: 1.5 },
      ...(stores.multiplier ? [{ when: { stores: stores.multiplier }, factor: 2 }] : []),
    ],
    promotions: stores.promotion ? [{ name: 'Opening', from: '2026-06-01T00:00:00Z', to: '2026-06-08T00:00:00Z', when: { stores: stores.promotion }, bonus_points: 100 }] : [],
  },
});
const versions = async () => (await api.call('GET', '/api/v1/loyalty/program')).json().versions.length as number;

describe("a store code in a program's conditions", () => {
  it('that no store has is refused at apply, naming where it stands, with the store it was likely meant as; nothing applied', async () => {
    for (const code of ['LJ1', 'MB-center']) {
      expect((await api.call('POST', '/api/v1/stores', { body: { code, name: code, time_zone: 'Europe/Ljubljana' } })).statusCode).toBe(201);
    }
    const before = await versions();
    const res = await api.call('POST', '/api/v1/loyalty/program', { body: { program: program({ multiplier: ['LJ1', 'LJ2'], promotion: ['lj1', 'KP'] }) } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      // Another store's code, as like as not ("LJ2", a second Ljubljana store): no guess of a short code one character off.
      { field: 'program.earning.multipliers.1.when.stores.1', reason: 'unknown store "LJ2" (create it first: regulars stores create, or POST /api/v1/stores)' },
      { field: 'program.earning.promotions.0.when.stores.0', reason: 'unknown store "lj1" — did you mean "LJ1"? (or create it first: regulars stores create, or POST /api/v1/stores)' },
      { field: 'program.earning.promotions.0.when.stores.1', reason: 'unknown store "KP" (create it first: regulars stores create, or POST /api/v1/stores)' },
    ]);
    const sl = await api.call('POST', '/api/v1/loyalty/program', { body: { program: program({ multiplier: ['MB-centre'] }) }, headers: { 'accept-language': 'sl' } });
    expect([sl.statusCode, sl.json().errors]).toEqual([422, [{
      field: 'program.earning.multipliers.1.when.stores.0',
      reason: 'neznana trgovina "MB-centre" — ste mislili "MB-center"? (ali jo najprej ustvarite: regulars stores create ali POST /api/v1/stores)',
    }]]);
    expect(await versions()).toBe(before);
    // Simulating it is refused alike: a replay would report the multiplier's points as none, a typo read as "no difference".
    const simulated = await api.call('POST', '/api/v1/loyalty/program/simulate', { body: { program: program({ multiplier: ['LJ2'] }), since: '2026-01-01' } });
    expect([simulated.statusCode, simulated.json().errors]).toEqual([422, [
      { field: 'program.earning.multipliers.1.when.stores.0', reason: 'unknown store "LJ2" (create it first: regulars stores create, or POST /api/v1/stores)' },
    ]]);
  });

  it('that a store has is applied, and one made after a refusal applies then', async () => {
    const before = await versions();
    expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program: program({ multiplier: ['LJ1'], promotion: ['KP'] }) } })).statusCode).toBe(422);
    expect((await api.call('POST', '/api/v1/stores', { body: { code: 'KP', name: 'Koper', time_zone: 'Europe/Ljubljana' } })).statusCode).toBe(201);
    const applied = await api.call('POST', '/api/v1/loyalty/program', { body: { program: program({ multiplier: ['LJ1'], promotion: ['KP'] }) } });
    expect([applied.statusCode, applied.json().warnings]).toEqual([201, []]);
    // A program naming no store reads none.
    expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program: program({}) } })).statusCode).toBe(201);
    expect(await versions()).toBe(before + 2);
  });
});
