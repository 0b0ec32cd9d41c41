import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { LANGUAGES } from '../../customers/index.ts';
import { describeEntry, explainLedger } from './explain.ts';

// A date in a member's explanation is one word, as the dashboard writes dates (src/web/time.ts,
// a1bcc98): its spaces no-break ones, so a line never ends inside it. The explanation wrote them
// with plain spaces, and the Russian statement left "г." alone on the next line. Only the space
// after a comma before a time still breaks.

type Language = (typeof LANGUAGES)[number];

/** 7 December 2026, as each language writes the day; with 10:00 in Ljubljana after it. */
const DAY: Record<Language, string> = {
  en: '7\u00a0Dec\u00a02026', sl: '7.\u00a0dec.\u00a02026', tr: '7\u00a0Ara\u00a02026', da: '7.\u00a0dec.\u00a02026', ru: '7\u00a0дек.\u00a02026\u00a0г.',
};
const DAY_AND_TIME: Record<Language, string> = {
  en: '7\u00a0Dec\u00a02026, 10:00', sl: '7.\u00a0dec.\u00a02026, 10:00', tr: '7\u00a0Ara\u00a02026\u00a010:00', da: '7.\u00a0dec.\u00a02026, 10.00', ru: '7\u00a0дек.\u00a02026\u00a0г., 10:00',
};

type Row = Parameters<typeof explainLedger>[0]['rows'][number];
const row = (r: Partial<Row> & Pick<Row, 'id' | 'kind' | 'points' | 'occurred_at'>): Row => ({
  source_type: 'purchase', source_id: 'x', reason: null, remaining: r.points > 0 ? r.points : null, unsettled: r.points < 0 ? 0 : null,
  available_at: null, expires_at: null, actor: null, details: {}, created_at: r.occurred_at, ...r,
});

describe('a date in the explanation', () => {
  it('is one word in every language: a capped day, a pending credit, an expired lot and a debit recorded later', () => {
    for (const language of LANGUAGES) {
      const capped = describeEntry({
        kind: 'earn', points: 0, source_type: 'purchase', source_id: 'x', reason: null,
        details: { purchase: 'p', local_date: '2026-12-07', total: '12.00', base: 12, exact: 12, uncapped: 12, capped_at: 150 },
      }, 'EUR', language);
      expect(capped, language).toContain(DAY[language]);

      const bought = row({ id: 1, kind: 'earn', points: 100, remaining: 0, occurred_at: new Date('2026-12-07T09:00:00Z'), details: { purchase: 'p1', total: '100.00', base: 100 } });
      const pending = row({ id: 6, kind: 'earn', points: 10, occurred_at: new Date('2026-12-10T09:00:00Z'), available_at: new Date('2026-12-07T09:00:00Z'), details: { purchase: 'p2', total: '10.00', base: 10 } });
      const redeemed = row({ id: 2, kind: 'redeem', points: -100, occurred_at: new Date('2026-12-07T12:00:00Z'), source_type: 'reward', details: { reward: 'coffee', coupon: 'ABCD2345' } });
      // Dated 10:00 there, recorded after the redemption that spent everything: shown where recorded, with its date and time.
      const refund = row({
        id: 3, kind: 'reverse', points: -50, unsettled: 50, occurred_at: new Date('2026-12-07T09:00:00Z'), created_at: new Date('2026-12-07T15:00:00Z'),
        details: { refund_id: 'R1', amount: '50.00', purchase: 'p1', refunded_share: 0.5, credited: 100 },
      });
      const lot = row({ id: 4, kind: 'bonus', points: 5, remaining: 0, occurred_at: new Date('2026-12-07T09:00:00Z'), source_type: 'bonus', details: { bonus: 'survey' } });
      const expired = row({ id: 5, kind: 'expire', points: -5, occurred_at: new Date('2026-12-09T09:00:00Z'), source_type: 'expiry', details: { policy: 'per_lot', months: 12 } });
      const { entries } = explainLedger({
        rows: [bought, pending, redeemed, refund, lot, expired], allocations: [{ debit_id: 2, credit_id: 1, points: 100 }, { debit_id: 5, credit_id: 4, points: 5 }],
        currency: 'EUR', language, now: new Date('2026-12-01T12:00:00Z'), timeZone: 'Europe/Ljubljana',
      });
      const said = new Map(entries.map((e) => [e.id, e.description]));
      expect(said.get(6), language).toContain(DAY[language]);
      expect(said.get(3), language).toContain(DAY_AND_TIME[language]);
      expect(said.get(5), language).toContain(DAY[language]);
    }
  });
});

describe('a date in the account, on real SQL', () => {
  let s: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-11-24T12:00:00Z');
    await s.loyalty.applyProgram({ program: { name: 'Held', pending_days: 14, earning: { points_per_currency_unit: 1, rounding: 'floor' } } }, { actor: 'test' });
  });
  afterAll(() => s?.close());

  it('says until when a credit is pending with the day as one word, in every language', async () => {
    // Bought at 10:00 in Ljubljana on 23 November: spendable from 10:00 on 7 December.
    const [bought] = await recordPurchases(s, [{ external_id: 'h-1', customer: { email: 'h@example.com' }, occurred_at: '2026-11-23T09:00:00Z', total: '10.00' }], { source: 'api' });
    if (bought.status === 'error') throw bought.error;
    for (const language of LANGUAGES) {
      const account = await s.loyalty.account(bought.customerId, { language });
      if (!account.member) throw new Error('not a member');
      const [entry] = account.explanation.entries;
      expect(entry.description, language).toContain(DAY[language]);
    }
  });
});
