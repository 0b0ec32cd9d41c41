import type { Actor, Db } from '../../../db/index.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { AppError } from '../../../shared/errors.ts';
import type { Language } from '../../../shared/messages/index.ts';
import type { CommerceService, PreparedPurchase } from '../../commerce/index.ts';
import type { CustomerService, Identity, PreparedProfile } from '../../customers/index.ts';
import type { AdjustmentInput, LoyaltyService } from '../../loyalty/index.ts';
import type { FileFormat } from '../rows/file-format.ts';
import type { ImportKind, ImportVia } from '../rows/mapping.ts';

// What a caller hands importCsv: the services it writes through, the file and how to read
// it. Apart from import.service.ts so that both passes (validation-pass.ts, import-pass.ts)
// and refunded-amounts.ts can name these without importing the service that runs them.

export interface ImportDeps {
  db: Db;
  /**
   * The business currency (a file with line items adds them up in it when it has no total)
   * and time zone (a row's wall-clock time without a store is read in it: file-format.ts).
   */
  config: { currency: string; timeZone: string };
  stores: { list(): Promise<{ code: string; time_zone: string }[]> };
  clock: Clock;
  customers: CustomerService;
  commerce: CommerceService;
  /** A points file's members: what they can spend and the adjustments made before; what the program calls its points (points-pass.ts). */
  loyalty: Pick<LoyaltyService, 'spendable' | 'adjustmentsMade' | 'programAt' | 'maintenance'>;
}

/** `recordPurchases` from the workflows layer, passed in so this module does not depend upward. */
export type RecordPurchases = (
  inputs: unknown[],
  options: { source: string; withViews: boolean; prepared?: (PreparedPurchase | AppError)[]; reviewsUntil?: Date },
) => Promise<({ status: 'created' | 'duplicate' } | { status: 'error'; error: AppError })[]>;

/**
 * A batch of points rows' adjustments, in the file's order, from the workflows layer
 * (workflows/import-points.ts): each row's customer found or created, its points adjusted
 * once by the row's key, all in one transaction; a row refused (not enough points) is its
 * AppError in the answer, and the others are written. Any other failure is thrown, and
 * nothing of the batch is written.
 */
export type AdjustPoints = (rows: PointsAdjustment[]) => Promise<({ created: boolean; customerId: string } | AppError)[]>;
export interface PointsAdjustment {
  key: string; identities: Identity[]; profile: PreparedProfile; adjustment: AdjustmentInput; expiresAt: Date | undefined;
}

export interface ImportProgress {
  phase: 'validate' | 'import';
  rows: number;
  bytes: number;
  total_bytes: number;
}

export interface ImportOptions {
  deps: ImportDeps;
  /** Who runs the import (a staff user, an API key, `cli`): the actor of the audit entries its writes make; `import` when not said (tests). */
  actor?: Actor;
  record: RecordPurchases;
  /** How a points file's rows are written (the points kind needs it). */
  adjustPoints?: AdjustPoints;
  kind: ImportKind;
  file: string;
  map?: Record<string, string>;
  /** Where the import came from, for how a refusal of a missing column says to map one (mapping.ts); the command line's --map by default. */
  via?: ImportVia;
  /** How the file writes dates and numbers, when not as the API does. */
  format?: FileFormat;
  skipInvalid?: boolean;
  /** Check the file and tell what it would import; write nothing (dry-run.ts). */
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Told the rows each chunk of the import pass added (created, not found there already),
   * and waited for: the workflow refreshes the tables' statistics as they grow
   * (workflows/import-file.ts).
   */
  written?: (rows: number) => Promise<unknown>;
  /** The language of the report's reasons (the dashboard's); English by default. */
  language?: Language;
  /** Rows validated at a time. */
  chunkSize?: number;
  /**
   * Purchases recorded per transaction. Each holds an advisory lock per order id and
   * identity until it commits, in PostgreSQL's shared lock table; large transactions take
   * turns for room in it (withLockRoom, src/db/locks.ts).
   */
  recordSize?: number;
}
