import { z } from 'zod';

// The building blocks of the answers' schemas. The schemas describe the JSON as it is
// sent (after JSON.stringify: dates are ISO strings, undefined fields left out), and are
// strict: a field an answer has that its schema does not name fails the response check
// (response-check.ts), so the OpenAPI document lists every field there is.

/**
 * The shapes that appear in more than one answer, by name: each is published once in the
 * OpenAPI document's components.schemas and referenced from the operations (openapi.ts).
 */
export const sharedShapes = new Map<string, z.ZodType>();

export function shared<T extends z.ZodType>(id: string, schema: T): T {
  if (sharedShapes.has(id)) throw new Error(`Two shared response shapes are called ${id}`);
  sharedShapes.set(id, schema);
  return schema;
}

export const Id = z.uuid();
/** An instant as the server writes it: UTC with milliseconds (Date#toISOString). */
export const Instant = z.iso.datetime();
export const LocalDate = z.iso.date();
/** Negative only where a difference is meant (a simulation's). */
export const Amount = z.string().regex(/^-?\d+(\.\d+)?$/).describe('A decimal amount in major units of the currency ("29.33")');
export const Currency = z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 code');
/** A count, a sum of points, a number of days: a whole number. */
export const Count = z.number().int();
/** A share or a rate, 0 to 1 (rounded to 4 decimals where the summary says so). */
export const Share = z.number();

export const FieldProblem = z.strictObject({ field: z.string(), reason: z.string() });

/** RFC 9457 problem details, as problem.ts writes them (an error answer, or an item of a batch that failed). */
export const Problem = shared('Problem', z.strictObject({
  type: z.string(),
  title: z.string(),
  status: Count,
  detail: z.string(),
  errors: z.array(FieldProblem).optional().describe('Every field that is wrong, and why'),
  merged_into: Id.optional().describe('On a 404 for a customer merged into another: the id of the customer it was merged into (GET /customers/{id} of it answers that customer, or again a 404 with merged_into along a chain of merges)'),
  merged_at: Instant.optional().describe('With merged_into (GET /customers/{id} of the merged id): when it was merged'),
  erased_at: Instant.optional().describe("On a 404 for a customer whose personal data was erased: when it was (their anonymous purchases stay in the totals)"),
}));

/** `{ items }`: a list answered whole. */
export const list = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** A page of a cursor-paginated list: pass next_cursor as `cursor` for the next one. */
export const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), next_cursor: z.string().nullable().describe('The `cursor` of the next page; null on the last') });

/**
 * The lines of an answer to `Accept: application/x-ndjson` (progress.ts): progress reports,
 * then the result, or a problem when the work failed after it had begun reporting. The
 * result is the plain answer's schema too, so make it a shared shape: the OpenAPI document
 * refers from one answer into another only by a component's name.
 */
export const progressLines = <P extends z.ZodType, R extends z.ZodType>(progress: P, result: R) =>
  z.union([z.strictObject({ progress }), z.strictObject({ result }), z.strictObject({ error: Problem })]);
