import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../customers/index.ts';
import { describeEntry } from './explain.ts';

// Every kind of ledger entry, as the ledger writes them.
const ENTRIES = [
  { kind: 'earn', points: 39, details: { purchase: 'p1', total: '29.99', base: 29.99, exact: 39.99, rounding: 'floor', factors: [{ name: 'category coffee', factor: 2, share: 0.33 }] } },
  { kind: 'earn', points: 100, details: { purchase: 'p2', total: '300.00', base: 300, exact: 300, uncapped: 300, capped_at: 100 } },
  { kind: 'bonus', points: 100, details: { bonus: 'sign_up' } },
  { kind: 'bonus', points: 50, details: { bonus: 'first_purchase', purchase: 'p1' } },
  { kind: 'bonus', points: 200, details: { bonus: 'birthday', year: 2026 } },
  { kind: 'bonus', points: 300, details: { bonus: 'referral', role: 'referrer' } },
  { kind: 'bonus', points: 300, details: { bonus: 'referral', role: 'friend' } },
  { kind: 'bonus', points: 500, details: { bonus: 'challenge', challenge: 'Five visits' } },
  { kind: 'bonus', points: 50, details: { bonus: 'profile_completion' } },
  { kind: 'bonus', points: 20, details: { bonus: 'survey' } },
  { kind: 'reverse', points: -20, details: { refunded_share: 0.5, credited: 40, forgiven: 5 } },
  { kind: 'redeem', points: -500, details: { reward_name: 'Free coffee', coupon: 'ABCDEFGHJKLM' } },
  { kind: 'redeem', points: -1000, details: { reward_name: 'Gift card', gift_card: 'ABCDEFGHJKLM' } },
  { kind: 'redeem', points: -300, details: { reservation: 'r1', order_ref: 'till-9' } },
  { kind: 'release', points: 300, details: { why: 'checkout reservation timed out' } },
  { kind: 'release', points: 300, details: { why: 'checkout reservation released' } },
  { kind: 'expire', points: -80, details: { policy: 'inactivity', months: 12 } },
  { kind: 'expire', points: -80, details: { policy: 'per_lot', months: 24 } },
  { kind: 'adjust', points: 200, reason: 'Sorry for the wait', source_type: 'staff', details: {} },
  { kind: 'adjust', points: 40, reason: 'merged', source_type: 'merge', details: {} },
  { kind: 'reverse', points: -250, source_type: 'bonus', details: { bonus: 'referral', role: 'friend', purchase: 'E-1', credited: 250, forgiven: 100 } },
  { kind: 'reverse', points: -500, source_type: 'bonus', details: { bonus: 'referral', role: 'referrer', purchase_id: 'p-9', credited: 500 } },
  { kind: 'reverse', points: -5, details: { refund: 'u-1', refund_id: 'ret-1', amount: '4.50', purchase: 'till-1', credited: 18, refunded_share: 0.25 } },
].map((e) => ({ source_type: 'purchase', source_id: 'x', reason: null, ...e }) as Parameters<typeof describeEntry>[0]);

describe('describeEntry', () => {
  it('keeps the English explanations word for word', () => {
    expect(describeEntry(ENTRIES[0], 'EUR')).toBe('Purchase p1: 29.99 EUR → 29.99 points × 2 category coffee (on 33% of the basket) = 39.99 → 39 (floor)');
    expect(describeEntry(ENTRIES[1], 'EUR')).toBe('Purchase p2: 300.00 EUR → 300 points; capped at 100 a day: 100');
    expect(describeEntry(ENTRIES[10], 'EUR')).toBe('Refund: 50% of the purchase refunded, 20 of its 40 points taken back; 5 already spent and forgiven');
    expect(describeEntry(ENTRIES[14], 'EUR')).toBe('Points returned: checkout reservation timed out');
    expect(describeEntry(ENTRIES[18], 'EUR')).toBe('Adjustment by staff: Sorry for the wait');
    // A referral revoked by a refund: the friend is told which purchase; the referrer is not shown the friend's order.
    expect(describeEntry(ENTRIES[20], 'EUR')).toBe('Referral bonus taken back: the qualifying purchase E-1 was refunded; 100 already spent and forgiven');
    expect(describeEntry(ENTRIES[21], 'EUR')).toBe("Referral bonus taken back: your friend's qualifying purchase was refunded");
    // A refund recorded with its id, amount and order says which one it was and how much of the purchase is back in all.
    expect(describeEntry(ENTRIES[22], 'EUR')).toBe('Refund ret-1 of 4.50 EUR on purchase till-1 (25% of it refunded in all): 5 of its 18 points taken back');
  });

  it('says every kind of entry in each of the five languages, each in its own words', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      for (const entry of ENTRIES) {
        const said = describeEntry(entry, 'EUR', language);
        expect(said.length, `${language} ${entry.kind}`).toBeGreaterThan(5);
        expect(said, `${language} ${entry.kind} ${JSON.stringify(entry.details)}`).not.toBe(describeEntry(entry, 'EUR', 'en'));
      }
      // The numbers and the program's own names come through unchanged.
      expect(describeEntry(ENTRIES[0], 'EUR', language)).toContain('× 2 category coffee');
      expect(describeEntry(ENTRIES[11], 'EUR', language)).toContain('Free coffee');
      expect(describeEntry(ENTRIES[20], 'EUR', language)).toContain('E-1');
      expect(describeEntry(ENTRIES[21], 'EUR', language)).not.toContain('p-9');
      for (const part of ['ret-1', '4.50 EUR', 'till-1', '25']) expect(describeEntry(ENTRIES[22], 'EUR', language)).toContain(part);
    }
  });

  it('says a checkout reservation was spent once it is captured, and held until then, in each language', () => {
    const reservation = ENTRIES[13];
    const captured = new Map([['r1', 'captured' as const]]);
    expect(describeEntry(reservation, 'EUR')).toBe('Points held at checkout (till-9)');
    expect(describeEntry(reservation, 'EUR', 'en', { reservations: new Map([['r1', 'held' as const]]) })).toBe('Points held at checkout (till-9)');
    expect(describeEntry(reservation, 'EUR', 'en', { reservations: captured })).toBe('Points spent at checkout (till-9)');
    // A released one gave its points back with an entry of its own; its debit still says it held them.
    expect(describeEntry(reservation, 'EUR', 'en', { reservations: new Map([['r1', 'released' as const]]) })).toBe('Points held at checkout (till-9)');
    for (const language of LANGUAGES) {
      const spent = describeEntry(reservation, 'EUR', language, { reservations: captured });
      expect(spent).toContain('till-9');
      expect(spent, language).not.toBe(describeEntry(reservation, 'EUR', language));
      if (language !== 'en') expect(spent, language).not.toBe(describeEntry(reservation, 'EUR', 'en', { reservations: captured }));
    }
  });
});
