import { testDatabaseKind } from './database.ts';
import { ensureMigratedPgliteImage, PGLITE_IMAGE_VARIABLE } from './pglite-image.ts';

// vitest's global setup, once a run before the test files: the migrated PGlite image
// (pglite-image.ts) the files' in-memory databases start from. The test processes are
// forked after this, so they inherit the variable.
export default async function setup(): Promise<void> {
  if (testDatabaseKind !== 'pglite' || process.env[PGLITE_IMAGE_VARIABLE]) return;
  process.env[PGLITE_IMAGE_VARIABLE] = await ensureMigratedPgliteImage();
}
