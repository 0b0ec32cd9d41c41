import { describe, expect, it } from 'vitest';
import { ALPHABET, newCode, normalizeCode, ROUTE_WORDS, routeWordOf } from './codes.ts';

// Codes against the words of the API's own paths (/coupons/campaigns beside
// /coupons/{code}): a word is found however it is written, and no generated code can be one.

describe('route words', () => {
  it('finds a word in any case, with or without dashes, and nothing else', () => {
    for (const written of ['campaigns', 'CAMPAIGNS', 'Campaigns', 'cam-paigns', ' campaigns ', 'C-A-M-P-A-I-G-N-S']) expect(routeWordOf(written)).toBe('campaigns');
    for (const other of ['campaign', 'campaigns1', 'SUMMER25', 'xcampaigns']) expect(routeWordOf(other)).toBeUndefined();
    expect(routeWordOf('cam\u2013paigns'), 'an en dash is a dash').toBe('campaigns');
  });

  it('can never come out of the code generator, of any length it is asked for', () => {
    // Twelve symbols (coupons), sixteen (gift cards) and six (referral codes) from an
    // alphabet without I and O: every word must hold a letter the generator lacks, or
    // the generator must skip it (it does).
    for (const word of ROUTE_WORDS) {
      const stored = normalizeCode(word);
      expect([...stored].some((ch) => !ALPHABET.includes(ch)), `${word} could be generated`).toBe(true);
    }
    for (let i = 0; i < 2000; i++) {
      for (const length of [6, 12, 16]) expect(routeWordOf(newCode(length))).toBeUndefined();
    }
  });
});
