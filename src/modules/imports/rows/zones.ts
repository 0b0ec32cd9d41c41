import type { CommerceService } from '../../commerce/index.ts';
import { openCsv } from '../file/csv.ts';
import type { ColumnLayout, ImportKind } from './mapping.ts';
import { NUL } from './rows.ts';

// The time zone a row's wall-clock times are in, for a file whose dates have no offset
// (`--date-format "D.M.YYYY H:mm"`, file-format.ts): a purchase's is its store's, a
// refund's its purchase's (the till that took it back is the one that sold it), a
// customer's the business's. Read as the business's, "10:00" at a store an hour or two
// east would be a refund an hour or two later than the receipt says.

const REFS_READ_AT_ONCE = 5000;

export async function wallClockZones({ kind, layout, file, encoding, business, stores, commerce }: {
  kind: ImportKind; layout: ColumnLayout; file: string; encoding: string | undefined; business: string;
  stores: { code: string; time_zone: string }[]; commerce: Pick<CommerceService, 'timeZonesOfPurchases'>;
}): Promise<(values: string[]) => string> {
  const column = layout.index.get(kind === 'refunds' ? 'purchase' : 'store');
  // With every store in the business's zone, there is nothing to look up.
  if (column === undefined || kind === 'customers' || stores.every((st) => st.time_zone === business)) return () => business;
  if (kind === 'purchases') {
    const byCode = new Map(stores.map((st) => [st.code, st.time_zone]));
    return (values) => byCode.get(values[column]?.trim()) ?? business;
  }
  // A refund's purchase's zone, read for the file's purchases before its rows are converted.
  const byPurchase = new Map<string, string>();
  const csv = await openCsv(file, encoding);
  let refs = new Set<string>();
  const lookUp = async () => {
    for (const [ref, zone] of await commerce.timeZonesOfPurchases([...refs])) byPurchase.set(ref, zone);
    refs = new Set();
  };
  for await (const r of csv.records) {
    const ref = r.values[column]?.trim();
    // A reference with a NUL is refused at its row (validation-pass.ts): the database cannot be asked for it.
    if (ref && !ref.includes(NUL)) refs.add(ref);
    if (refs.size >= REFS_READ_AT_ONCE) await lookUp();
  }
  await lookUp();
  return (values) => byPurchase.get(values[column]?.trim()) ?? business;
}
