import fs from 'node:fs';
import path from 'node:path';

// The shared reference data (CDNOW, Online Retail) lives beside the repository, in
// ../shared/data. A clone made elsewhere (CI clones into a temporary folder) finds it
// through REGULARS_SHARED_DATA, which .ci/run sets from the clone's origin.
const ROOT = path.resolve(import.meta.dirname, '../..');

export const SHARED_DATA = [process.env.REGULARS_SHARED_DATA, path.join(ROOT, '../shared/data')]
  .filter((d): d is string => Boolean(d))
  .find((d) => fs.existsSync(d)) ?? path.join(ROOT, '../shared/data');

export const sharedData = (...parts: string[]) => path.join(SHARED_DATA, ...parts);
