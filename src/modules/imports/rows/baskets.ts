import type { CsvRecord } from '../file/csv.ts';

// A file with one row per item bought (a till's or web store's line export: Shopify's
// orders export, UCI Online Retail) holds a purchase as the rows of its order id, one after
// another. Grouping consecutive rows keeps memory bounded by the largest basket, whatever
// the file's size; an order id whose rows are split by other orders is refused by the
// validation pass (it names where the order's rows began), not silently merged.

/** The rows of one purchase: one row, or an order's line items. */
export type Basket = CsvRecord[];

/** Each record alone (a file with one row per purchase), or consecutive records with the same order id together. */
export async function* basketsOf(records: AsyncIterable<CsvRecord>, orderIdColumn: number | undefined): AsyncIterable<Basket> {
  let basket: Basket = [];
  let orderId = '';
  for await (const record of records) {
    const id = orderIdColumn === undefined ? '' : (record.values[orderIdColumn] ?? '').trim();
    // A row without an order id is a purchase of its own (refused for it later).
    if (basket.length > 0 && (id === '' || id !== orderId)) {
      yield basket;
      basket = [];
    }
    basket.push(record);
    orderId = id;
  }
  if (basket.length > 0) yield basket;
}

/** Baskets in chunks of about `rows` rows (a basket is never split). */
export async function* basketChunks(baskets: AsyncIterable<Basket>, rows: number): AsyncIterable<Basket[]> {
  let chunk: Basket[] = [];
  let size = 0;
  for await (const basket of baskets) {
    chunk.push(basket);
    size += basket.length;
    if (size >= rows) {
      yield chunk;
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) yield chunk;
}
