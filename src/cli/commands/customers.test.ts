import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars customers show|export|erase|merge` as a user runs them, on the embedded database
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

type Exported = { profile: { id: string; email: string | null; identities: { kind: string; value: string }[] }; purchases: { external_id: string }[]; stats: { purchases: number; net_spend: string }; loyalty: { balance: number } | null };

beforeAll(async () => {
  fs.writeFileSync(path.join(work, 'program.json'), JSON.stringify(PROGRAM));
  ok(run('loyalty', 'apply', 'program.json'));
  fs.writeFileSync(path.join(work, 'purchases.csv'), [
    'external_id,customer_email,customer_external_id,customer_first_name,occurred_at,total',
    'o-1,ana@example.com,,Ana,2026-11-01T10:00:00Z,30.00',
    'o-2,anka@example.com,card-77,,2026-11-02T10:00:00Z,12.50',
    'o-3,ben@example.com,,Ben,2026-11-03T10:00:00Z,2.50',
  ].join('\n'));
  ok(run('import', 'purchases', 'purchases.csv'));
}, 120_000);

describe('regulars customers', () => {
  let anaId: string;

  it('shows a customer: identities, consent, purchases at a glance, points', () => {
    const lines = ok(run('customers', 'show', 'ana@example.com')).split('\n');
    anaId = /\(([0-9a-f-]{36})\)$/.exec(lines[0])![1];
    expect(lines).toEqual([
      `Ana (${anaId})`,
      'Identities: email ana@example.com',
      'Consent: email not asked; SMS not asked',
      'Language: —; time zone: —; birthday: —; home store: —; tags: —',
      'Customer since 2026-11-01 11:00',
      'Purchases: 1; purchase days: 1; net spend: 30.00 EUR (refunded: 0.00); last: 2026-11-01 11:00',
      expect.stringMatching(/^Loyalty: points to spend: 500; pending: 0; tier: —; member since \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      '',
    ]);
  });

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
  });

  it('merges a duplicate, found by its card, telling what moved; the export shows it all on the survivor', () => {
    const merged = json<{ customer: { id: string }; merged_id: string; moved: Record<string, number> }>(run('customers', 'merge', 'ana@example.com', 'card-77', '--json'));
    expect(merged.customer.id).toBe(anaId);
    expect(merged.moved).toMatchObject({ identities: 2, purchases: 1, loyalty_points: 325, duplicate_bonuses: 1, duplicate_bonus_points: 200 });

    ok(run('customers', 'export', anaId, '--out', 'ana.json'));
    expect(fs.statSync(path.join(work, 'ana.json')).mode & 0o777).toBe(0o600);
    const ana = JSON.parse(fs.readFileSync(path.join(work, 'ana.json'), 'utf8')) as Exported;
    expect(ana.profile.identities.map((i) => i.value).sort()).toEqual(['ana@example.com', 'anka@example.com', 'card-77']);
    expect(ana.purchases.map((p) => p.external_id).sort()).toEqual(['o-1', 'o-2']);
    expect(ana.stats).toMatchObject({ purchases: 2, net_spend: '42.50' });
    expect(ana.loyalty?.balance).toBe(625);
  });

  it('erases with --yes; the customer is gone, and the exports, the merge and the erasure are in the activity log as the command line', () => {
    expect(ok(run('customers', 'erase', 'ben@example.com', '--yes'))).toMatch(
      /^Erased the personal data of ben@example\.com \([0-9a-f-]{36}\)\. Their purchases and totals stay, anonymous; loyalty points forfeited: 225\.\n$/);
    const gone = run('customers', 'show', 'ben@example.com');
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('customer: no customer found for "ben@example.com"');
    const log = json<{ items: { action: string; by: { kind: string } }[] }>(run('audit', '--action', 'customer.', '--json'));
    // Newest first: Ben's export (the first test), the merge, Ana's export after it, Ben's erasure.
    expect(log.items.map((e) => [e.action, e.by.kind])).toEqual([['customer.erase', 'cli'], ['customer.export', 'cli'], ['customer.merge', 'cli'], ['customer.export', 'cli']]);
  });
});

describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('shows, exports, merges and erases the same way', async () => {
    fs.writeFileSync(path.join(work, 'more.csv'), [
      'external_id,customer_email,customer_external_id,occurred_at,total',
      'o-4,cara@example.com,,2026-11-04T10:00:00Z,5.00',
      'o-5,,card-88,2026-11-05T10:00:00Z,7.00',
    ].join('\n'));
    ok(run('import', 'purchases', 'more.csv'));
    server = await startServeProcess(BIN, cli.env());
    expect(ok(run('customers', 'merge', 'cara@example.com', 'card-88', '--language', 'da')))
      .toMatch(/^card-88 \([0-9a-f-]{36}\) er lagt sammen med cara@example\.com \([0-9a-f-]{36}\)\. Flyttet: identiteter: 1, køb: 1, loyalitetspoint: 270, engangsbonusser fået to gange, taget tilbage: 1, point af de bonusser: 200\.\n$/);
    const cara = json<Exported>(run('customers', 'export', 'cara@example.com'));
    expect(cara.purchases.map((p) => p.external_id).sort()).toEqual(['o-4', 'o-5']);
    expect(cara.loyalty?.balance).toBe(250 + 270 - 200); // 50 + 200, then 70 + 200 moved, less the second first-purchase bonus
    ok(run('customers', 'erase', 'cara@example.com', '--yes'));
    expect(run('customers', 'show', cara.profile.id).stderr).toContain(`Customer ${cara.profile.id} not found`);
  });
});
