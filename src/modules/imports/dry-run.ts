// A dry run (`--dry-run`, the upload's `dry_run=true`) is the import's first pass alone: every
// row checked by the API's rules and nothing written. It also tells what the second pass
// would do with each valid row — add it, or find it already there (a purchase's order id or
// a refund's id recorded with the same values, a customer one of whose identities names a
// customer already) — counting a row whose key an earlier row of the file has as already
// there, as the import would. The counts are a forecast: writes by others between the dry
// run and the import can change them.

export class DryRunTally {
  /** A valid row (a basket's first line) → whether the import would find it already there. */
  private readonly outcomes = new Map<number, boolean>();
  private readonly keysInFile = new Set<string>();

  /** A valid row, its keys (order id, refund id or identities) and whether the database has it already. */
  note(line: number, keys: string[], stored: boolean) {
    const earlierInFile = keys.some((k) => this.keysInFile.has(k));
    for (const k of keys) this.keysInFile.add(k);
    this.outcomes.set(line, stored || earlierInFile);
  }

  /** What the import would create and find there, leaving out rows reported as bad after they were noted. */
  counts(badLines: ReadonlySet<number>): { created: number; duplicates: number } {
    let created = 0;
    let duplicates = 0;
    for (const [line, alreadyThere] of this.outcomes) {
      if (badLines.has(line)) continue;
      if (alreadyThere) duplicates++;
      else created++;
    }
    return { created, duplicates };
  }
}
