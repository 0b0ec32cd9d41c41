import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars import` is recorded in the activity log as the command line's action (`cli`),
// as every other command is, on its own and through a running server (its local token),
// each entry carrying the run's import id. Regression: the entries' actor was `import`.
const cli = useCliBusiness('import-actor');
const { run, ok, work } = cli;
type Page = { items: { action: string; actor: string; details: Record<string, unknown> }[] };
const adjustments = () => (JSON.parse(ok(run('audit', '--action', 'loyalty.adjust', '--all', '--json'))) as Page).items;

function file(name: string, text: string) {
  const at = path.join(work, name);
  fs.writeFileSync(at, text);
  return at;
}

describe('regulars import', () => {
  it("records the file's customers and points as the command line's, with the import's id", () => {
    ok(run('import', 'customers', file('customers.csv', 'email,first_name\nana@example.com,Ana\n')));
    ok(run('import', 'points', file('points.csv', 'email,points,reason\nana@example.com,500,Opening balance\nbo@example.com,20,Opening balance\n')));
    const all = (JSON.parse(ok(run('audit', '--all', '--json'))) as Page).items;
    const created = all.filter((e) => e.action === 'customer.create');
    expect(created.map((e) => e.actor)).toEqual(['cli']);
    const adjusted = adjustments();
    expect(adjusted.map((e) => [e.actor, e.details.points])).toEqual([['cli', 20], ['cli', 500]]);
    expect(adjusted[0].details.import).toBe(adjusted[1].details.import);
    expect(adjusted[0].details.import).toMatch(/^[0-9a-f-]{36}$/);
    expect(created[0].details.import).not.toBe(adjusted[0].details.import);
  }, 120_000);
});

describe.runIf(testDatabaseKind === 'pglite')('regulars import through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it("records the file's points as the command line's too", async () => {
    server = await startServeProcess(BIN, cli.env());
    ok(run('import', 'points', file('more.csv', 'email,points,reason\ncy@example.com,30,Opening balance\n')));
    const [newest, ...older] = adjustments();
    expect(newest).toMatchObject({ actor: 'cli', details: { points: 30, reason: 'Opening balance' } });
    expect(newest.details.import).toMatch(/^[0-9a-f-]{36}$/);
    expect(older.map((e) => e.details.import)).not.toContain(newest.details.import);
  }, 180_000);
});
