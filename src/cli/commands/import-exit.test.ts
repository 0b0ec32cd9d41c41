import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';

// What `regulars import` exits with, for a script that imports files unattended.
const { run, ok, work } = useCliBusiness('import-exit');
const file = (name: string, text: string) => {
  const at = path.join(work, name);
  fs.writeFileSync(at, text);
  return at;
};

describe('regulars import: its exit status', () => {
  // QA: --skip-invalid exited 0 when every row was refused: nothing imported looked like success.
  it('fails with --skip-invalid when no row of the file could be imported, and succeeds once one is', () => {
    const bad = file('all-bad.csv', 'external_id,email,total,occurred_at\nx1,,5.00,2026-03-01\nx2,not-an-email,5.00,2026-03-01\n');
    const refused = run('import', 'purchases', bad, '--skip-invalid');
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stdout).toContain('Nothing imported: 2 rows have errors (2 rows in the file), and --skip-invalid left no row to import.');
    expect(run('import', 'purchases', bad, '--skip-invalid', '--dry-run').status).toBe(1);
    const json = run('import', 'purchases', bad, '--skip-invalid', '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: 2, invalid: 2, created: 0, imported: true });

    const oneGood = file('one-good.csv', 'external_id,email,total,occurred_at\nx3,ana@example.com,5.00,2026-03-01\nx4,not-an-email,5.00,2026-03-01\n');
    expect(ok(run('import', 'purchases', oneGood, '--skip-invalid'))).toContain('1 new, 0 already there, 1 skipped as invalid');
    // Imported before, the good row is found there: the file still imported all it could.
    expect(ok(run('import', 'purchases', oneGood, '--skip-invalid'))).toContain('0 new, 1 already there, 1 skipped as invalid');
  }, 120_000);

  // Regression: a NUL character (the byte 0) in a cell crashed the command with the database's
  // "unsupported Unicode escape sequence", the row unnamed (unstorable-cells.test.ts).
  it('refuses a row whose cell holds a NUL character, naming its line and column', () => {
    const nul = file('nul.csv', 'external_id,first_name\nn1,Ann\u0000\nn2,Bob\n');
    const refused = run('import', 'customers', nul);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stdout).toBe([
      'Nothing imported: 1 row has errors (2 rows in the file). Fix them, or use --skip-invalid.',
      '  line 2, column first_name: contains the character U+0000, which text cannot hold',
      '',
    ].join('\n'));
    expect(ok(run('import', 'customers', nul, '--skip-invalid'))).toContain('2 rows, 1 new, 0 already there, 1 skipped as invalid');
  }, 120_000);
});
