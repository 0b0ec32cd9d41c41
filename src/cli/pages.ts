import type { z } from 'zod';
import { invalidField, isAppError, type AppError } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';
import { withFields } from '../shared/objects.ts';
import { parseInput, refusedTogether } from '../shared/validation.ts';

// A list command over a cursor-paged route (GET /audit, GET /customers): --limit N (default
// 50) or --all, read in pages of at most `pageSize`, and the cursor of what is left printed
// for --cursor. The options are checked as the route checks its query, every bad one at
// once, before anything is read.

export interface PageOptions {
  limit?: string;
  all?: boolean;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

type Query = Record<string, string | number | undefined>;

/**
 * How many are wanted (Infinity: all), once `filters` and the first page pass `schema`;
 * `refused`: the command's own refusals of its options, told with the query's.
 */
export function pagedQuery(
  o: PageOptions,
  filters: Record<string, string | undefined>,
  { schema, pageSize, refused = [] }: { schema: z.ZodType; pageSize: number; refused?: AppError[] },
): number {
  const known = [...refused];
  if (o.limit !== undefined && o.all) known.push(invalidField('all', say('cli.audit.limit_or_all')));
  // A limit that is no count is passed on as typed, for the query's own refusal of it.
  const count = o.limit !== undefined && /^\s*\d+\s*$/.test(o.limit) ? Number(o.limit) : undefined;
  const firstPage = o.limit === undefined ? 50 : count === undefined || count < 1 ? o.limit : Math.min(count, pageSize);
  try {
    parseInput(schema, given(withFields(filters, { limit: firstPage })), 'query');
  } catch (error) {
    if (!isAppError(error)) throw error;
    known.push(error);
  }
  if (known.length > 0) throw refusedTogether('query', known);
  return o.all ? Infinity : (count ?? 50);
}

/** The items wanted, page after page, and the cursor of what is left (null when nothing is). */
export async function readPages<T>(
  { wanted, pageSize }: { wanted: number; pageSize: number },
  filters: Record<string, string | undefined>,
  page: (query: Query) => Promise<Page<T>>,
): Promise<Page<T>> {
  const items: T[] = [];
  let cursor = filters.cursor;
  let next: string | null = null;
  do {
    const read = await page(withFields(filters, { cursor, limit: Math.min(pageSize, wanted - items.length) }));
    items.push(...read.items);
    next = read.next_cursor;
    cursor = next ?? undefined;
  } while (next !== null && items.length < wanted);
  return { items, next_cursor: next };
}

/** A query without the options not given, as the route reads its query string. */
export const given = (query: Query): Record<string, string | number> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
