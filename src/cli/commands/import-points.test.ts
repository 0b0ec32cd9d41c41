import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';

// `regulars import points FILE` as a business moving from another loyalty platform runs it:
// a LoyaltyLion export mapped without --map, a dry run that says what the import will
// credit, the import, and the same file again adding nothing.
const { run, ok, work } = useCliBusiness('import-points');

describe('regulars import points', () => {
  it('checks, imports and re-imports a points export, once', () => {
    const file = path.join(work, 'loyaltylion.csv');
    fs.writeFileSync(file, 'email,points,reason\nana@example.com,500,\nbo@example.com,1250,LoyaltyLion balance\n');
    expect(ok(run('import', 'points', file, '--dry-run'))).toContain('It would add 1,750 points and take away 0 for 2 members.');
    expect(ok(run('import', 'points', file))).toMatch(/^Imported points balances: 2 rows, 2 new, 0 already there, 0 skipped .*\n1,750 points added and 0 taken away for 2 members\./);
    const again = JSON.parse(ok(run('import', 'points', file, '--json'))) as { created: number; duplicates: number; points: unknown };
    expect(again).toMatchObject({ created: 0, duplicates: 2, points: { members: 0, credited: 0, debited: 0 } });
    const account = JSON.parse(ok(run('loyalty', 'account', 'bo@example.com', '--json'))) as { balance: number };
    expect(account.balance).toBe(1250);
  }, 120_000);
});
