import { importCsv, type FileFormat, type ImportKind, type ImportProgress, type ImportVia } from '../modules/imports/index.ts';
import { inBackground } from '../db/index.ts';
import type { Services } from '../services.ts';
import { recordPurchases } from './record-purchases.ts';
import { pointsAdjuster } from './import-points.ts';
import { withFields } from '../shared/objects.ts';
import type { Language } from '../shared/messages/index.ts';

// A CSV file into the store, through the same purchase workflow the API uses (a points
// file's rows through the staff adjustment: import-points.ts). Background
// work: on the embedded database, requests go first (db/priority.ts).
export function importFile(
  services: Pick<Services, 'db' | 'config' | 'stores' | 'clock' | 'customers' | 'commerce' | 'loyalty'>,
  options: { kind: ImportKind; file: string; map?: Record<string, string>; via?: ImportVia; format?: FileFormat; skipInvalid?: boolean; dryRun?: boolean; onProgress?: (p: ImportProgress) => void; language?: Language },
) {
  return inBackground(() => importCsv(withFields(options, {
    deps: services,
    // Two chunks are in flight, and a customer's purchases are spread over the file.
    record: (inputs: unknown[], o: Parameters<typeof recordPurchases>[2]) => recordPurchases(services, inputs, withFields(o, { deferContended: true })),
    adjustPoints: pointsAdjuster(services),
  })));
}
