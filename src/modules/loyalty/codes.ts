import { randomInt } from 'node:crypto';

// Coupon, gift-card and referral codes: random (crypto), unguessable, and easy to read
// aloud or type from a receipt — no 0/O or 1/I. Twelve characters from 32 symbols are
// 60 bits: guessing one valid code among a million issued takes ~10^12 tries, and the
// redeem endpoint is rate-limited.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newCode(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

/** How a code is stored and compared: upper case, without spaces and dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A stored code shown in groups of four. */
export function formatCode(stored: string): string {
  return /^[A-Z0-9]{8,}$/.test(stored) ? stored.replace(/(.{4})(?=.)/g, '$1-') : stored;
}
