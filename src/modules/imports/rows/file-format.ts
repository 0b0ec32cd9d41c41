import { localInstant } from '../../../shared/clock.ts';
import { invalidField } from '../../../shared/errors.ts';
import { anyOf, say, type Said } from '../../../shared/messages/index.ts';
import { isCalendarDay } from '../../../shared/validation.ts';
import { withFields } from '../../../shared/objects.ts';
import { encodingOf } from '../file/encoding.ts';
import type { ColumnLayout, ImportKind } from './mapping.ts';

// How a file writes dates and numbers, when not as the API does. Exports from tills and
// spreadsheets write "12/1/2010 8:26" (UCI Online Retail), "15.01.2024 10:23" or
// "2024-01-15 10:23:45", and European ones "12,50": the import reads them by the format
// the user names, and each row's cells become what the API takes (ISO 8601, "12.50"),
// so one set of rules validates both. A time without an offset is the wall-clock time of
// the row's store (the business's time zone without one), as a date alone is its midnight.

export interface FileFormat {
  /** Tokens YYYY, M or MM, D or DD, and optionally H or HH, mm, ss; other characters as written. */
  dateFormat?: string;
  /** Amounts and quantities with a decimal comma ("1.234,50"). */
  decimalComma?: boolean;
  /** The file's encoding, when not UTF-8 (encoding.ts). */
  encoding?: string;
}

/** Common date formats, offered by the dashboard and guessed from a file's first rows. */
export const COMMON_DATE_FORMATS = ['D.M.YYYY H:mm', 'D/M/YYYY H:mm', 'M/D/YYYY H:mm', 'D-M-YYYY H:mm', 'YYYY-MM-DD HH:mm', 'YYYY/MM/DD HH:mm'];

/** The columns holding a date and time, a date alone, and a number, by kind. */
const COLUMNS: Record<ImportKind, { instants: string[]; dates: string[]; numbers: string[] }> = {
  purchases: { instants: ['occurred_at'], dates: ['customer_birthday'], numbers: ['total', 'discount', 'refunded_amount', 'line_quantity', 'line_unit_price'] },
  customers: { instants: [], dates: ['birthday'], numbers: [] },
  refunds: { instants: ['occurred_at'], dates: [], numbers: ['amount'] },
  points: { instants: ['expires_at'], dates: [], numbers: ['points'] },
};

interface DateParts {
  date: string;
  time?: string;
  offset?: string;
}

const GROUPS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{2})', M: '(\\d{1,2})', DD: '(\\d{2})', D: '(\\d{1,2})', HH: '(\\d{2})', H: '(\\d{1,2})', mm: '(\\d{2})', ss: '(\\d{2})' };

/** A part of a format as a pattern, and which date part (Y M D H m s) each of its groups holds. */
function compile(format: string, part: string, order: string[]): string {
  let pattern = '';
  for (const [token] of part.matchAll(/YYYY|MM?|DD?|HH?|mm|ss|[A-Za-z]|[^A-Za-z]+/g)) {
    if (GROUPS[token]) {
      const monthOrMinutes = token[0] === 'M' && order.includes('H');
      if (order.includes(token[0])) {
        throw invalidField('date_format', token[0] === 'm' ? say('date_format.minutes_twice', { format }) : say(monthOrMinutes ? 'date_format.twice_month' : 'date_format.twice', { format, token }));
      }
      order.push(token[0]);
      pattern += GROUPS[token];
    } else if (/^[A-Za-z]$/.test(token)) {
      throw invalidField('date_format', say('date_format.not_a_part', { format, token }));
    } else {
      pattern += token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
    }
  }
  return pattern;
}

/** A reader of one date format; throws naming the problem when the format itself is wrong. */
export function dateReader(format: string): (text: string) => DateParts | undefined {
  // The time is optional in a cell (a date alone is the day's start), and seconds may
  // follow the minutes even when the format leaves them out: tills write both.
  if (/(^|[^Y])YY(?!Y)/.test(format)) throw invalidField('date_format', say('date_format.two_digit_year', { format }));
  const hours = format.search(/H/);
  const datePart = hours < 0 ? format.trim() : format.slice(0, hours).replace(/(\s+|T)$/, '');
  const separator = hours < 0 ? '' : format.slice(datePart.length, hours);
  const order: string[] = [];
  let pattern = compile(format, datePart, order);
  for (const part of ['Y', 'M', 'D']) {
    if (!order.includes(part)) throw invalidField('date_format', say('date_format.needs_day', { format }));
  }
  if (hours >= 0) {
    const time = compile(format, format.slice(hours).trim(), order);
    if (!order.includes('m')) throw invalidField('date_format', say('date_format.needs_minutes', { format }));
    pattern += `(?:${separator === 'T' ? 'T' : separator ? '\\s+' : ''}${time}${order.includes('s') ? '' : '(?::(\\d{2}))?'})?`;
  } else if (order.includes('m') || order.includes('s')) {
    throw invalidField('date_format', say('date_format.needs_minutes', { format }));
  }
  const regex = new RegExp(`^${pattern}(?:\\s*(Z|[+-]\\d{2}:?\\d{2}))?$`);
  return (text) => {
    const match = regex.exec(text.trim());
    if (!match) return undefined;
    const value: Record<string, string | undefined> = {};
    order.forEach((part, i) => (value[part] = match[i + 1]));
    if (hours >= 0 && !order.includes('s')) value.s = match[order.length + 1];
    const offset = match[match.length - 1];
    return {
      date: `${value.Y}-${value.M!.padStart(2, '0')}-${value.D!.padStart(2, '0')}`,
      time: value.H === undefined ? undefined : `${value.H.padStart(2, '0')}:${value.m}:${value.s ?? '00'}`,
      offset: offset && (offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')),
    };
  };
}

export interface CellProblem {
  column: string;
  reason: Said;
}

/**
 * Rewrites a row's cells in the API's spelling, by the file's format; a cell that does not
 * fit it is left as it is and named. `zoneOf` is the time zone a row's wall-clock times are in.
 */
export function formatConverter({ format, layout, kind, zoneOf }: {
  format: FileFormat; layout: ColumnLayout; kind: ImportKind; zoneOf: (values: string[]) => string;
}): ((values: string[]) => { values: string[]; problems: CellProblem[] }) | undefined {
  if (!format.dateFormat && !format.decimalComma) return undefined;
  const read = format.dateFormat ? dateReader(format.dateFormat) : undefined;
  const columns = COLUMNS[kind];
  const at = (names: string[]) => names.flatMap((n) => (layout.index.has(n) ? [[n, layout.index.get(n)!] as const] : []));
  const instants = read ? at(columns.instants) : [];
  const dates = read ? at(columns.dates) : [];
  const numbers = format.decimalComma ? at(columns.numbers) : [];
  return (original) => {
    const values = original.slice();
    const problems: CellProblem[] = [];
    const rewrite = (cells: (readonly [string, number])[], convert: (text: string) => string | CellProblem) => {
      for (const [column, i] of cells) {
        const text = values[i]?.trim();
        if (!text) continue;
        const converted = convert(text);
        if (typeof converted === 'string') values[i] = converted;
        else problems.push(withColumn(converted, column));
      }
    };
    rewrite(instants, (text) => instantText(read!(text), text, format.dateFormat!, () => zoneOf(values)));
    rewrite(dates, (text) => {
      const parts = read!(text);
      if (parts?.time !== undefined) return { column: '', reason: say('import.date_has_time', { text }) };
      return instantText(parts, text, format.dateFormat!, () => 'UTC');
    });
    rewrite(numbers, decimalCommaText);
    return { values, problems };
  };
}

const withColumn = (p: CellProblem, column: string): CellProblem => ({ column, reason: p.reason });

/** The ISO 8601 spelling of a cell's date and time: a date alone, an instant with its offset, or a local time placed in the row's zone. */
function instantText(parts: DateParts | undefined, text: string, format: string, zone: () => string): string | CellProblem {
  if (!parts) return { column: '', reason: say('import.date_no_match', { text, format }) };
  if (!isCalendarDay(parts.date)) return { column: '', reason: say('import.date_not_a_day', { text, date: parts.date, format }) };
  if (parts.time === undefined) return parts.date;
  const [h, m, s] = parts.time.split(':').map(Number);
  if (h > 23 || m > 59 || s > 59) return { column: '', reason: say('import.date_not_a_time', { text, time: parts.time, format }) };
  if (parts.offset) return `${parts.date}T${parts.time}${parts.offset}`;
  return localInstant(parts.date, parts.time, zone()).toISOString();
}

// "1.234,50", "1 234,50", "12,5", "-2" and "3": digits with a decimal comma, thousands grouped by a point, space or apostrophe.
const DECIMAL_COMMA = /^([+-]?)(\d{1,3}(?:[. \u00a0\u202f']\d{3})+|\d+)(?:,(\d+))?$/;

function decimalCommaText(text: string): string | CellProblem {
  const match = DECIMAL_COMMA.exec(text);
  if (!match) return { column: '', reason: say('import.not_decimal_comma', { text }) };
  const [, sign, whole, fraction] = match;
  return `${sign}${whole.replace(/\D/g, '')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A file whose dates are all written otherwise than ISO 8601, imported without a date
 * format, is refused at once with the format that reads them — not row by row, thousands
 * of times. `rows` are its first rows; undefined when its dates are fine or unreadable.
 */
export function missingDateFormat(kind: ImportKind, layout: ColumnLayout, rows: { line: number; values: string[] }[]) {
  const columns = COLUMNS[kind].instants.flatMap((c) => layout.index.get(c) ?? []);
  const dated = rows.flatMap((r) => columns.map((i) => ({ line: r.line, value: r.values[i]?.trim() ?? '' }))).filter((d) => d.value);
  if (dated.length === 0 || dated.some((d) => ISO.test(d.value))) return undefined;
  const readers = bestReaders(COMMON_DATE_FORMATS.map((f) => {
    const read = dateReader(f);
    return { format: f, read: dated.filter((d) => typeof instantText(read(d.value), d.value, f, () => 'UTC') === 'string').length };
  }), dated.length).map((r) => r.format);
  if (readers.length === 0) return undefined;
  const column = String(layout.columnName.get(COLUMNS[kind].instants[0]));
  const formats = anyOf(readers.map((f) => `"${f}"`));
  return invalidField('date_format', say(readers.length > 1 ? 'date_format.missing_either' : 'date_format.missing', { column, line: dated[0].line, value: dated[0].value, formats }));
}

/** The options of an upload or a command line, checked before the file is read. */
export function fileFormatOf({ dateFormat, decimalComma, encoding }: { dateFormat?: string; decimalComma?: boolean; encoding?: string }): FileFormat {
  const format: FileFormat = {};
  if (encoding?.trim() && encodingOf(encoding) !== 'utf-8') format.encoding = encodingOf(encoding);
  if (dateFormat?.trim()) {
    dateReader(dateFormat);
    format.dateFormat = dateFormat.trim();
  }
  if (decimalComma) format.decimalComma = true;
  return format;
}

/**
 * The share of a sample a guess must read: most of it, not all — a file with errors is
 * exactly the one whose report matters, and one bad date (31.2.2026) or amount ("abc")
 * among its first rows must not hide the format the rest are in, which would bury its
 * real errors under "must be ISO 8601" on every line.
 */
const mostly = (read: number, of: number) => read > 0 && read >= Math.ceil(of * 0.8);

/** The formats reading the most of a sample, if that is most of it (ties kept: 1/2/2026 is read by two). */
function bestReaders<T extends { read: number }>(candidates: T[], of: number): T[] {
  const most = Math.max(0, ...candidates.map((c) => c.read));
  return mostly(most, of) ? candidates.filter((c) => c.read === most) : [];
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A guess at a file's format from its first rows, for the dashboard to offer, looking at
 * every column (the user may map them otherwise than suggested): the one common date format
 * that reads the most dates, if that is most of them (none when the dates are ISO 8601
 * already, or when two formats read as many, as 1/2/2026 is both 1 February and 2
 * January), and a decimal comma when most of a column's values are numbers written with
 * one and no cell is an amount with a decimal point.
 */
export function guessFileFormat(rows: string[][]): FileFormat {
  const readers = COMMON_DATE_FORMATS.map((f) => ({ format: f, read: dateReader(f) }));
  const fits = (f: (typeof readers)[number], v: string) => typeof instantText(f.read(v), v, f.format, () => 'UTC') === 'string';
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const dates: string[] = [];
  let commas = false;
  for (let j = 0; j < columns; j++) {
    const values = rows.map((r) => r[j]?.trim() ?? '').filter(Boolean);
    if (values.length === 0) continue;
    const notIso = values.filter((v) => !ISO.test(v));
    const datelike = notIso.filter((v) => readers.some((f) => fits(f, v)));
    if (mostly(datelike.length, notIso.length)) dates.push(...datelike);
    if (mostly(values.filter((v) => DECIMAL_COMMA.test(v)).length, values.length) && values.some((v) => DECIMAL_COMMA.test(v) && v.includes(','))) commas = true;
  }
  const guess: FileFormat = {};
  const formats = dates.length === 0 ? [] : bestReaders(readers.map((f) => withFields(f, { read: dates.filter((v) => fits(f, v)).length })), dates.length);
  if (formats.length === 1) guess.dateFormat = formats[0].format;
  if (commas && !rows.some((r) => r.some((v) => /^[+-]?\d+\.\d{1,2}$/.test(v.trim())))) guess.decimalComma = true;
  return guess;
}
