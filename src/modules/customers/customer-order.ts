import type { RawBuilder } from 'kysely';
import { invalidField } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { say } from '../../shared/messages/index.ts';

// The orders of the customers list (GET /customers?sort=…) and their cursors.
//
// Two orders are the customers' own (when the record was written, the name). The others
// are by values this module does not keep: a customer's purchases are commerce's
// (customer_stats), their points loyalty's (loyalty_members and the ledger's open lots),
// and customer_since is the date the customer dates reader answers (loyalty's
// customer-dates.ts, from the first purchase and the person's records). Rather than
// reading those tables here, the list is given each such order as SQL by the module that
// owns it (commerce's customerStatsOrders, loyalty's pointsOrder and customerSinceOrder,
// handed over by the composition in services.ts, as customer dates are): a join onto
// `customers c` and the key expression. The list stays one statement — filters, order
// and page together, so a page costs the same whatever the order — and each table is
// still read only by SQL its own module wrote.

/** The sorts, without their direction; `-` before one is descending (`-net_spend`: the biggest spenders first). */
export const SORT_KEYS = ['created_at', 'customer_since', 'name', 'last_purchase_at', 'net_spend', 'purchases', 'points'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = '-created_at';

/** The sorts by another module's values, given to the customer service (services.ts). */
export type ForeignSortKey = Exclude<SortKey, 'created_at' | 'name'>;

/**
 * One order of the list, as SQL onto `customers c`: `join` (LEFT, so every customer stays)
 * and `key`, a value per customer. `key` is null for a customer who has none (no purchase,
 * not a member): those come last in either direction, by id, so each is on exactly one page.
 * `tie`: the customer's id as the key's index has it beside the key (`cs.customer_id`;
 * default `c.id`), so that index serves the order and the cursor's range. `type` is the
 * key's SQL type, for the cursor's value sent back.
 */
export interface CustomerOrder {
  join?: RawBuilder<unknown>;
  key: RawBuilder<unknown>;
  tie?: RawBuilder<unknown>;
  type: 'bigint' | 'timestamptz' | 'text';
  nullable: boolean;
}

/** The foreign orders at a moment (points held back are those pending or expired at `now`). */
export type ForeignOrders = Record<ForeignSortKey, (now: Date) => CustomerOrder>;

export function parseSort(sort: Sort): { key: SortKey; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as SortKey, descending: true } : { key: sort as SortKey, descending: false };
}

/** Where a page ends: the sort it was read in, the last customer's key (as text; null: none) and id. */
export interface ListCursor {
  sort: Sort;
  value: string | null;
  id: string;
}

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/**
 * A cursor of this list read in `sort`. One of another sort (the address changed its
 * sort and kept the cursor) is refused rather than read as a key of another kind. The
 * cursors from before sorting ([created_at, id]) still continue the default order.
 */
export function decodeListCursor(cursor: string, sort: Sort): ListCursor {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const [given, value, id] = parts.length === 2 ? [DEFAULT_SORT, ...parts] : parts;
    if (given !== sort || !(value === null || typeof value === 'string') || typeof id !== 'string' || !isUuid(id)) throw new Error();
    return { sort, value, id };
  } catch {
    throw invalidField('cursor', say('cursor.not_ours'));
  }
}
