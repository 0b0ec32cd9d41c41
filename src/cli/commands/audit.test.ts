import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars audit` as an owner runs it, on the embedded database or (REGULARS_TEST_DB=postgres)
// a PostgreSQL one: the command line's own writes read back newest first, one line an entry
// on the clock of the business's time zone, in the language asked; GET /audit's filters and
// paging; a bad filter refused, naming it.
const cli = useCliBusiness('audit');
const { run, runIn, ok } = cli;
type Page = { items: { action: string; actor: string; subject: string | null; at: string; details: Record<string, unknown> }[]; next_cursor: string | null };
const page = (...args: string[]) => JSON.parse(ok(run('audit', ...args, '--json'))) as Page;
const WHEN = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}';

beforeAll(async () => {
  // Four writes of the command line, oldest first.
  ok(run('users', 'create', '--email', 'ana@example.com', '--role', 'manager', '--name', 'Ana Novak'));
  ok(run('users', 'role', 'ana@example.com', 'owner'));
  ok(run('stores', 'create', '--code', 'lj-center', '--name', 'Ljubljana centre', '--time-zone', 'Europe/Ljubljana', '--city', 'Ljubljana'));
  ok(run('gift-cards', 'issue', '--amount', '20.00', '--key', 'card-1'));
}, 180_000);

describe('regulars audit', () => {
  it('prints the activity log newest first, one line an entry, in the language asked', () => {
    const en = ok(run('audit')).trimEnd().split('\n');
    expect(en).toHaveLength(4);
    expect(en[0]).toMatch(new RegExp(`^${WHEN}  Command line  Issued a gift card +[A-Z0-9-]{8,}  amount: €20\\.00$`));
    expect(en[1]).toMatch(new RegExp(`^${WHEN}  Command line  Added a store +lj-center +Ljubljana centre — Ljubljana — Europe/Ljubljana$`));
    expect(en[2]).toMatch(new RegExp(`^${WHEN}  Command line  Changed a staff user +ana@example\\.com +role: manager → owner$`));
    expect(en[3]).toMatch(new RegExp(`^${WHEN}  Command line  Added a staff user +ana@example\\.com +role: manager$`));
    // The time on the clock of TIMEZONE, to the minute.
    const newest = page('--limit', '1').items[0];
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana', dateStyle: 'short', timeStyle: 'short' }).format(new Date(newest.at));
    expect(en[0].startsWith(`${local}  `)).toBe(true);

    const sl = ok(run('audit', '--language', 'sl')).trimEnd().split('\n');
    expect(sl[1]).toMatch(new RegExp(`^${WHEN}  Ukazna vrstica  Nova poslovalnica +lj-center +Ljubljana centre — Ljubljana — Europe/Ljubljana$`));
    expect(sl[2]).toMatch(new RegExp(`^${WHEN}  Ukazna vrstica  Sprememba uporabnika +ana@example\\.com +vloga: vodja → lastnik$`));
  }, 120_000);

  it('filters as GET /audit does: a family, an exact action, an actor, a subject, a period', () => {
    expect(page('--family', 'user').items.map((e) => e.action)).toEqual(['user.update', 'user.create']);
    expect(page('--action', 'user.create').items.map((e) => e.subject)).toEqual(['ana@example.com']);
    expect(page('--actor', 'cli', '--subject', 'lj-center').items.map((e) => e.action)).toEqual(['store.create']);
    expect(page('--since', '2000-01-01', '--until', '2999-01-01T00:00:00+01:00').items).toHaveLength(4);
    expect(page('--since', '2999-01-01').items).toEqual([]);
    // An email alone is that staff user; nobody logged in did anything here.
    const none = run('audit', '--actor', 'Ana@Example.com', '--language', 'da');
    expect(ok(none)).toBe('Intet passer til disse filtre.\n');
  }, 120_000);

  it('reads a page at a time, says how to go on, and goes on from the cursor; --all reads every page', () => {
    const first = ok(run('audit', '--limit', '3')).trimEnd().split('\n');
    expect(first).toHaveLength(4);
    const cursor = /^Older entries: the same command with --cursor (\S+) \(or --all for every one\)\.$/.exec(first[3])?.[1];
    expect(cursor, first[3]).toBeDefined();
    const rest = page('--cursor', cursor!);
    expect(rest).toEqual({ items: [expect.objectContaining({ action: 'user.create' })], next_cursor: null });
    const all = page('--all');
    expect(all.items.map((e) => e.action)).toEqual(['gift_card.issue', 'store.create', 'user.update', 'user.create']);
    expect(all.next_cursor).toBeNull();
    expect(page('--limit', '2').next_cursor).not.toBeNull();
  }, 120_000);

  it('refuses a filter that is not one, naming each by its option, in the language asked', () => {
    const refused = run('audit', '--action', 'Loyalty Adjust', '--since', 'yesterday', '--limit', '0');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe([
      'Error: Invalid query:',
      '  - --limit: must be at least 1',
      '  - --action: must be an action such as loyalty.adjust, or a family of actions ending in a dot such as loyalty.',
      '  - --since: must be an ISO 8601 timestamp with a time zone offset (2025-03-01T10:15:00+01:00) or a date (2025-03-01)',
      '',
    ].join('\n'));
    const both = run('audit', '--action', 'user.create', '--family', 'user', '--limit', '5', '--all', '--language', 'ru');
    expect(both.status).toBe(1);
    expect(both.stderr).toBe([
      'Ошибка: Неверные параметры запроса:',
      '  - --family: укажите --action или --family, но не оба',
      '  - --all: укажите --limit или --all, но не оба',
      '',
    ].join('\n'));
    const family = run('audit', '--family', 'loyalty.adjust', '--language', 'tr');
    expect(family.status).not.toBe(0);
    expect(family.stderr).toContain("Hata: '--family <family>' seçeneğinin 'loyalty.adjust' değeri geçersiz.");
  }, 120_000);
});

// Beside a server on the embedded database the commands go through its API (GET /audit,
// PATCH /users/{email}): the same lines, the same refusal of the last owner, and the
// command line recorded as the command line, as without a server (`--actor cli` finds it).
describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('changes a role, keeps the last owner, and reads the log', async () => {
    server = await startServeProcess(BIN, cli.env());
    ok(run('users', 'create', '--email', 'bo@example.com', '--role', 'owner'));
    expect(ok(run('users', 'role', 'ana@example.com', 'manager'))).toBe('Role of ana@example.com: manager (was owner).\n');
    const refused = run('users', 'disable', 'bo@example.com', '--language', 'sl');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Napaka: bo@example\.com je edini aktivni lastnik: najprej naredite lastnika iz drugega uporabnika/);
    const lines = ok(run('audit', '--family', 'user', '--limit', '2')).trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${WHEN}  Command line  Changed a staff user  ana@example\\.com  role: owner → manager$`));
    expect(lines[1]).toMatch(new RegExp(`^${WHEN}  Command line  Added a staff user +bo@example\\.com +role: owner$`));
    expect(lines[2]).toMatch(/^Older entries: the same command with --cursor \S+ \(or --all for every one\)\.$/);
    // Recorded as the command line is without a server: --actor cli finds both.
    expect(page('--actor', 'cli', '--family', 'user', '--limit', '2').items.map((e) => [e.actor, e.subject])).toEqual([['cli', 'ana@example.com'], ['cli', 'bo@example.com']]);
  }, 180_000);

  it("tells times and amounts in the server's time zone and currency (GET /status), not the terminal's", () => {
    const elsewhere = ok(runIn({ TIMEZONE: 'America/New_York', CURRENCY: 'USD' }, 'audit', '--action', 'gift_card.issue')).trimEnd();
    const issued = page('--action', 'gift_card.issue').items[0];
    const ljubljana = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana', dateStyle: 'short', timeStyle: 'short' }).format(new Date(issued.at));
    expect(elsewhere).toMatch(new RegExp(`^${ljubljana}  Command line  Issued a gift card +[A-Z0-9-]{8,}  amount: €20\\.00$`));
    const stopped = ok(runIn({ TIMEZONE: 'Pacific/Auckland' }, 'users', 'disable', 'ana@example.com'));
    expect(stopped).toMatch(/^Stopped the logins of ana@example\.com/);
    const again = ok(runIn({ TIMEZONE: 'Pacific/Auckland' }, 'users', 'disable', 'ana@example.com'));
    const since = (JSON.parse(ok(run('users', 'list', '--json'))) as { email: string; disabled_at: string }[]).find((u) => u.email === 'ana@example.com')!.disabled_at;
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana', dateStyle: 'short', timeStyle: 'short' }).format(new Date(since));
    expect(again).toBe(`The logins of ana@example.com were already stopped (since ${local}); nothing changed.\n`);
  }, 180_000);
});
