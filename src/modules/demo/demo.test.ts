import { isValidPhoneNumber } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { runDemo } from '../../workflows/run-demo.ts';
import { demoCustomer } from './index.ts';

const start = new Date('2024-06-01T00:00:00Z');
const end = new Date('2026-06-01T00:00:00Z');
const people = (seed: number, count: number) => Array.from({ length: count }, (_, n) => demoCustomer({ seed, n, start, end }));

describe('the demo generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(people(7, 50)).toEqual(people(7, 50));
    expect(JSON.stringify(people(8, 50))).not.toEqual(JSON.stringify(people(7, 50)));
  });

  it('looks like a real customer base', () => {
    const all = people(1, 2000);
    const languages = new Map<string, number>();
    for (const c of all) languages.set(String(c.profile.language), (languages.get(String(c.profile.language)) ?? 0) + 1);
    expect([...languages.keys()].sort()).toEqual(['da', 'en', 'ru', 'sl', 'tr']);
    const buyers = all.filter((c) => c.purchases.length > 0);
    const repeat = buyers.filter((c) => new Set(c.purchases.map((p) => p.input.occurred_at.slice(0, 10))).size >= 2).length / buyers.length;
    expect(repeat).toBeGreaterThan(0.3);
    expect(repeat).toBeLessThan(0.85);
    const counts = buyers.map((c) => c.purchases.length).sort((a, b) => a - b);
    expect(counts[counts.length - 1]).toBeGreaterThan(20); // some regulars
    for (const c of all) {
      if (c.profile.phone) expect(isValidPhoneNumber(String(c.profile.phone)), String(c.profile.phone)).toBe(true);
      expect(c.profile.external_id ?? c.profile.email).toBeTruthy();
      for (const p of c.purchases) {
        const lines = p.input.lines.reduce((sum, l) => sum + Math.round(Number(l.unit_price) * 100) * l.quantity, 0);
        expect(Math.round(Number(p.input.total) * 100)).toBe(lines - Math.round(Number(p.input.discount) * 100));
        expect(Date.parse(p.input.occurred_at)).toBeLessThanOrEqual(end.getTime());
      }
    }
    const purchases = buyers.flatMap((c) => c.purchases);
    const promoShare = purchases.filter((p) => p.input.promo_code).length / purchases.length;
    expect(promoShare).toBeGreaterThan(0.04);
    expect(promoShare).toBeLessThan(0.12);
  });
});

describe('regulars demo', () => {
  let s: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    s = await openTestServices();
  });
  afterAll(() => s?.close());

  it('records the generated business, and a second run adds nothing', async () => {
    const first = await runDemo(s, { customers: 300, seed: 3 });
    expect(first.created).toBe(first.purchases);
    const totals = await s.commerce.totals();
    expect(totals.purchases).toBe(first.purchases);
    expect(totals.customers).toBe(new Set(people(3, 300).filter((c) => c.purchases.length).map((c) => c.n)).size);
    expect((await s.stores.list()).map((x) => x.code).sort()).toEqual(['copenhagen', 'istanbul', 'ljubljana']);
    const refunded = await s.db.selectFrom('refunds').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(refunded.n)).toBe(first.refunds);
    const again = await runDemo(s, { customers: 300, seed: 3 });
    expect(again.created).toBe(0);
    expect(await s.commerce.totals()).toEqual(totals);
  });
});
