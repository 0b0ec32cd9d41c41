import { sha256 } from '../../../shared/hash.ts';
import { cell } from './rows.ts';
import type { ColumnLayout } from './mapping.ts';

// A row of a points file (opening balances brought from Smile.io, LoyaltyLion, Yotpo …):
// who (external_id, email, phone — as a customers file names a customer), how many points
// (a whole number: positive credits, negative debits), why (reason) and, for a credit, when
// its lot expires (expires_at). What becomes of it: passes/points-pass.ts.

type Row = string[];

/** The cells of a points row, empty ones absent; the customer as the customers API takes one. */
export function pointsCells(row: Row, layout: ColumnLayout) {
  const get = (f: string) => cell(row, layout, f);
  return {
    customer: { external_id: get('external_id'), email: get('email'), phone: get('phone') },
    points: get('points'),
    reason: get('reason'),
    expires_at: get('expires_at'),
  };
}

/** A whole number of points as a file writes it ("500", "-100", "+20"); anything else is undefined. */
export function pointsOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The keys of a points file's rows, from which each row's adjustment key is made: what the
 * row says — its customer, points, expiry and reason as written (an email in any case, a
 * points count with or without its "+") — plus how many identical rows came before it in the
 * file. Running the file again, or finishing one stopped by a crash, yields the same keys,
 * so no member is credited twice, while two identical rows in one file stay two. The key
 * is of the cells as the file writes them, before a date format or decimal comma is read,
 * and the same in both passes, which read every row (bad ones too) in the file's order.
 * The default reason is not in it: told in the importer's language, it may differ between
 * runs (the adjustment is then a replay all the same: AdjustOptions.keyedByContent).
 */
export function createPointsKeys(layout: ColumnLayout) {
  const seen = new Map<string, number>();
  return (row: Row): string => {
    const c = pointsCells(row, layout);
    const points = pointsOf(c.points);
    const content = JSON.stringify([
      c.customer.external_id ?? '', c.customer.email?.toLowerCase() ?? '', c.customer.phone ?? '',
      points === undefined ? (c.points ?? '') : String(points), c.expires_at ?? '', c.reason ?? '',
    ]);
    const hash = sha256(content).slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `import:points:${hash}:${n}`;
  };
}
