import type { DemoCountry } from './stores.ts';

// Mobile numbers that libphonenumber accepts, unique per customer of a seed.
//
// Regression: numbers were drawn at random, and at a million customers thousands of
// them repeated. A phone is an identity, so the second owner's purchases were booked to
// the first customer and the totals no longer matched the generator. Now customer n
// gets number f(n) for a bijection f over the country's number space.

interface NumberPlan {
  callingCode: string;
  /** Mobile prefixes after the calling code (real, in-use ranges). */
  prefixes: readonly string[];
  /** Subscriber digits after the prefix. */
  digits: number;
}

export const NUMBER_PLANS: Record<DemoCountry, NumberPlan> = {
  // +386 40 123 456: A1, Telekom Slovenije, Telemach ranges.
  SI: { callingCode: '386', prefixes: ['30', '31', '40', '41', '51', '64', '68', '70', '71'], digits: 6 },
  // +90 532 123 45 67: Turkcell 53x, Vodafone 54x, Türk Telekom 50x/55x.
  TR: { callingCode: '90', prefixes: ['505', '506', '530', '532', '533', '535', '541', '542', '551', '555'], digits: 7 },
  // +45 21 23 45 67: Danish mobiles start with 2, 3, 4, 5 or 6.
  DK: { callingCode: '45', prefixes: ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '40', '41', '42', '50', '51', '52', '53', '60', '61'], digits: 6 },
};

// Prime, and so coprime with every plan's space (products of 2, 3, 5 and 7): n → n·K + b
// is then a bijection modulo the space that scatters consecutive customers.
const SCATTER = 7_919_993;

/** Unique for n below the plan's space (9 million for Slovenia, the smallest). */
export function mobileNumber({ country, seed, n }: { country: DemoCountry; seed: number; n: number }): string {
  const plan = NUMBER_PLANS[country];
  const block = 10 ** plan.digits;
  const space = plan.prefixes.length * block;
  const offset = (Math.imul(seed, 0x9e3779b1) >>> 0) % space;
  // (n mod space)·K stays below 2^53 for every plan, so the arithmetic is exact.
  const x = (((n % space) * SCATTER) + offset) % space;
  const prefix = plan.prefixes[Math.floor(x / block)];
  return `+${plan.callingCode}${prefix}${String(x % block).padStart(plan.digits, '0')}`;
}

export const numberSpace = (country: DemoCountry) => NUMBER_PLANS[country].prefixes.length * 10 ** NUMBER_PLANS[country].digits;
