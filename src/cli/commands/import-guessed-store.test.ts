import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';

// QA: a Slovenian till's "Trgovina" column was not guessed (its purchases imported without
// their store); guessed, a column of store names failed every row without saying the column
// was a guess, nor how to import the file without it.
const { run, ok, work } = useCliBusiness('import-guessed-store');
const file = (name: string, text: string) => {
  const at = path.join(work, name);
  fs.writeFileSync(at, text);
  return at;
};

describe('regulars import: a guessed store column', () => {
  it('reads store codes from "Trgovina", and tells a column of names how to be left out (--map store=)', () => {
    ok(run('stores', 'create', '--code', 'LJ1', '--name', 'Ljubljana', '--time-zone', 'Europe/Ljubljana'));
    const codes = file('codes.csv', 'order_id,email,date,total,Trgovina\nA1,a@example.com,2026-01-05T10:00:00Z,12.50,LJ1\n');
    const dry = run('import', 'purchases', codes, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stderr).toContain('store=Trgovina');
    const names = file('names.csv', 'order_id,email,date,total,Trgovina\nA2,a@example.com,2026-01-05T10:00:00Z,12.50,Ljubljana\n');
    const refused = run('import', 'purchases', names, '--dry-run');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('line 2, column Trgovina: unknown store "Ljubljana" (create it first: regulars stores create, or POST /api/v1/stores) (the column "Trgovina" was guessed as store; if it holds something else, import without it: --map store=)');
    expect(ok(run('import', 'purchases', names, '--dry-run', '--map', 'store='))).toContain('The import would add 1');
  }, 120_000);
});
