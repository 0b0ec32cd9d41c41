import { isValidPhoneNumber } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { fitBgNbd, summarize } from '../analytics/index.ts';
import { DEMO_STORES, demoCustomer, demoCustomers, demoPeriod, type DemoCustomer } from './index.ts';

const period = demoPeriod({ end: new Date('2026-06-01T00:00:00Z'), years: 2 });
const people = (seed: number, count: number) => [...demoCustomers({ seed, count, period })];
const share = <T>(items: T[], test: (item: T) => unknown) => items.filter(test).length / items.length;
const minor = (amount: string) => Math.round(Number(amount) * 100);

describe('the demo generator', () => {
  it('gives the same business for a seed, and another for another seed', () => {
    expect(people(7, 200)).toEqual(people(7, 200));
    const ids = (seed: number) => people(seed, 200).flatMap((c) => c.purchases.map((p) => `${p.input.occurred_at} ${p.input.total}`));
    expect(ids(8)).not.toEqual(ids(7));
    // Customer n does not depend on how many are generated, so the demo can stream.
    expect(demoCustomer({ seed: 7, n: 150, period })).toEqual(people(7, 151)[150]);
  });

  describe('a customer base of 3,000', () => {
    const all = people(1, 3000);
    const purchases = all.flatMap((c) => c.purchases);

    it('speaks mostly the languages of the three countries', () => {
      const language = (l: string) => share(all, (c) => c.profile.language === l);
      for (const l of ['sl', 'tr', 'da']) expect(language(l)).toBeGreaterThan(0.18);
      for (const l of ['en', 'ru']) expect(language(l)).toBeGreaterThan(0.04);
      for (const l of ['en', 'ru']) expect(language(l)).toBeLessThan(0.15);
      const home = (c: DemoCustomer) => DEMO_STORES.find((s) => s.code === c.profile.home_store)!;
      expect(share(all, (c) => c.profile.language === home(c).languages[0][0])).toBeGreaterThan(0.75);
      expect(share(all, (c) => c.profile.time_zone === home(c).time_zone)).toBe(1);
    });

    it('has valid, unique identities and a consent mix', () => {
      const phones = all.flatMap((c) => (c.profile.phone ? [c.profile.phone] : []));
      for (const phone of phones) expect(isValidPhoneNumber(phone), phone).toBe(true);
      expect(new Set(phones).size).toBe(phones.length);
      const emails = all.flatMap((c) => (c.profile.email ? [c.profile.email] : []));
      for (const email of emails) expect(email).toMatch(/^[a-z_.0-9]+@example\.(com|org|net)$/);
      expect(new Set(emails).size).toBe(emails.length);
      for (const c of all) expect(c.profile.external_id ?? c.profile.email ?? c.profile.phone).toBeTruthy();
      expect(share(all, (c) => c.profile.external_id)).toBeGreaterThan(0.8);
      expect(share(all, (c) => c.profile.consent?.email === true)).toBeGreaterThan(0.5);
      expect(share(all, (c) => c.profile.consent?.email === true)).toBeLessThan(0.7);
      expect(share(all, (c) => c.profile.consent?.sms === true)).toBeGreaterThan(0.22);
      expect(share(all, (c) => c.profile.consent?.sms === true)).toBeLessThan(0.38);
      expect(share(all, (c) => c.profile.tags)).toBeGreaterThan(0.05);
      for (const c of all) if (c.profile.birthday) expect(new Date(`${c.profile.birthday}T00:00:00Z`).toISOString()).toContain(c.profile.birthday);
    });

    it('buys like real customers: many come back, a few are regulars', () => {
      expect(share(all, (c) => c.purchases.length > 0)).toBe(1);
      const repeat = share(all, (c) => c.purchases.length >= 2);
      expect(repeat).toBeGreaterThan(0.3);
      expect(repeat).toBeLessThan(0.8);
      expect(Math.max(...all.map((c) => c.purchases.length))).toBeGreaterThan(40);
      const promo = share(purchases, (p) => p.input.promo_code);
      expect(promo).toBeGreaterThan(0.05);
      expect(promo).toBeLessThan(0.12);
      const refunds = share(purchases, (p) => p.refund);
      expect(refunds).toBeGreaterThan(0.01);
      expect(refunds).toBeLessThan(0.035);
      expect(purchases.some((p) => p.refund?.amount)).toBe(true); // some partial
      expect(share(purchases, (p) => p.input.channel === 'online')).toBeGreaterThan(0.03);
    });

    it('keeps every amount consistent: total = sum of lines − discount', () => {
      const wrong = purchases.filter((p) => {
        const lines = p.input.lines.reduce((sum, l) => sum + minor(l.unit_price) * l.quantity, 0);
        const refund = p.refund?.amount === undefined ? undefined : minor(p.refund.amount);
        return p.input.lines.length < 1 || p.input.lines.length > 5
          || minor(p.input.total) !== lines - minor(p.input.discount)
          || minor(p.input.discount) > 0 !== Boolean(p.input.promo_code)
          || (refund !== undefined && (refund <= 0 || refund >= minor(p.input.total)));
      });
      expect(wrong.map((p) => p.input)).toEqual([]);
    });

    it('sells in local opening hours, with seasons', () => {
      // The ISO text is the store's wall clock, with the zone's offset at that instant.
      const wallClock = new Map(DEMO_STORES.map((s) => [s.code, new Intl.DateTimeFormat('sv-SE', { timeZone: s.time_zone, dateStyle: 'short', timeStyle: 'medium' })]));
      const wrong = purchases.filter((p) => {
        const at = Date.parse(p.input.occurred_at);
        if (at > period.end.getTime() || (p.refund && Date.parse(p.refund.occurred_at) < at)) return true;
        if (p.input.store === null) return false;
        const store = DEMO_STORES.find((s) => s.code === p.input.store)!;
        const weekday = new Date(`${p.input.occurred_at.slice(0, 10)}T00:00:00Z`).getUTCDay();
        const [open, close] = weekday === 0 || weekday === 6 ? store.hours.weekend : store.hours.weekday;
        const hour = Number(p.input.occurred_at.slice(11, 13));
        return p.input.occurred_at.slice(0, 19).replace('T', ' ') !== wallClock.get(store.code)!.format(at)
          || hour < open || hour >= close
          || store.week[weekday] === 0; // Ljubljana is closed on Sundays
      });
      expect(wrong.map((p) => p.input.occurred_at)).toEqual([]);
      const month = (prefix: string) => share(purchases, (p) => p.input.occurred_at.startsWith(prefix));
      // December beats the January after it, though the business keeps growing.
      expect(month('2025-12')).toBeGreaterThan(month('2026-01') * 1.2);
    });
  });
});

describe('the demo as the analytics see it', () => {
  it('fits BG/NBD with the dropout it was built with', () => {
    const purchases = people(2, 3000).flatMap((c) => c.purchases.map((p) => ({ customerId: String(c.n), at: p.input.occurred_at, value: Number(p.input.total) })));
    const { params } = fitBgNbd(summarize({ purchases, unit: 'day', calibrationEnd: '2026-05-31' }));
    // Built with p ~ Beta(1.4, 3.6), mean 0.28; the fit counts purchase days, so
    // same-day visits merge and it sees a little less dropout.
    expect(params.a / (params.a + params.b)).toBeGreaterThan(0.15);
    expect(params.a / (params.a + params.b)).toBeLessThan(0.35);
    expect(params.r / params.alpha).toBeGreaterThan(0.03); // purchase days per day while alive
    expect(params.r / params.alpha).toBeLessThan(0.15);
  });
});
