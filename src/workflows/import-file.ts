import { importCsv, type FileFormat, type ImportKind, type ImportProgress, type ImportResult, type ImportVia } from '../modules/imports/index.ts';
import { auditedWith, inBackground, statisticsAsTablesGrow, type Actor } from '../db/index.ts';
import { newId } from '../shared/ids.ts';
import type { Services } from '../services.ts';
import { recordPurchases } from './record-purchases.ts';
import { pointsAdjuster } from './import-points.ts';
import { withFields } from '../shared/objects.ts';
import type { Language } from '../shared/messages/index.ts';

// A CSV file into the store, through the same purchase workflow the API uses (a points
// file's rows through the staff adjustment: import-points.ts). Background
// work: on the embedded database, requests go first (db/priority.ts).
//
// Its writes are audited as `actor`'s — the staff user or API key that uploaded the file,
// `cli` for the command line on this machine (through a server too: its local token) — as
// every other action is, and each entry carries `import`, an id of this run, in its
// details: the activity log tells an import's customers, refunds and adjustments from the
// same actions taken by hand, and one import's from another's. An import interrupted is
// finished by running the file again (each row once, by its key): the run that finishes it
// is a new run, of whoever runs it, so nothing about the actor needs storing. Before, every
// entry's actor was `import`, whoever ran it.
//
// The tables' statistics are refreshed as the import fills them and at its end, as the demo's
// are (db/statistics.ts): a large first import into an empty database was otherwise planned
// as empty, where no autovacuum runs (PGlite), until the schedule's refresh up to ten minutes on.
export function importFile(
  services: Pick<Services, 'db' | 'config' | 'stores' | 'clock' | 'customers' | 'commerce' | 'loyalty'>,
  options: { kind: ImportKind; file: string; actor?: Actor; map?: Record<string, string>; via?: ImportVia; format?: FileFormat; skipInvalid?: boolean; dryRun?: boolean; onProgress?: (p: ImportProgress) => void; language?: Language },
) {
  // Tests and benchmarks that name no one are recorded as `import`, as every import was before.
  const actor = options.actor ?? 'import';
  const statistics = statisticsAsTablesGrow(services.db);
  return inBackground(() => auditedWith({ import: newId() }, async () => {
    let result: ImportResult;
    try {
      result = await importCsv(withFields(options, {
        actor,
        deps: services,
        // Two chunks are in flight, and a customer's purchases are spread over the file.
        record: (inputs: unknown[], o: Parameters<typeof recordPurchases>[2]) => recordPurchases(services, inputs, withFields(o, { deferContended: true })),
        adjustPoints: pointsAdjuster(services, actor),
        written: statistics.wrote,
      }));
    } catch (error) {
      // An import stopped halfway wrote its chunks before that; its own failure is the answer.
      await statistics.finish().catch(() => undefined);
      throw error;
    }
    await statistics.finish();
    return result;
  }));
}
