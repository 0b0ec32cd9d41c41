import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars coupons …` and `regulars gift-cards …` as a user runs them, on the embedded
// database or (REGULARS_TEST_DB=postgres) a PostgreSQL one: a campaign made, listed, shown
// and its codes written as CSV; the same key again makes nothing; a generated key is told
// and retries safely; refusals in the language asked, with nothing made; a gift card
// issued to a customer found by email. Each command is a process of its own (1–3 s).
const cli = useCliBusiness('promotions');
const { run, json, work } = cli;

beforeAll(async () => {
  // A business with one customer: the import creates the database.
  const customers = path.join(work, 'customers.csv');
  fs.writeFileSync(customers, 'email,first_name,last_name\nana@example.com,Ana,Novak\n');
  const imported = run('import', 'customers', customers);
  expect(imported.status, imported.stderr).toBe(0);
}, 120_000);

type Made = { created: boolean; id: string; codes: string[]; idempotency_key: string };
type Listed = { id: string; name: string; kind: string; codes: number; status: string; shared_code: string | null };

/** The campaign of unique codes the first test makes, which the server's test reads again. */
let campaignId = '';

describe('regulars coupons', () => {

  it('creates a campaign of unique codes, lists and shows it, writes its codes as CSV, and makes nothing twice with the same key', () => {
    const args = ['coupons', 'create', '--name', 'Summer sale', '--count', '3', '--amount', '5.00', '--per-customer', '2', '--key', 'summer-1'];
    const made = json<Made>(run(...args, '--json'));
    expect(made).toMatchObject({ created: true, idempotency_key: 'summer-1' });
    expect(made.codes).toHaveLength(3);
    campaignId = made.id;

    const again = run(...args, '--language', 'sl');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toBe(''); // a key given is not told
    expect(again.stdout).toContain(`Kampanja "Summer sale" (${made.id}) je bila s tem ključem že ustvarjena; nič novega ni bilo narejeno.`);
    expect(again.stdout).toMatch(/kode: +3 edinstvene kode, 1 uporaba na kodo\n/);
    expect(again.stdout).toContain(`regulars coupons codes ${made.id} --csv codes.csv`);

    const listed = json<Listed[]>(run('coupons', 'list', '--json'));
    expect(listed).toEqual([expect.objectContaining({ id: made.id, name: 'Summer sale', kind: 'unique_codes', codes: 3, status: 'active' })]);

    const shown = run('coupons', 'show', made.id);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Campaign "Summer sale" (${made.id})`);
    expect(shown.stdout).toMatch(/benefit: +€5\.00 off\n/);
    expect(shown.stdout).toMatch(/per customer: +2 uses\n/);
    expect(shown.stdout).toMatch(/codes used: +0 of 3\n/);
    expect(shown.stdout).toMatch(/discount given: +€0\.00\n/);
    expect(shown.stdout).toMatch(/valid: +no time limit\n/);
    // An instant on the clock of the business's time zone (TIMEZONE), to the minute.
    expect(shown.stdout).toMatch(/created: +\d{4}-\d{2}-\d{2} \d{2}:\d{2}\n/);

    const file = path.join(work, 'summer.csv');
    const written = run('coupons', 'codes', made.id, '--csv', file);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toBe(`Wrote 3 codes to ${file}.\n`);
    const [heading, ...rows] = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(heading).toBe('code,state,uses,max_uses,last_used_at,valid_from,expires_at');
    expect(rows).toEqual([...made.codes].sort().map((code) => `${code},usable,0,1,,,`));
  }, 180_000);

  it('tells a generated key before it writes, and the same key retries safely; refuses bad options in the language asked and makes nothing', () => {
    // Until midnight in Ljubljana: the last day they work is the one before.
    const welcome = ['coupons', 'create', '--name', 'Welcome', '--code', 'WELCOME10', '--percent', '10', '--max-uses', '100', '--expires-at', '2099-01-01T00:00:00+01:00'];
    const shared = run(...welcome, '--language', 'ru');
    expect(shared.status, shared.stderr).toBe(0);
    const key = /^Ключ идемпотентности (cli-\S+): если команда прервётся, запустите её снова с --key \1 — ничего не будет создано дважды\.\n$/.exec(shared.stderr)?.[1];
    expect(key, shared.stderr).toBeDefined();
    expect(shared.stdout).toMatch(/^Кампания "Welcome" создана \(\S+\)\.\n/);
    expect(shared.stdout).toMatch(/коды: +общий код WELCOME10, всего 100 использований\n/);
    expect(shared.stdout).toMatch(/выгода: +скидка 10\s%\n/);
    expect(shared.stdout).toMatch(/срок действия: +по 2098-12-31 включительно\n/);

    const retried = json<Made>(run(...welcome, '--key', key!, '--json'));
    expect(retried).toMatchObject({ created: false, codes: ['WELCOME10'], idempotency_key: key });

    // No benefit, and both --count and --code: each said, in Turkish, before anything is opened.
    const refused = run('coupons', 'create', '--name', 'Both', '--count', '3', '--code', 'BOTH1', '--language', 'tr');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe([
      'Hata: Geçersiz kampanya:',
      '  - benefit: --amount (tutar indirimi), --percent (yüzde indirimi) veya --sku (ücretsiz ürün) seçeneklerinden birini verin',
      '  - --count: ya --count (benzersiz kodlar) ya da --code (tek bir ortak kod) verin',
      '',
    ].join('\n'));
    // A field is named as the option that sets it, as every command names them.
    const badDate = run('coupons', 'create', '--name', 'Dated', '--count', '1', '--amount', '1.00', '--expires-at', '31.12.2026');
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toMatch(/^Error: Invalid campaign: --expires-at: must be an ISO 8601 timestamp/);
    // The service's refusal of a code that exists, in Danish.
    const taken = run('coupons', 'create', '--name', 'Again', '--code', 'welcome10', '--amount', '1.00', '--key', 'again-1', '--language', 'da');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toBe('Fejl: Kuponkoden welcome10 findes allerede\n');

    const listed = json<Listed[]>(run('coupons', 'list', '--json'));
    expect(listed.map((c) => [c.name, c.shared_code])).toEqual([['Welcome', 'WELCOME10'], ['Summer sale', null]]);
  }, 180_000);
});

type Card = { created: boolean; code: string; customer_id: string | null; initial: string; balance: string; idempotency_key: string };

describe('regulars gift-cards', () => {
  it('issues a card to a customer found by email, once for one key; lists and shows it; refuses a customer it cannot find', () => {
    const args = ['gift-cards', 'issue', '--amount', '20.00', '--customer', 'ana@example.com', '--expires-at', '2099-12-31', '--key', 'card-1'];
    const card = json<Card>(run(...args, '--json'));
    expect(card).toMatchObject({ created: true, initial: '20.00', balance: '20.00', idempotency_key: 'card-1' });
    expect(card.customer_id).toMatch(/^[0-9a-f-]{36}$/);

    const again = run(...args, '--language', 'da');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^Gavekortet ${card.code} var allerede udstedt med denne nøgle; intet nyt blev lavet\\.\n`));

    const nobody = run('gift-cards', 'issue', '--amount', '5.00', '--customer', 'nobody@example.com', '--language', 'ru');
    expect(nobody.status).toBe(1);
    expect(nobody.stderr).toBe('Ошибка: --customer: клиент по запросу "nobody@example.com" не найден\n');
    // A card of nothing is refused before a key is told (as a charge's and a refund's amount are).
    const nothing = run('gift-cards', 'issue', '--amount', '0');
    expect(nothing.status).toBe(1);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toBe('Error: --amount: must be greater than 0\n');

    const listed = json<{ code: string; customer_name: string | null; status: string }[]>(run('gift-cards', 'list', '--status', 'active', '--json'));
    expect(listed).toEqual([expect.objectContaining({ code: card.code, customer_name: 'Ana Novak', status: 'active' })]);

    // A code as a customer reads it out: lower case, no dashes.
    const shown = run('gift-cards', 'show', card.code.replaceAll('-', '').toLowerCase(), '--language', 'sl');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`Darilna kartica ${card.code}\n`);
    expect(shown.stdout).toMatch(/stanje na kartici: +20,00\u00a0€ od 20,00\u00a0€\n/);
    expect(shown.stdout).toMatch(/stanje: +uporabna\n/);
    expect(shown.stdout).toContain(card.customer_id);
    // Usable through the day it was given, as it was given; not the instant the server keeps (the next midnight).
    expect(shown.stdout).toMatch(/veljavnost: +do vključno 2099-12-31\n/);
    expect(shown.stdout).toMatch(/izdana: +\d{4}-\d{2}-\d{2} \d{2}:\d{2}\n/);
    expect(JSON.parse(run('gift-cards', 'show', card.code, '--json').stdout)).toMatchObject({ expires_at: '2099-12-31T23:00:00.000Z' });
    const table = run('gift-cards', 'list');
    expect(table.stdout).toMatch(new RegExp(`\n${card.code} .+ Ana Novak +through 2099-12-31 +\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\n`));
  }, 180_000);
});

describe('regulars gift-cards charge and refund', () => {
  it('pays 50.00 from a card and gives it back as 20.00 and the rest; a retry gives nothing twice; too much is refused in the language asked', () => {
    const card = json<Card>(run('gift-cards', 'issue', '--amount', '80.00', '--key', 'card-refunds', '--json'));
    const charged = run('gift-cards', 'charge', card.code, '--amount', '50.00', '--order-ref', 'o-1', '--key', 'pay-1');
    expect(charged.status, charged.stderr).toBe(0);
    expect(charged.stdout).toBe(`Paid €50.00 with gift card ${card.code}; €30.00 is left on it.\n`);

    const refund = ['gift-cards', 'refund', card.code, '--charge', 'pay-1', '--amount', '20.00', '--reason', 'Returned', '--key', 'ret-1'];
    const first = run(...refund);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(`Gave €20.00 back to gift card ${card.code}; €50.00 is on it now. Charge pay-1: €30.00 of €50.00 is left to give back.\n`);
    const again = run(...refund, '--language', 'sl');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^To vračilo 20,00\u00a0€ je bilo s tem ključem že opravljeno; nič več ni bilo vrnjeno\./);

    const rest = json<{ created: boolean; refunded: string; charge: { refundable: string }; gift_card: { balance: string } }>(run('gift-cards', 'refund', card.code, '--charge', 'pay-1', '--key', 'ret-2', '--json'));
    expect(rest).toMatchObject({ created: true, refunded: '30.00', charge: { refundable: '0.00' }, gift_card: { balance: '80.00' } });

    const tooMuch = run('gift-cards', 'refund', card.code, '--charge', 'pay-1', '--amount', '1.00', '--key', 'ret-3', '--language', 'da');
    expect(tooMuch.status).toBe(1);
    expect(tooMuch.stderr).toContain('Betalingen pay-1 tog 50,00\u00a0€; 0,00\u00a0€ af den kan stadig gives tilbage, mindre end 1,00\u00a0€');
    const unknown = run('gift-cards', 'refund', card.code, '--charge', 'nope', '--key', 'ret-4');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`Gift card ${card.code} has no charge nope`);
    // Checked before anything is sent: no key is told for a refusal.
    const zero = run('gift-cards', 'refund', card.code, '--charge', 'pay-1', '--amount', '0', '--language', 'ru');
    expect(zero.status).toBe(1);
    expect(zero.stderr).toContain('amount');
    expect(zero.stderr).not.toContain('cli-');
    expect(json<Card>(run('gift-cards', 'show', card.code, '--json')).balance).toBe('80.00');
  }, 180_000);
});

// Beside a server on the embedded database the commands go through its API: the codes'
// CSV is its download, a customer is looked up by its search.
describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('writes a campaign\'s codes as CSV to stdout and issues a gift card to a customer found by email', async () => {
    server = await startServeProcess(BIN, cli.env());
    const csv = run('coupons', 'codes', campaignId, '--csv');
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')).toHaveLength(5); // the heading, three codes, and the last line's end
    expect(csv.stdout).toMatch(/^code,state,uses,max_uses,last_used_at,valid_from,expires_at\r\n/);

    const card = json<Card>(run('gift-cards', 'issue', '--amount', '7.50', '--customer', 'ana@example.com', '--json'));
    expect(card).toMatchObject({ created: true, initial: '7.50' });
    expect(card.customer_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(card.idempotency_key).toMatch(/^cli-/);

    // A charge and its refund go through the server's routes too.
    expect(json<{ charged: string }>(run('gift-cards', 'charge', card.code, '--amount', '5.00', '--key', 'srv-pay', '--json'))).toMatchObject({ charged: '5.00' });
    const given = json<{ refunded: string; charge: { refundable: string }; gift_card: { balance: string } }>(run('gift-cards', 'refund', card.code, '--charge', 'srv-pay', '--amount', '2.00', '--key', 'srv-ret', '--json'));
    expect(given).toMatchObject({ refunded: '2.00', charge: { refundable: '3.00' }, gift_card: { balance: '4.50' } });
  }, 180_000);
});
