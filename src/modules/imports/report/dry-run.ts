// A dry run (`--dry-run`, the upload's `dry_run=true`) is the import's first pass alone: every
// row checked by the API's rules and nothing written. It also tells what the second pass
// would do with each valid row — add it, or find it already there (a purchase's order id or
// a refund's id recorded with the same values, a customer one of whose identities names a
// customer already) — counting a row whose key an earlier row of the file has as already
// there, as the import would. A purchases file with a refunded amount column also tells
// the refunds the import would record (refunded-amounts.ts): one for each order whose
// refunds, as stored or as the file's earlier rows of it left them, fall short of its row's
// amount. The counts are a forecast: writes by others between the dry run and the import
// can change them.

export class DryRunTally {
  /** A valid row (a basket's first line) → whether the import would find it already there. */
  private readonly outcomes = new Map<number, boolean>();
  private readonly keysInFile = new Set<string>();
  /** A valid row with a refunded amount → its order id and the amount, in the file's order. */
  private readonly refunded = new Map<number, { orderId: string; minor: number }>();
  /** Orders stored before → what their refunds add up to. */
  private readonly refundedBefore = new Map<string, number>();

  /** A valid row, its keys (order id, refund id or identities) and whether the database has it already. */
  note(line: number, keys: string[], stored: boolean) {
    const earlierInFile = keys.some((k) => this.keysInFile.has(k));
    for (const k of keys) this.keysInFile.add(k);
    this.outcomes.set(line, stored || earlierInFile);
  }

  /** A valid row's refunded amount (> 0), for its order. */
  noteRefunded(line: number, orderId: string, minor: number) {
    this.refunded.set(line, { orderId, minor });
  }

  /** What the refunds of orders stored before add up to, as read for the rows noted. */
  noteRefundedBefore(refunded: ReadonlyMap<string, number>) {
    for (const [orderId, minor] of refunded) this.refundedBefore.set(orderId, minor);
  }

  /** What the import would create and find there, and the refunds it would record, leaving out rows reported as bad after they were noted. */
  counts(badLines: ReadonlySet<number>): { created: number; duplicates: number; refunds: number } {
    let created = 0;
    let duplicates = 0;
    for (const [line, alreadyThere] of this.outcomes) {
      if (badLines.has(line)) continue;
      if (alreadyThere) duplicates++;
      else created++;
    }
    // As refundUpTo: a refund when the order's refunds so far fall short of the amount, after which they reach it.
    let refunds = 0;
    const reached = new Map(this.refundedBefore);
    for (const [line, { orderId, minor }] of this.refunded) {
      if (badLines.has(line) || minor <= (reached.get(orderId) ?? 0)) continue;
      refunds++;
      reached.set(orderId, minor);
    }
    return { created, duplicates, refunds };
  }
}
