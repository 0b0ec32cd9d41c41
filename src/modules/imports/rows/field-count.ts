import { say, type Said } from '../../../shared/messages/index.ts';
import type { ColumnLayout, ImportKind } from './mapping.ts';

// A row with more fields than the header is refused, never cut to the header's width: in
// a comma-separated file an unquoted decimal comma ("12,50") splits one amount into two
// fields, and keeping the first would record 12.00 for 12.50. Fields past the header that
// are all empty are accepted (exports that end every row with a separator), unless the
// row's amount then reads as split into the next column. A row with
// fewer fields than the header is accepted: its missing cells are empty.

/** The columns holding amounts, where a decimal comma is looked for first. */
const MONEY_COLUMNS: Record<ImportKind, string[]> = { purchases: ['total', 'discount', 'refunded_amount'], customers: [], refunds: ['amount'], points: [] };

export interface FieldCountProblem {
  /** The file's column the problem most likely starts in, or undefined (the whole row). */
  column: string | undefined;
  reason: Said;
}

/** A checker for the rows of a file with this header, read with this separator. */
export function fieldCountCheck(kind: ImportKind, layout: ColumnLayout, header: string[], delimiter: string) {
  const money = MONEY_COLUMNS[kind].flatMap((c) => layout.index.get(c) ?? []).sort((a, b) => a - b);
  return (values: string[]): FieldCountProblem | undefined => {
    let count = values.length;
    while (count > header.length && values[count - 1].trim() === '') count--;
    if (count <= header.length) {
      // A row that ends with a separator may still hide a split amount: "12,50," fills the
      // column after the amount with the cents and leaves the rest for the trailing
      // separator, so it fits. An amount written whole with one or two digits after it in
      // the next column reads as a decimal comma then, and is refused as one.
      if (values.length === count || delimiter !== ',') return undefined;
      const split = splitNumber(values.slice(0, count), money, { moneyOnly: true });
      if (!split || split.kind !== 'decimal') return undefined;
      return { column: header[split.index], reason: say('import.fields_decimal_comma', { counted: say('import.field_count', { count: values.length, header: header.length }), text: split.text, fixed: split.fixed }) };
    }
    const counted = say('import.field_count', { count, header: header.length });
    if (delimiter === '\t') return { column: undefined, reason: say('import.fields_tab', { counted }) };
    if (delimiter !== ',') return { column: undefined, reason: say('import.fields_separator', { counted, separator: `"${delimiter}"` }) };
    const split = splitNumber(values.slice(0, count), money);
    if (!split) return { column: undefined, reason: say('import.fields_comma', { counted }) };
    const column = split.index < header.length ? header[split.index] : undefined;
    return { column, reason: say(split.kind === 'decimal' ? 'import.fields_decimal_comma' : 'import.fields_thousands', { counted, text: split.text, fixed: split.fixed }) };
  };
}

const WHOLE = /^[-+]?(?:\d+|\d{1,3}(?:\.\d{3})+)$/; // 12, or 1.234 (a European thousands point)
const CENTS = /^\d{1,2}$/;
const THOUSANDS = /^[-+]?\d{1,3}$/;
const REST = /^\d{3}(?:\.\d+)?$/;

/** Two neighbouring fields that read as one number split at its comma: the money columns first, then any. */
function splitNumber(values: string[], money: number[], { moneyOnly = false } = {}) {
  const at = (i: number) => {
    const [a, b] = [values[i]?.trim() ?? '', values[i + 1]?.trim() ?? ''];
    if (WHOLE.test(a) && CENTS.test(b)) return { index: i, kind: 'decimal' as const, text: `${a},${b}`, fixed: `${a.replace(/\./g, '')}.${b}` };
    if (THOUSANDS.test(a) && REST.test(b)) return { index: i, kind: 'thousands' as const, text: `${a},${b}`, fixed: `${a}${b}` };
    return undefined;
  };
  for (const i of money) {
    const found = at(i);
    if (found) return found;
  }
  if (moneyOnly) return undefined;
  for (let i = 0; i < values.length - 1; i++) {
    const found = at(i);
    if (found) return found;
  }
  return undefined;
}
