import { ADMIN_URL, testDatabaseKind } from './database.ts';
import { PGLITE_IMAGE_VARIABLE, POSTGRES_TEMPLATE_VARIABLE, useMigratedPgliteImage, useMigratedPostgresTemplate } from './migrated-images.ts';

// vitest's global setup, once a run before the test files: the migrated database the files'
// databases are copied from (migrated-images.ts), held as in use until the run ends (the
// function answered), so a run of other migrations does not remove it meanwhile. The test
// processes are forked after this, so they inherit the variable.
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (testDatabaseKind === 'pglite') {
    if (process.env[PGLITE_IMAGE_VARIABLE]) return undefined;
    const { image, release } = await useMigratedPgliteImage();
    process.env[PGLITE_IMAGE_VARIABLE] = image;
    return async () => release();
  }
  if (process.env[POSTGRES_TEMPLATE_VARIABLE]) return undefined;
  const { template, release } = await useMigratedPostgresTemplate(ADMIN_URL);
  process.env[POSTGRES_TEMPLATE_VARIABLE] = template;
  return release;
}
