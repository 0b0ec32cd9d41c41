import { z } from 'zod';
import { IMPORT_KINDS } from '../../modules/imports/index.ts';
import { PluralForms } from '../../modules/loyalty/index.ts';
import { LANGUAGES } from '../../shared/messages/index.ts';
import { Amount, Count, Currency, progressLines, shared } from './common.ts';

// What the CSV imports and the demo answer (import-result.ts, demo.service.ts), and the
// progress lines they send to a client that asks for them (progress.ts).

export const ImportPreview = z.strictObject({
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())).describe('The first rows'),
  canonical: z.array(z.strictObject({ name: z.string(), required: z.boolean(), unless: z.string().optional().describe('Not required when the file maps this field') })).describe('The fields a row of this kind has'),
  identity: z.array(z.string()).describe('A file must map at least one of these columns: a row needs a customer it belongs to (none for refunds)'),
  suggested_map: z.record(z.string(), z.string()).describe('{ canonical field: column }'),
  suggested_format: z.strictObject({
    date_format: z.string().nullable().describe('A common date format that reads every date of the first rows (null: ISO 8601 already, or two formats fit, as 1/2/2026 is both 1 February and 2 January)'),
    decimal_comma: z.boolean().describe('Amounts are written with a decimal comma (12,50)'),
    encoding: z.string().describe('The encoding the file was read in: utf-8, or the code page its bytes that are not UTF-8 most likely are in (windows-1250 …); the sample is read in it'),
  }).describe('The options date_format, decimal_comma and encoding this file seems to need'),
  date_formats: z.array(z.string()).describe('Common date formats, to offer (any other may be given)'),
  encodings: z.array(z.string()).describe('Common encodings, to offer'),
});

export const ImportResult = shared('ImportResult', z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  rows: Count,
  orders: Count.optional().describe('A purchases file with line items (one row per item): the purchases its rows make; created and duplicates count purchases'),
  not_paid: Count.optional().describe('A purchases file with a payment status column (Shopify\'s "Financial Status"): its orders left out as never paid (pending, authorized, voided, expired)'),
  refunds_recorded: Count.optional().describe('A purchases file with a refunded amount column (Shopify\'s "Refunded Amount"): the refunds recorded so that each order\'s refunds add up to it (none for an order whose refunds already do; a dry run: would be recorded)'),
  coupon_uses_rolled_back: Count.optional().describe('A refunds file, or a purchases file with a refunded amount column: the coupon uses its refunds gave back, those that left nothing of their purchases (the uses made on their orders, as POST /purchases/{id}/refunds gives them back); absent when none, and from a dry run'),
  points: z.strictObject({
    members: Count.describe('The members its new rows adjust'),
    credited: Count.describe('The points its new rows add'),
    debited: Count.describe('The points its new rows take away'),
    points_name_forms: PluralForms.describe('What the program calls its points, by plural category, in `points_name_language`, to print a number with it as the member\'s account does (`points_name_forms`)'),
    points_name_language: z.enum(LANGUAGES).describe('The language of points_name_forms: the import\'s where the program names its points in it, else the program\'s fallback'),
  }).optional().describe('A points file (opening balances): what its rows not imported before add up to (a dry run: would)'),
  created: Count.describe('Added (a dry run: would be added)'),
  duplicates: Count.describe('Already there: the same order id, refund id, customer identity or points row (a dry run: would be)'),
  invalid: Count.describe('Rows not imported for an error (with a line item\'s error, the other rows of its order too)'),
  errors: z.array(z.strictObject({ line: Count, column: z.string(), reason: z.string() })),
  errors_truncated: z.boolean().describe('Only the first errors are listed'),
  imported: z.boolean().describe('false: nothing was imported (bad rows, and skip_invalid was not set; or a dry run)'),
  dry_run: z.boolean().describe('Only checked (dry_run=true): nothing was written; created and duplicates are what the import would add and find already there'),
  duration_ms: Count,
}));

export const ImportProgressLine = progressLines(
  z.strictObject({ phase: z.enum(['validate', 'import']), rows: Count, bytes: Count, total_bytes: Count }),
  ImportResult,
);

export const DemoSummary = shared('DemoSummary', z.strictObject({
  stores: Count,
  customers: Count.describe('Generated customers who bought'),
  purchases: Count,
  created: Count.describe('Purchases new to the database; 0 on a second run with the same seed'),
  refunds: Count,
  redemptions: Count.describe("Rewards the demo's members redeemed on its last day, with the points they had; 0 on a second run with the same seed"),
  revenue: Amount.describe('Net revenue of everything in the database'),
  currency: Currency,
}));

export const DemoProgressLine = progressLines(z.strictObject({ customers: Count, purchases: Count }), DemoSummary);
