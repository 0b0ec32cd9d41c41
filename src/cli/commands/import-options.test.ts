import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';

// A POS export with local dates, imported as a user first tries it: the refusal names the
// option to give (--date-format), not the API's field (option-names.test.ts: in every
// language, and through a running server); nothing is imported until it is given.
const { run, ok, work } = useCliBusiness('import-options');

describe('regulars import: settings named as options', () => {
  it('names --date-format for a file of local dates, and imports once it is given', () => {
    const file = path.join(work, 'pos.csv');
    fs.writeFileSync(file, 'external_id,email,total,currency,occurred_at\nc1,ana@example.com,25.00,EUR,2026-03-01 10:00\n');
    const refused = run('import', 'purchases', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Error: --date-format: the dates of column occurred_at are not ISO 8601 (line 2: "2026-03-01 10:00")');
    // Nothing was imported by the refusal: the row is new now.
    expect(ok(run('import', 'purchases', file, '--date-format', 'YYYY-MM-DD HH:mm'))).toContain('1 new, 0 already there');
  }, 120_000);
});
