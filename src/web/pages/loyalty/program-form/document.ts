// The program form edits the program document itself: every input reads one path of the
// parsed JSON and writes back there, so the JSON view and the form are two views of one
// text, and whatever the form does not show (the $schema line, an amount kept from a
// reward's former type, a key added tomorrow) is carried along untouched. These functions
// are pure: each gives a new document and never changes the one it is given.
//
// They judge nothing: what a person types goes into the document as near to as typed as
// JSON allows (a number when it reads as one, else the text itself), and the server's
// schema says what is wrong with it, field by field, when the document is simulated.

import { instantOfWallClock, wallClockOf } from '../../../time.ts';

export type Key = string | number;
export type Path = readonly Key[];
type Dictionary = Record<string, unknown>;

export const isObject = (value: unknown): value is Dictionary => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path`, or undefined where the document has none. */
export function getAt(document: unknown, path: Path): unknown {
  let value = document;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isObject(value) && typeof key === 'string' && Object.hasOwn(value, key)) value = value[key];
    else return undefined;
  }
  return value;
}

/**
 * An object with `key` set, its other keys in their order (a new key goes last); undefined
 * removes the key. Built from entries, not by assignment, so a key named "__proto__" stays data.
 */
function withKey(object: Dictionary, key: string, value: unknown): Dictionary {
  const entries = Object.entries(object).filter(([k]) => k !== key || value !== undefined);
  if (value !== undefined) {
    const at = entries.findIndex(([k]) => k === key);
    if (at >= 0) entries[at] = [key, value];
    else entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}

/**
 * The document with `value` at `path`, the objects on the way made where missing; undefined
 * removes the key. With `prune`, an object the removal leaves empty goes too (a referral
 * bonus whose every field was cleared is no referral bonus, not an empty one the schema refuses).
 */
export function setAt<T>(document: T, path: Path, value: unknown, { prune = false }: { prune?: boolean } = {}): T {
  const put = (node: unknown, at: number): unknown => {
    if (at === path.length) return value;
    const key = path[at];
    if (typeof key === 'number') {
      const list = Array.isArray(node) ? [...node] : [];
      list[key] = put(list[key], at + 1);
      return list;
    }
    const object = isObject(node) ? node : {};
    let next = put(object[key], at + 1);
    if (prune && isObject(next) && Object.keys(next).length === 0 && at + 1 < path.length) next = undefined;
    return withKey(object, key, next);
  };
  return put(document, 0) as T;
}

/** The document with `item` added at the end of the list at `path` (the list made when missing). */
export function addItem<T>(document: T, path: Path, item: unknown): T {
  const list = getAt(document, path);
  return setAt(document, path, [...(Array.isArray(list) ? list : []), item]);
}

/** The document without the list item `index` at `path`. */
export function removeItem<T>(document: T, path: Path, index: number): T {
  const list = getAt(document, path);
  if (!Array.isArray(list)) return document;
  return setAt(document, path, list.filter((_, i) => i !== index));
}

/** The document with the list item `from` at `path` moved to `to`. */
export function moveItem<T>(document: T, path: Path, from: number, to: number): T {
  const list = getAt(document, path);
  if (!Array.isArray(list) || to < 0 || to >= list.length || from === to) return document;
  const moved = [...list];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item);
  return setAt(document, path, moved);
}

/** Whether a language's entry says nothing: no text, or forms that are all left out. */
const blank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '') || (isObject(value) && Object.keys(value).length === 0);

/**
 * A text given per language ({ "en": "Gold", "sl": "Zlati" }) with `language`'s entry set:
 * a blank one is left out, and a text with no language left is no text (undefined). A text
 * given once for every language ("Gold") becomes per language, the English entry keeping
 * what it said, so that readers of the other languages still read it.
 */
export function withLanguage(text: unknown, language: string, value: unknown): Dictionary | undefined {
  const given: Dictionary = isObject(text) ? text : typeof text === 'string' && text.trim() !== '' && language !== 'en' ? { en: text } : {};
  const next = withKey(given, language, blank(value) ? undefined : value);
  return Object.keys(next).length ? next : undefined;
}

/** A value as an input shows it. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A number field's text: a number when it reads as one ("1.25", "-5"), else the text itself, for the server to name; empty is no value. */
export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (/^-?\d+,\d+([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return text;
}

/**
 * A number or an amount as an input shows it in a language that writes a decimal comma
 * (Slovenian, Turkish, Danish, Russian: "1,25", "250,00"); the document keeps the point, and
 * the field reads either back (parseNumber, parseAmount). A text that is no number shows as it is.
 */
export function showDecimal(value: unknown, separator: string): string {
  const text = shown(value);
  const decimal = typeof value === 'number' || /^-?\d+\.\d+$/.test(text);
  return decimal && separator !== '.' ? text.replace('.', separator) : text;
}

/**
 * An amount field's text, kept as the decimal string the document holds money in ("250.00",
 * never 250): a decimal comma ("5,00", as Slovenian, Danish and Russian write it) becomes a
 * point; empty is no value. Every amount the dashboard's forms send is read so (a coupon
 * campaign's discount, a gift card, the acquisition cost).
 */
export function parseAmount(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  // One or two digits after the comma only: "1,000" is a thousand as English writes it, kept
  // as typed for the server to refuse, never read as 1.000 (a gift card of €1.00).
  return /^-?\d+,\d{1,2}$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
}

/** A list field's text, items between commas ("coffee, tea"): the items, none is no list. */
export function parseList(text: string): string[] | undefined {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

export const showList = (value: unknown): string => (Array.isArray(value) ? value.map(shown).join(', ') : shown(value));

/**
 * A list of some of a few values (channels, tiers, weekdays) with `option` ticked or not:
 * in the order they are offered, each value of its own type (the weekday 6, not "6"); none
 * left is no list (undefined: the key goes), as the schema refuses an empty one.
 */
export function withChoice(chosen: readonly unknown[], offered: readonly unknown[], option: unknown, on: boolean): unknown[] | undefined {
  const next = offered.filter((v) => (v === option ? on : chosen.includes(v)));
  return next.length ? next : undefined;
}

/** The reward fields that only some types read, and those types (the server's TYPES_READING, program.schema.ts). */
const READ_BY_TYPES: Record<string, readonly string[]> = {
  amount: ['fixed_discount', 'gift_card'], percent: ['percent_discount'], sku: ['free_product'], event: ['event'],
};

/**
 * A reward switched to `type`: the fields only other types read (a fixed discount's amount
 * once it is a percentage) go with the switch, as the server refuses a reward that holds
 * one — it would be ignored — at a field this form no longer shows. Everything else is
 * kept, in its place; the type stays where it stood.
 */
export function withRewardType(reward: Dictionary, type: string | undefined): Dictionary {
  const kept = Object.entries(reward).filter(([key]) => !(key in READ_BY_TYPES) || (type !== undefined && READ_BY_TYPES[key]!.includes(type)));
  const next = Object.fromEntries(kept.map(([key, value]) => [key, key === 'type' ? type : value]));
  if (!('type' in reward)) next.type = type;
  if (type === undefined) delete next.type;
  return next;
}

// Instants (a promotion's window, a reward's availability) are typed in a datetime-local
// input in the business's time zone (GET /status), as the server reads a date alone, and
// written with that zone's offset on that day ("2026-12-05T00:00:00+01:00",
// "2026-07-01T00:00:00+02:00"): the document then says the very moment, and reads as the
// local time that was meant, wherever the browser is (time.ts).

/**
 * An instant as a datetime-local input shows it: the business's local time, to the minute.
 * A date alone ("2026-12-05") is that day's start, as the server reads a promotion's (in
 * its time zone), not midnight UTC. A text that is no instant shows as nothing (the JSON view has it).
 */
export const showInstant = (value: unknown, timeZone: string): string => (typeof value === 'string' ? wallClockOf(value, timeZone) : '');

/** A datetime-local input's time as the document writes an instant, with the business's offset that day; empty is no value, a text no date reads stays as typed. */
export const parseInstant = (text: string, timeZone: string): string | undefined => instantOfWallClock(text, timeZone);

/** A problem's field as the form names its input: the server's "program.tiers.levels.1.threshold" is "tiers.levels.1.threshold". */
export const problemPath = (field: string): string => field.replace(/^program\./, '');

export const pathKey = (path: Path): string => path.join('.');

/** The JSON text of a document, as the editor writes it. */
export const pretty = (document: unknown): string => JSON.stringify(document, null, 2);

/** The document the text holds, or why it holds none: a form edits a JSON object only. Blank text is an empty document, to start from scratch. */
export function readDocument(text: string): { ok: true; document: Dictionary } | { ok: false; error?: Error } {
  if (text.trim() === '') return { ok: true, document: {} };
  try {
    const document: unknown = JSON.parse(text);
    return isObject(document) ? { ok: true, document } : { ok: false };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}
