import { invalidField, type AppError } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { moneyOfMinor } from '../../shared/money.ts';

// What a purchase's lines add up to, and the one rule between them and its discount, for
// every way a purchase comes in: POST /purchases and a batch (purchase.prepare.ts), and an
// import, whose rows go through the same preparation — a file with one row per item, and
// no total column, takes this sum less the discount as its total (imports basket-input.ts).
// A till's receipt adds up: the lines, less the discount, are what was paid for them, so a
// discount can take off at most what the lines cost. (The API took a bigger one while the
// import refused it; what is outside the lines — shipping, tax — is in the total, never
// in the discount.)

/** quantity × unit price in minor units, rounded half up as a receipt prints it (1.5 kg at 2.99 is 4.49), without floating-point error. */
export function lineAmountMinor(quantity: string | number, unitMinor: number): bigint {
  const [whole, fraction = ''] = decimalText(quantity).split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * BigInt(unitMinor);
  return (scaled * 2n + scale) / (2n * scale);
}

/** What the lines add up to, each rounded to the cent as the receipt prints it. */
export function linesAmountMinor(lines: readonly { quantity: string | number; unitPriceMinor: number }[]): bigint {
  return lines.reduce((sum, l) => sum + lineAmountMinor(l.quantity, l.unitPriceMinor), 0n);
}

/**
 * The refusal of a discount bigger than the lines it is taken from, naming `discount`;
 * undefined when it is not (or there are no lines: a purchase sent without its items says
 * nothing of what its discount was taken from).
 */
export function discountBeyondLines(discountMinor: number, lines: readonly { quantity: string | number; unitPriceMinor: number }[], currency: string): AppError | undefined {
  if (lines.length === 0 || discountMinor <= 0) return undefined;
  const sum = linesAmountMinor(lines);
  if (BigInt(discountMinor) <= sum) return undefined;
  return invalidField('discount', say('purchase.discount_beyond_lines', { discount: moneyOfMinor(discountMinor, currency), sum: moneyOfMinor(sum, currency) }));
}

/** A quantity as plain decimal digits: a number JavaScript writes with an exponent (1e-7) too. */
function decimalText(quantity: string | number): string {
  const text = String(quantity).trim().replace(/^\+/, '');
  return /e/i.test(text) ? Number(text).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}
