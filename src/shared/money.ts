import { invalid, invalidField } from './errors.ts';
import { LOCALES, say, told, type Language, type Said, type Told } from './messages/index.ts';

// Money is an integer number of minor units (cents) inside the product and a decimal
// string in major units at the edges ("29.33"). Floats never touch an amount: parsing
// and formatting work on the digits. Safe integers hold amounts up to 90 trillion euros.

const exponents = new Map<string, number>();

/** Number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits!;
    } catch {
      throw invalid(`Unknown currency ${currency}`, [{ field: 'currency', reason: `unknown ISO 4217 code ${currency}` }]);
    }
    exponents.set(currency, exponent);
  }
  return exponent;
}

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A RangeError whose reason is a catalogue message: amountField tells it in the request's language. */
class AmountError extends RangeError {
  constructor(readonly said: Said) {
    super(said.toString());
  }
}

/**
 * Parses "29.33" (or a number such as 29.33, accepted for convenience) into minor units.
 * More decimals than the currency has is an error, not a rounding.
 */
export function toMinor(value: string | number, currency: string): number {
  // A JSON number past 2^53 is not read exactly (9007199254740993 arrives as …992): what was
  // sent is unknown, so it is not quoted back as if it were; a string is read as written.
  if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) throw new AmountError(say('amount.number_inexact'));
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = DECIMAL_RE.exec(text);
  if (!match) throw new AmountError(say('amount.not_decimal', { value: String(value) }));
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > exponent) {
    throw new AmountError(say('amount.too_many_decimals', { value: String(value), exponent, currency }));
  }
  const minor = Number(whole + trimmed.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) throw new AmountError(say('amount.too_large', { value: String(value) }));
  return sign ? -minor : minor;
}

/** toMinor for an input field: a bad amount is a 422 naming the field. */
export function amountField(field: string, value: string | number, currency: string): number {
  try {
    return toMinor(value, currency);
  } catch (error) {
    throw invalidField(field, error instanceof AmountError ? error.said : (error as Error).message);
  }
}

/** Formats minor units as a decimal string in major units: 2933 → "29.33". */
export function toMajor(minor: number | bigint | string, currency: string): string {
  const exponent = currencyExponent(currency);
  let digits = BigInt(minor).toString();
  const negative = digits.startsWith('-');
  if (negative) digits = digits.slice(1);
  if (exponent === 0) return (negative ? '-' : '') + digits;
  digits = digits.padStart(exponent + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount (its exact decimal string, "29.99") as the language writes money, as the
 * dashboard's cards do (i18n.money): "€29.99", "29,99 €", "€29,99". Intl reads the string
 * as the decimal it spells, with no float rounding. A value that is not an amount is said
 * as it is, with the currency's code. The one way money is written for a reader: a
 * member's explanation, every line the command line prints.
 */
export function moneyIn(language: Language, amount: unknown, currency: string): string {
  const exact = typeof amount === 'number' && Number.isFinite(amount) ? String(amount)
    : typeof amount === 'string' && /^-?\d+(\.\d+)?$/.test(amount) ? amount : undefined;
  if (exact === undefined) return `${amount} ${currency}`;
  const key = `${language} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency })));
  return format.format(exact as Intl.StringNumericLiteral);
}

/** moneyIn as a message's parameter: the amount written as the language the message is told in writes it. */
export const money = (amount: unknown, currency: string): Told => told((language) => moneyIn(language, amount, currency));

/** `money` of an amount in minor units (cents), as the ledgers and balances keep it. */
export const moneyOfMinor = (minor: number | bigint | string, currency: string): Told => money(toMajor(minor, currency), currency);

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new AmountError(say('amount.not_an_amount', { value: String(value) }));
  // toString gives the shortest round-trip form (29.33, not 29.329999…); exponent
  // notation only appears for amounts no shop has.
  const text = value.toString();
  if (/e/i.test(text)) throw new AmountError(say('amount.out_of_range', { value: String(value) }));
  return text;
}
