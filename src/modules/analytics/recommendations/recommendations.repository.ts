import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';
import type { Basket } from './recommend.ts';

// Baskets for the co-purchase model: one row per purchase with its distinct SKUs,
// aggregated in SQL. A fully refunded purchase is not a basket (the customer took
// nothing home); a partly refunded one is.
//
// Read in pages by the purchases' primary key (customer_id, id): node-postgres holds a
// whole result in memory, so one query over millions of purchases would hold them all
// twice (rows and baskets). Each page is an index range of purchases joined to its
// lines by their primary key, so a page costs the same at the first purchase and the
// millionth.

const PAGE_SIZE = 20_000;

export async function* streamBaskets(db: Db, { pageSize = PAGE_SIZE }: { pageSize?: number } = {}): AsyncGenerator<Basket[]> {
  let after: { customerId: string; id: string } | undefined;
  for (;;) {
    const { rows } = await sql<{ customer_id: string; id: string; local_date: string; skus: string[]; refunded: boolean }>`
      WITH page AS (
        SELECT customer_id, id, local_date, total_minor, refunded_minor FROM purchases
        ${after ? sql`WHERE (customer_id, id) > (${after.customerId}::uuid, ${after.id}::uuid)` : sql``}
        ORDER BY customer_id, id
        LIMIT ${pageSize}
      )
      SELECT page.customer_id, page.id, page.local_date::text AS local_date,
        COALESCE(array_agg(DISTINCT l.sku) FILTER (WHERE l.sku IS NOT NULL), '{}') AS skus,
        page.total_minor > 0 AND page.refunded_minor >= page.total_minor AS refunded
      FROM page LEFT JOIN purchase_lines l ON l.customer_id = page.customer_id AND l.purchase_id = page.id
      GROUP BY page.customer_id, page.id, page.local_date, page.total_minor, page.refunded_minor
      ORDER BY page.customer_id, page.id`.execute(db);
    if (rows.length === 0) return;
    yield rows.filter((r) => !r.refunded && r.skus.length > 0).map((r) => ({ customerId: r.customer_id, date: r.local_date, skus: r.skus }));
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { customerId: last.customer_id, id: last.id };
  }
}

export async function loadBaskets(db: Db, options: { pageSize?: number } = {}): Promise<Basket[]> {
  const baskets: Basket[] = [];
  for await (const page of streamBaskets(db, options)) baskets.push(...page);
  return baskets;
}

/**
 * Every SKU the customer has bought, refunded purchases included: a product they sent
 * back is no better a suggestion than one they have.
 */
export async function customerSkus(db: Db, customerId: string): Promise<string[]> {
  const rows = await db.selectFrom('purchase_lines').select('sku').distinct()
    .where('customer_id', '=', customerId).where('sku', 'is not', null).execute();
  return rows.map((r) => r.sku!);
}

export interface Product {
  sku: string;
  name: string | null;
  category: string | null;
}

/** The name and category each SKU is most often sold under. */
export async function productCatalogue(db: Db): Promise<Map<string, Product>> {
  const { rows } = await sql<Product>`
    SELECT sku, mode() WITHIN GROUP (ORDER BY name) AS name, mode() WITHIN GROUP (ORDER BY category) AS category
    FROM purchase_lines WHERE sku IS NOT NULL GROUP BY sku`.execute(db);
  return new Map(rows.map((r) => [r.sku, r]));
}
