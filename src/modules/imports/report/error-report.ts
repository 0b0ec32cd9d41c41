import type { AppError } from '../../../shared/errors.ts';
import { say, tell, type Language, type Text } from '../../../shared/messages/index.ts';
import { DECIMAL_AMOUNT_MESSAGE } from '../../../shared/validation.ts';
import type { CsvRecord } from '../file/csv.ts';
import type { Basket } from '../rows/baskets.ts';
import { IDENTITY_COLUMNS, type ColumnLayout, type ImportKind } from '../rows/mapping.ts';
import { canonicalOfField, cell } from '../rows/rows.ts';

// The import's report of bad rows: each problem under the file's own name for its column,
// every row left out named (a line item's error leaves its order's other rows out too),
// its reasons told in the language asked (the dashboard's; English for the CLI).

export interface RowError {
  line: number;
  column: string;
  reason: string;
}

const MAX_REPORTED_ERRORS = 10_000;

/** "12,50", "1.234,50", "1 234,5": an amount as a decimal-comma locale writes it. */
const DECIMAL_COMMA_AMOUNT = /^\d{1,3}(?:[. \u00a0']\d{3})*,\d+$|^\d+,\d+$/;

/** The column of a problem of the whole row. */
export const ROW = '(row)';

export class ErrorReport {
  readonly errors: RowError[] = [];
  readonly badLines = new Set<number>();
  truncated = false;
  /** Rows reported only as left out with their order: a problem of their own found later takes the place of that. */
  private readonly leftOutOnly = new Map<number, RowError>();
  /** `decimalComma`: the file was read with its amounts written with a decimal comma (its format's option). */
  constructor(private readonly layout: ColumnLayout, private readonly kind: ImportKind, private readonly language: Language = 'en', private readonly decimalComma = false) {}

  add(line: number, error: AppError) {
    this.addInBasket([{ line, values: [] }], error);
  }

  /** A purchase's problems at their rows: a line item's at its row, the order's at the first. */
  addInBasket(basket: Basket, error: AppError) {
    const problems = error.problems.length ? error.problems : [{ field: ROW, reason: error.message }];
    // Read in English (the checks below), reported in the report's language (told only
    // while the report has room: telling a parsed input's problems parses it again).
    const told = this.language === 'en' || this.errors.length >= MAX_REPORTED_ERRORS ? undefined : error.in(this.language);
    for (const [i, p] of problems.entries()) {
      const reason = told ? (error.problems.length ? told.problems[i]?.reason : told.message) ?? p.reason : p.reason;
      const item = /^lines\.(\d+)\.(\w+)/.exec(p.field);
      // The API's words ("needs at least one of external_id, email, phone") name its fields, not the file's columns.
      if (this.kind === 'purchases' && (p.field === 'customer' || (p.field.startsWith('customer.') && p.reason.startsWith('needs at least one of')))) {
        this.addReason(basket[0].line, 'customer_external_id', say('import.no_customer'));
        continue;
      }
      if (item && basket[Number(item[1])]) this.addReason(basket[Number(item[1])].line, `line_${item[2]}`, this.inFileTerms(basket[Number(item[1])], `line_${item[2]}`, p.reason, reason));
      else {
        const canonical = p.field === 'lines' ? ROW : canonicalOfField(this.kind, p.field);
        this.addReason(basket[0].line, canonical, this.inFileTerms(basket[0], canonical, p.reason, reason));
      }
    }
  }

  /**
   * Whether a basket is left out for a problem on any of its rows. Its rows without one are
   * reported as left out with it (once), so the report lists every row not imported.
   */
  leftOut(basket: Basket, layout: ColumnLayout): boolean {
    const bad = basket.find((r) => this.badLines.has(r.line));
    if (!bad) return false;
    const id = cell(basket[0].values, layout, 'external_id');
    for (const r of basket) {
      if (this.badLines.has(r.line)) continue;
      this.addInColumn(r.line, ROW, say(this.kind === 'refunds' ? 'import.left_out_refund' : 'import.left_out_order', { id: String(id), line: bad.line }));
      const entry = this.errors.at(-1);
      if (entry?.line === r.line) this.leftOutOnly.set(r.line, entry);
    }
    return true;
  }

  /**
   * A cell's problem told in the file's terms: a value a format option rewrote quoted as the
   * file wrote it ("1,234" read as 1.234), and an amount written with a decimal comma in a
   * file imported without that option named as such. In a file imported with it, an amount
   * that is none is told by the file's example ("1.234,50"): the API's words ask for a
   * decimal point. `english` is read, `reason` (the same in the report's language) told.
   */
  private inFileTerms(row: CsvRecord, canonical: string, english: string, reason: string): string {
    const i = this.layout.index.get(canonical);
    if (i === undefined) return reason;
    const read = row.values[i]?.trim();
    const written = (row.written ?? row.values)[i]?.trim();
    if (!read || !written) return reason;
    if (english === DECIMAL_AMOUNT_MESSAGE && this.decimalComma) return say('import.not_amount_decimal_comma', { text: written }).in(this.language);
    if (written !== read && reason.includes(`"${read}"`)) return reason.replace(`"${read}"`, say('import.read_as', { written, read }).in(this.language));
    if (english === DECIMAL_AMOUNT_MESSAGE && DECIMAL_COMMA_AMOUNT.test(written)) return say('import.decimal_comma_hint', { reason, written }).in(this.language);
    return reason;
  }

  /** A problem of the line in a canonical column, reported under the file's own name for it. */
  addReason(line: number, canonical: string, reason: Text) {
    this.addInColumn(line, this.columnOf(canonical), reason);
  }

  /** A problem of the line in a column of the file, by its name there (or ROW: the whole row); told in the report's language. */
  addInColumn(line: number, column: string, text: Text) {
    const reason = tell(text, this.language);
    const leftOut = this.leftOutOnly.get(line);
    if (leftOut) {
      this.leftOutOnly.delete(line);
      this.errors.splice(this.errors.indexOf(leftOut), 1);
    }
    this.badLines.add(line);
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ line, column, reason });
    else this.truncated = true;
  }

  /**
   * The report lists lines in order (stable within a line): rows written side by side may
   * be refused out of the file's order, and a chunk's rows with too many fields are
   * reported before its other bad rows.
   */
  sortByLine() {
    this.errors.sort((a, b) => a.line - b.line);
  }

  private columnOf(canonical: string): string {
    return this.layout.columnName.get(canonical) ?? this.identityColumnsFor(canonical) ?? canonical;
  }

  /**
   * A row without any customer identity is reported against the identity columns the
   * file has ("Card / E-mail"), not a canonical name the file may not even contain.
   */
  private identityColumnsFor(canonical: string): string | undefined {
    if (!IDENTITY_COLUMNS[this.kind].includes(canonical)) return undefined;
    const present = IDENTITY_COLUMNS[this.kind].flatMap((c) => this.layout.columnName.get(c) ?? []);
    return present.length ? present.join(' / ') : undefined;
  }
}
