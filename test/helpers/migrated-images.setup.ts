import { ADMIN_URL, testDatabaseKind } from './database.ts';
import { ensureMigratedPgliteImage, ensureMigratedPostgresTemplate, PGLITE_IMAGE_VARIABLE, POSTGRES_TEMPLATE_VARIABLE } from './migrated-images.ts';

// vitest's global setup, once a run before the test files: the migrated database the files'
// databases are copied from (migrated-images.ts). The test processes are forked after this,
// so they inherit the variable.
export default async function setup(): Promise<void> {
  if (testDatabaseKind === 'pglite') {
    process.env[PGLITE_IMAGE_VARIABLE] ||= await ensureMigratedPgliteImage();
  } else {
    process.env[POSTGRES_TEMPLATE_VARIABLE] ||= await ensureMigratedPostgresTemplate(ADMIN_URL);
  }
}
