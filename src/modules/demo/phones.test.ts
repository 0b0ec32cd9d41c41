import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { mobileNumber, numberSpace } from './phones.ts';

describe('demo mobile numbers', () => {
  it('are valid mobile numbers of their country', () => {
    for (const country of ['SI', 'TR', 'DK'] as const) {
      for (let n = 0; n < 3000; n += 7) {
        const phone = mobileNumber({ country, seed: 1, n });
        const parsed = parsePhoneNumberFromString(phone);
        expect(parsed?.isValid(), phone).toBe(true);
        expect(parsed?.country).toBe(country);
        expect(parsed?.number).toBe(phone); // already E.164, so the product stores it as sent
      }
    }
  });

  it('never repeat within a seed (a phone is an identity)', () => {
    for (const country of ['SI', 'TR', 'DK'] as const) {
      const seen = new Set<string>();
      for (let n = 0; n < 200_000; n++) seen.add(mobileNumber({ country, seed: 1, n }));
      expect(seen.size).toBe(200_000);
      expect(numberSpace(country)).toBeGreaterThanOrEqual(9_000_000);
    }
  });
});
