import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars customers list|show|export|erase|merge` as a user runs them, on the embedded database
// or (REGULARS_TEST_DB=postgres) a PostgreSQL one, with a case worked out by hand: 10 points
// a euro, 200 for a first purchase. Ana (ana@example.com) buys for 30.00: 300 + 200 = 500.
// Her duplicate, card-77 (anka@example.com), buys for 12.50: 125 + 200 = 325. Ben buys for
// 2.50: 25 + 200 = 225. Merged, Ana holds 500 + 325 less the second first-purchase bonus
// (200, once per person) = 625. Each command is a process of its own (1–3 s on PGlite).
const cli = useCliBusiness('customers');
const { run, json, ok, work } = cli;

const PROGRAM = {
  name: 'Test points', point_value: '0.01', enrolment: 'automatic', pending_days: 0,
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { first_purchase: 200 },
  rewards: [],
};

/** An instant as the CLI writes it: its date and time in Ljubljana, the business's zone. */
const local = (at: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Ljubljana', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(at));

type Listed = { items: { id: string; email: string | null; stats: { net_spend: string }; loyalty: { points: number } | null }[]; next_cursor: string | null };
type Exported = { profile: { id: string; email: string | null; identities: { kind: string; value: string }[] }; purchases: { external_id: string }[]; stats: { purchases: number; net_spend: string }; loyalty: { balance: number } | null };

/** Purchases written to `file` in the work folder, under `header`, and imported by the command. */
function importPurchases(file: string, header: string, rows: string[]) {
  fs.writeFileSync(path.join(work, file), [header, ...rows].join('\n'));
  ok(run('import', 'purchases', file));
}

beforeAll(async () => {
  fs.writeFileSync(path.join(work, 'program.json'), JSON.stringify(PROGRAM));
  ok(run('loyalty', 'apply', 'program.json'));
  importPurchases('purchases.csv', 'external_id,customer_email,customer_external_id,customer_first_name,occurred_at,total', [
    'o-1,ana@example.com,,Ana,2026-11-01T10:00:00Z,30.00',
    'o-2,anka@example.com,card-77,,2026-11-02T10:00:00Z,12.50',
    'o-3,ben@example.com,,Ben,2026-11-03T10:00:00Z,2.50',
  ]);
}, 120_000);

describe('regulars customers', () => {
  let anaId: string;

  it('lists the customers as GET /customers does: a table by default, sorted, paged, the raw page with --json', () => {
    // Newest record first (created_at; one import writes them at one instant, so by id, newest first).
    const lines = ok(run('customers', 'list')).split('\n');
    expect(lines[0]).toMatch(/^Customer {2,}Id {2,}Customer since {2,}Purchases {2}Net spend {2}Last purchase {2,}Points to spend {2}Tier$/);
    const byId = json<Listed>(run('customers', 'list', '--json')).items.map((c) => c.id);
    expect([...byId].sort().reverse()).toEqual(byId);
    const rows: Record<string, string> = {
      // Customer since: imported today, each a customer since their first purchase.
      'ana@example.com': 'Ana ID 2026-11-01 11:00 1 €30.00 2026-11-01 11:00 500 —',
      'anka@example.com': 'anka@example.com ID 2026-11-02 11:00 1 €12.50 2026-11-02 11:00 325 —',
      'ben@example.com': 'Ben ID 2026-11-03 11:00 1 €2.50 2026-11-03 11:00 225 —',
    };
    const emails = json<Listed>(run('customers', 'list', '--json')).items.map((c) => c.email!);
    expect(lines.slice(1).map((l) => l.replace(/[0-9a-f-]{36}/, 'ID').replace(/ +/g, ' '))).toEqual([...emails.map((e) => rows[e]), '']);
    const best = json<Listed>(run('customers', 'list', '--sort', '-net_spend', '--json'));
    expect(best.items.map((c) => [c.email, c.stats.net_spend, c.loyalty?.points])).toEqual([['ana@example.com', '30.00', 500], ['anka@example.com', '12.50', 325], ['ben@example.com', '2.50', 225]]);
    expect(best.next_cursor).toBeNull();
    // A page of 2 ends with the cursor to go on from; --cursor goes on, --all reads to the end.
    const first = ok(run('customers', 'list', '--sort', 'points', '--limit', '2', '--language', 'sl')).split('\n');
    expect(first[0]).toMatch(/^Stranka +Id +Stranka od +Nakupi +Neto poraba +Zadnji nakup +Točke za porabo +Raven$/);
    expect(first.slice(1, 3).map((l) => l.split(/ {2,}/)[0])).toEqual(['Ben', 'anka@example.com']);
    const cursor = /--cursor (\S+)/.exec(first[3])![1];
    expect(first[3]).toBe(`Še več strank: isti ukaz z --cursor ${cursor} (ali --all za vse).`);
    expect(json<Listed>(run('customers', 'list', '--sort', 'points', '--cursor', cursor, '--json')).items.map((c) => c.email)).toEqual(['ana@example.com']);
    expect(json<Listed>(run('customers', 'list', '--sort', 'points', '--all', '--json')).items.map((c) => c.email)).toEqual(['ben@example.com', 'anka@example.com', 'ana@example.com']);
    // Customer since: imported today, each a customer since their first purchase (1, 2 and 3 November).
    expect(json<Listed>(run('customers', 'list', '--sort', 'customer_since', '--all', '--json')).items.map((c) => c.email)).toEqual(['ana@example.com', 'anka@example.com', 'ben@example.com']);
    expect(json<Listed>(run('customers', 'list', '--sort', '-customer_since', '--json')).items.map((c) => c.email)).toEqual(['ben@example.com', 'anka@example.com', 'ana@example.com']);
    expect(json<Listed>(run('customers', 'list', '--search', 'ana', '--json')).items.map((c) => c.email)).toEqual(['ana@example.com']);
    expect(ok(run('customers', 'list', '--tag', 'vip'))).toBe('No customers found.\n');
  }, 120_000);

  it('refuses a bad --sort, naming the option and the sorts there are, with every other bad option at once', () => {
    const refused = run('customers', 'list', '--sort', 'spend', '--limit', '0');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe([
      'Error: Invalid query:',
      '  - --limit: must be at least 1',
      '  - --sort: must be one of created_at, -created_at, customer_since, -customer_since, name, -name, last_purchase_at, -last_purchase_at, net_spend, -net_spend, purchases, -purchases, points, -points',
      '',
    ].join('\n'));
    expect(run('customers', 'list', '--sort', '-spend', '--language', 'da').stderr).toBe(
      'Fejl: Ugyldig forespørgsel: --sort: skal være en af created_at, -created_at, customer_since, -customer_since, name, -name, last_purchase_at, -last_purchase_at, net_spend, -net_spend, purchases, -purchases, points, -points\n');
  }, 240_000);

  it('shows a customer: identities, consent, purchases at a glance, points', () => {
    const lines = ok(run('customers', 'show', 'ana@example.com')).split('\n');
    anaId = /\(([0-9a-f-]{36})\)$/.exec(lines[0])![1];
    expect(lines).toEqual([
      `Ana (${anaId})`,
      'Identities: email ana@example.com',
      'Consent: email not asked; SMS not asked',
      'Language: —; time zone: —; birthday: —; home store: —; tags: —',
      'Customer since 2026-11-01 11:00',
      'Purchases: 1; purchase days: 1; net spend: €30.00 (refunded: €0.00); last: 2026-11-01 11:00',
      expect.stringMatching(/^Loyalty: points to spend: 500; pending: 0; tier: —; member since \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      '',
    ]);
  }, 240_000);

  it('refuses to erase without --yes, saying what it would erase, and changes nothing; the export still holds everything', () => {
    const refused = run('customers', 'erase', 'ben@example.com', '--language', 'sl');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^Napaka: --yes: To bi izbrisalo osebne podatke stranke ben@example\.com \([0-9a-f-]{36}\): ime, identitete \(ben@example\.com\), .*Njeni nakupi \(1\) in seštevki ostanejo, anonimno; njene točke zvestobe \(225\) zapadejo\. .*--yes/s);
    // To standard output by default: everything stored, as GET /customers/{id}/export.
    const ben = json<Exported>(run('customers', 'export', 'ben@example.com'));
    expect(ben.profile.email).toBe('ben@example.com');
    expect(ben.purchases.map((p) => p.external_id)).toEqual(['o-3']);
    expect(ben.loyalty?.balance).toBe(225);
  }, 240_000);

  it('merges a duplicate, found by its card, only with --yes: without it shows both side by side and changes nothing; the export shows it all on the survivor', () => {
    const asked = run('customers', 'merge', 'ana@example.com', 'card-77');
    expect(asked.status).toBe(1);
    expect(asked.stdout).toBe('');
    const told = asked.stderr.split('\n').map((l) => l.replace(/[0-9a-f-]{36}/g, 'ID').trimEnd().replace(/ {2,}/g, ' | '));
    expect(told).toEqual([
      'Error: --yes: This would merge card-77 (ID) into ana@example.com (ID): its identities, purchases, points and history move to the customer kept, '
        + 'and a once-per-person bonus had under both is taken back. It cannot be undone. Run it again with --yes to merge.',
      ' | Kept | Merged into it',
      'Customer | Ana (ID) | anka@example.com (ID)',
      'Identities | ana@example.com | anka@example.com, card-77',
      'Purchases | 1 | 1',
      'Net spend | €30.00 | €12.50',
      'Points to spend | 500 | 325',
      'Pending points | 0 | 0',
      '',
    ]);
    expect(json<Exported>(run('customers', 'export', 'card-77')).loyalty?.balance).toBe(325);

    const merged = json<{ customer: { id: string }; merged_id: string; moved: Record<string, number>; replayed: boolean }>(run('customers', 'merge', 'ana@example.com', 'card-77', '--yes', '--json'));
    expect(merged.customer.id).toBe(anaId);
    expect(merged.moved).toMatchObject({ identities: 2, purchases: 1, loyalty_points: 325, duplicate_bonuses: 1, duplicate_bonus_points: 200 });
    expect(merged.replayed).toBe(false);
    // The same merge again (the duplicate by its id: its card is the survivor's now) changes nothing and says so.
    expect(ok(run('customers', 'merge', anaId, merged.merged_id, '--yes'))).toBe(
      `${merged.merged_id} was merged into ${anaId} before: nothing changed. That merge moved: identities: 2, purchases: 1, loyalty points: 325, once-per-person bonuses had twice, taken back: 1, points of those bonuses: 200.\n`);
    // Asked without --yes, the pair merged already is nothing to do, as with it (exit 0), saying
    // when, where it showed the server's "merged into" 404 through a server.
    const before = json<{ merged_id: string; merged_into: string; merged_at: string; already_merged: boolean }>(run('customers', 'merge', anaId, merged.merged_id, '--json'));
    expect(before).toMatchObject({ merged_id: merged.merged_id, merged_into: anaId, already_merged: true });
    expect(Date.now() - Date.parse(before.merged_at)).toBeLessThan(120_000);
    expect(ok(run('customers', 'merge', anaId, merged.merged_id))).toBe(`${merged.merged_id} was merged into ${anaId} already, on ${local(before.merged_at)}: nothing to merge.\n`);
    expect(ok(run('customers', 'merge', anaId, merged.merged_id, '--language', 'sl'))).toBe(`Stranka ${merged.merged_id} je bila s stranko ${anaId} združena že ${local(before.merged_at)}: ni česa združiti.\n`);
    // The merged id shown: into whom, and when.
    expect(run('customers', 'show', merged.merged_id).stderr).toBe(`Error: Customer ${merged.merged_id} (merged into ${anaId}) not found: merged on ${local(before.merged_at)}\n`);
    // The same command run again as it was first run, the duplicate by its card or its email
    // (Ana's now, brought by that merge: the merged record held them), answers as the retry by
    // id does, exit 0: merged before, with what that merge moved (--yes) or when (without).
    for (const dup of ['card-77', 'anka@example.com']) {
      expect(ok(run('customers', 'merge', 'ana@example.com', dup, '--yes'))).toBe(
        `${dup} (${merged.merged_id}) was merged into ana@example.com (${anaId}) before: nothing changed. That merge moved: identities: 2, purchases: 1, loyalty points: 325, once-per-person bonuses had twice, taken back: 1, points of those bonuses: 200.\n`);
      expect(json<{ merged_id: string; replayed: boolean }>(run('customers', 'merge', 'ana@example.com', dup, '--yes', '--json'))).toMatchObject({ merged_id: merged.merged_id, replayed: true });
      expect(ok(run('customers', 'merge', 'ana@example.com', dup))).toBe(`${dup} (${merged.merged_id}) was merged into ana@example.com (${anaId}) already, on ${local(before.merged_at)}: nothing to merge.\n`);
    }
    // One customer named twice, the duplicate by what was always the kept one's own (her email,
    // her id), is refused, as the merge refuses it, not shown side by side.
    for (const [kept, dup] of [['card-77', 'ana@example.com'], ['ana@example.com', 'ana@example.com'], [anaId, 'ana@example.com'], ['anka@example.com', anaId]]) {
      for (const yes of [[], ['--yes']]) {
        const itself = run('customers', 'merge', kept, dup, ...yes);
        expect([itself.status, itself.stdout, itself.stderr]).toEqual([1, '', 'Error: duplicate: a customer cannot be merged into itself\n']);
      }
    }

    ok(run('customers', 'export', anaId, '--out', 'ana.json'));
    expect(fs.statSync(path.join(work, 'ana.json')).mode & 0o777).toBe(0o600);
    const ana = JSON.parse(fs.readFileSync(path.join(work, 'ana.json'), 'utf8')) as Exported;
    expect(ana.profile.identities.map((i) => i.value).sort()).toEqual(['ana@example.com', 'anka@example.com', 'card-77']);
    expect(ana.purchases.map((p) => p.external_id).sort()).toEqual(['o-1', 'o-2']);
    expect(ana.stats).toMatchObject({ purchases: 2, net_spend: '42.50' });
    expect(ana.loyalty?.balance).toBe(625);
  }, 240_000);

  it('erases with --yes, telling what the erasure did; the customer is gone, and the exports, the merge and the erasure are in the activity log as the command line', () => {
    const erased = json<{ erased: boolean; customer_id: string; erased_at: string; loyalty_points_forfeited: number; loyalty_points_held: number }>(run('customers', 'erase', anaId, '--yes', '--json'));
    expect(erased).toMatchObject({ erased: true, customer_id: anaId, loyalty_points_forfeited: 625, loyalty_points_held: 0, merged_customers_erased: 1 });
    expect(Date.now() - Date.parse(erased.erased_at)).toBeLessThan(60_000);
    expect(ok(run('customers', 'erase', 'ben@example.com', '--yes'))).toMatch(
      /^Erased the personal data of ben@example\.com \([0-9a-f-]{36}\)\. Their purchases and totals stay, anonymous; loyalty points forfeited: 225\.\n$/);
    const gone = run('customers', 'show', 'ben@example.com');
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('customer: no customer found for "ben@example.com"');
    // By id, an erased customer is said to be erased, and when, by every command (not "not found" alone).
    expect(run('customers', 'show', anaId).stderr).toBe(`Error: Customer ${anaId} not found: the customer was erased on ${local(erased.erased_at)}\n`);
    expect(run('loyalty', 'account', anaId, '--language', 'da').stderr).toBe(`Fejl: Kunden ${anaId} blev ikke fundet: kunden blev slettet ${local(erased.erased_at)}\n`);
    const log = json<{ items: { action: string; by: { kind: string } }[] }>(run('audit', '--action', 'customer.', '--json'));
    // Newest first: Ben's erasure, Ana's, Ana's export, the merge, card-77's export before it, Ben's export.
    expect(log.items.map((e) => [e.action, e.by.kind])).toEqual([
      ['customer.erase', 'cli'], ['customer.erase', 'cli'], ['customer.export', 'cli'], ['customer.merge', 'cli'], ['customer.export', 'cli'], ['customer.export', 'cli'],
    ]);
  }, 240_000);

  it('answers a merge run again by the duplicate\'s second card as merged before (exit 0), changing nothing; the kept one\'s own email is still refused', () => {
    // Dora's duplicate carries two cards (the second added by its next purchase): the merged
    // row keeps one, the merge records both as moved.
    importPurchases('two-cards.csv', 'external_id,customer_email,customer_external_id,customer_first_name,occurred_at,total', [
      'o-6,dora@example.com,,Dora,2026-11-06T10:00:00Z,4.00',
      'o-7,dora.dup@example.com,card-90,,2026-11-07T10:00:00Z,3.00',
      'o-8,dora.dup@example.com,card-91,,2026-11-08T10:00:00Z,2.00',
    ]);
    const dupId = json<{ id: string }>(run('customers', 'show', 'card-91', '--json')).id;
    const merged = json<{ customer: { id: string }; moved: Record<string, number> }>(run('customers', 'merge', 'dora@example.com', 'card-90', '--yes', '--json'));
    expect(merged.moved).toMatchObject({ identities: 3, purchases: 2 });
    const doraId = merged.customer.id;
    const dora = JSON.parse(ok(run('customers', 'export', doraId))) as { exported_at: string };
    expect(ok(run('customers', 'merge', 'dora@example.com', 'card-91', '--yes'))).toMatch(
      new RegExp(`^card-91 \\(${dupId}\\) was merged into dora@example\\.com \\(${doraId}\\) before: nothing changed\\. That merge moved: identities: 3, purchases: 2, `));
    expect(json<{ merged_id: string; replayed: boolean }>(run('customers', 'merge', 'dora@example.com', 'card-91', '--yes', '--json'))).toMatchObject({ merged_id: dupId, replayed: true });
    const before = json<{ merged_at: string; already_merged: boolean }>(run('customers', 'merge', doraId, dupId, '--json'));
    expect(ok(run('customers', 'merge', 'dora@example.com', 'card-91'))).toBe(`card-91 (${dupId}) was merged into dora@example.com (${doraId}) already, on ${local(before.merged_at)}: nothing to merge.\n`);
    // Nothing changed: the export is as before the retries (but for when it was taken).
    expect({ ...JSON.parse(ok(run('customers', 'export', doraId))), exported_at: dora.exported_at }).toEqual(dora);
    const itself = run('customers', 'merge', 'card-91', 'dora@example.com', '--yes');
    expect([itself.status, itself.stdout, itself.stderr]).toEqual([1, '', 'Error: duplicate: a customer cannot be merged into itself\n']);
    expect(json<{ merged_customers_erased: number }>(run('customers', 'erase', doraId, '--yes', '--json')).merged_customers_erased).toBe(1);
  }, 240_000);
});

describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('lists, shows, exports, merges and erases the same way', async () => {
    importPurchases('more.csv', 'external_id,customer_email,customer_external_id,occurred_at,total', [
      'o-4,cara@example.com,,2026-11-04T10:00:00Z,5.00',
      'o-5,,card-88,2026-11-05T10:00:00Z,7.00',
    ]);
    server = await startServeProcess(BIN, cli.env());
    // Ana and Ben erased, card-77 merged: Cara and card-88 are left, card-88 with the larger net spend.
    const listed = json<Listed>(run('customers', 'list', '--sort', '-net_spend', '--limit', '1', '--json'));
    expect(listed.items.map((c) => [c.email, c.stats.net_spend])).toEqual([[null, '7.00']]);
    expect(listed.next_cursor).not.toBeNull();
    expect(json<Listed>(run('customers', 'list', '--sort', '-net_spend', '--cursor', listed.next_cursor!, '--all', '--json')).items.map((c) => c.email)).toEqual(['cara@example.com']);
    expect(ok(run('customers', 'list', '--search', 'cara'))).toMatch(/^Customer +Id +Customer since +Purchases +Net spend +Last purchase +Points to spend +Tier\ncara@example\.com +[0-9a-f-]{36} +2026-11-04 11:00 +1 +€5\.00 +2026-11-04 11:00 +250 +—\n$/);
    expect(run('customers', 'list', '--sort', 'bogus').stderr).toMatch(/^Error: Invalid query: --sort: must be one of created_at, /);

    const asked = run('customers', 'merge', 'cara@example.com', 'card-88');
    expect(asked.status).toBe(1);
    expect(asked.stderr).toMatch(/^Error: --yes: This would merge card-88 .*\n +Kept +Merged into it\n/);
    expect(asked.stderr).toMatch(/\nPoints to spend +250 +270\n/);
    const card88 = json<{ id: string }>(run('customers', 'show', 'card-88', '--json')).id;
    expect(ok(run('customers', 'merge', 'cara@example.com', 'card-88', '--yes', '--language', 'da')))
      .toMatch(/^card-88 \([0-9a-f-]{36}\) er lagt sammen med cara@example\.com \([0-9a-f-]{36}\)\. Flyttet: identiteter: 1, køb: 1, loyalitetspoint: 270, engangsbonusser fået to gange, taget tilbage: 1, point af de bonusser: 200\.\n$/);
    // Sent again (the duplicate by its id: its card is Cara's now), the server answers it as
    // done before (Idempotent-Replayed: true), and the command says so, not "merged".
    expect(ok(run('customers', 'merge', 'cara@example.com', card88, '--yes'))).toMatch(
      new RegExp(`^${card88} was merged into cara@example\\.com \\([0-9a-f-]{36}\\) before: nothing changed\\. That merge moved: identities: 1, purchases: 1, loyalty points: 270, `));
    expect(json<{ replayed: boolean }>(run('customers', 'merge', 'cara@example.com', card88, '--yes', '--json')).replayed).toBe(true);
    const cara = json<Exported>(run('customers', 'export', 'cara@example.com'));
    expect(cara.purchases.map((p) => p.external_id).sort()).toEqual(['o-4', 'o-5']);
    expect(cara.loyalty?.balance).toBe(250 + 270 - 200); // 50 + 200, then 70 + 200 moved, less the second first-purchase bonus
    // The pair merged already, asked without --yes: nothing to do, when it was done (not the server's 404).
    const before = json<{ merged_at: string; already_merged: boolean }>(run('customers', 'merge', 'cara@example.com', card88, '--json'));
    expect(before.already_merged).toBe(true);
    expect(ok(run('customers', 'merge', 'cara@example.com', card88, '--language', 'tr'))).toMatch(
      new RegExp(`^${card88}, cara@example\\.com \\([0-9a-f-]{36}\\) ile zaten ${local(before.merged_at)} tarihinde birleştirildi: birleştirilecek bir şey yok\\.\n$`));
    // The same command again, the duplicate by its card (Cara's now, brought by that merge): done before, exit 0.
    expect(ok(run('customers', 'merge', 'cara@example.com', 'card-88', '--yes'))).toMatch(
      new RegExp(`^card-88 \\(${card88}\\) was merged into cara@example\\.com \\([0-9a-f-]{36}\\) before: nothing changed\\. That merge moved: identities: 1, purchases: 1, loyalty points: 270, `));
    expect(ok(run('customers', 'merge', 'cara@example.com', 'card-88'))).toBe(`card-88 (${card88}) was merged into cara@example.com (${cara.profile.id}) already, on ${local(before.merged_at)}: nothing to merge.\n`);
    // Cara's own email as the duplicate names her for no merge: refused.
    const itself = run('customers', 'merge', 'card-88', 'cara@example.com');
    expect([itself.status, itself.stderr]).toEqual([1, 'Error: duplicate: a customer cannot be merged into itself\n']);
    const erased = json<{ erased_at: string }>(run('customers', 'erase', 'cara@example.com', '--yes', '--json'));
    expect(run('customers', 'show', cara.profile.id).stderr).toBe(`Error: Customer ${cara.profile.id} not found: the customer was erased on ${local(erased.erased_at)}\n`);
    expect(run('loyalty', 'account', cara.profile.id, '--language', 'ru').stderr).toBe(`Ошибка: Клиент ${cara.profile.id} не найден: клиент был удалён ${local(erased.erased_at)}\n`);
  }, 240_000);
});
