import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';

// `regulars analyze settings` as an owner runs it, on the embedded database or
// (REGULARS_TEST_DB=postgres) a PostgreSQL one: the stored acquisition cost shown, stored
// with --acquisition-cost and forgotten with --forget-acquisition-cost — each change in the
// activity log with the command line as its actor, and the CLV of `analyze metrics` using
// it — in the language asked; a bad amount refused naming --acquisition-cost, nothing changed.
const cli = useCliBusiness('analyze-settings');
const { run, ok, json } = cli;
type Settings = { currency: string; acquisition_cost: string | null; updated_by: string | null; updated_at: string | null };
type Page = { items: { action: string; actor: string; details: Record<string, unknown> }[] };
const settings = () => json<Settings>(run('analyze', 'settings', '--json'));
/** The activity log's entries of the analytics settings, newest first, as `regulars audit --family analytics` reads them. */
const changes = () => json<Page>(run('audit', '--family', 'analytics', '--json')).items.map((e) => [e.action, e.actor, e.details]);
const WHEN = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}';

beforeAll(() => {
  ok(run('migrate'));
}, 120_000);

describe('regulars analyze settings', () => {
  it('shows that none is stored, stores one and forgets it, each change recorded as the command line', () => {
    expect(ok(run('analyze', 'settings'))).toBe(
      'No acquisition cost is stored: the CLV of `regulars analyze metrics` and of the dashboard\'s Revenue tab subtracts 0 when no --acquisition-cost is given.\n',
    );
    expect(settings()).toEqual({ currency: 'EUR', acquisition_cost: null, updated_by: null, updated_at: null });

    expect(ok(run('analyze', 'settings', '--acquisition-cost', ' 25.5 ', '--language', 'tr'))).toBe('Edinme maliyeti kaydedildi: €25,50.\n');
    const sl = ok(run('analyze', 'settings', '--language', 'sl'));
    expect(sl).toMatch(new RegExp(
      '^Strošek pridobitve: 25,50\u00a0€\\. CLV v `regulars analyze metrics` in na zavihku Prihodki nadzorne plošče ga odšteje, kadar --acquisition-cost ni podan\\.\n' +
      `Nazadnje spremenjeno ${WHEN}, spremenil: Ukazna vrstica\\.\n$`,
    ));
    expect(settings()).toMatchObject({ currency: 'EUR', acquisition_cost: '25.50', updated_by: 'cli' });
    // The metrics' CLV subtracts it when the command gives none; its own --acquisition-cost still wins.
    expect(json<{ clv: { acquisition_cost: string; acquisition_cost_source: string } }>(run('analyze', 'metrics', '--json')).clv)
      .toMatchObject({ acquisition_cost: '25.50', acquisition_cost_source: 'setting' });
    expect(json<{ clv: { acquisition_cost: string; acquisition_cost_source: string } }>(run('analyze', 'metrics', '--acquisition-cost', '4', '--json')).clv)
      .toMatchObject({ acquisition_cost: '4.00', acquisition_cost_source: 'query' });

    expect(ok(run('analyze', 'settings', '--forget-acquisition-cost', '--language', 'ru')))
      .toBe('Сохранённая стоимость привлечения забыта: CLV вычитает 0, когда --acquisition-cost не указан.\n');
    expect(ok(run('analyze', 'settings', '--language', 'da'))).toMatch(new RegExp(
      '^Der er ingen gemt anskaffelsesomkostning: .* trækker 0 fra, når --acquisition-cost ikke er angivet\\.\n' +
      `Sidst ændret ${WHEN} af Kommandolinjen\\.\n$`,
    ));
    expect(changes()).toEqual([
      ['analytics.settings.update', 'cli', { acquisition_cost: null }],
      ['analytics.settings.update', 'cli', { acquisition_cost: '25.50' }],
    ]);
    // The activity log's line of the change, in words.
    const lines = ok(run('audit', '--family', 'analytics')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${WHEN}  Command line  Changed the cost to win a customer *$`));
    expect(lines[1]).toMatch(new RegExp(`^${WHEN}  Command line  Changed the cost to win a customer +amount: €25\\.50$`));
  }, 180_000);

  it('refuses a bad amount naming --acquisition-cost, in the language asked, and changes nothing', () => {
    ok(run('analyze', 'settings', '--acquisition-cost', '10.00'));
    const before = changes();
    const refusals: [string[], string][] = [
      [['--acquisition-cost', '12,50', '--language', 'sl'], 'Napaka: Neveljavne nastavitve: --acquisition-cost: mora biti nenegativen decimalni znesek z decimalno piko (ne vejico), na primer "10.00"\n'],
      [['--acquisition-cost', '1.234', '--language', 'tr'], 'Hata: --acquisition-cost: "1.234", EUR için 2 ondalık basamaktan fazlasını içeriyor\n'],
      [['--acquisition-cost', '-5'], 'Error: Invalid settings: --acquisition-cost: must be a non-negative decimal amount such as "10.00"\n'],
      [['--acquisition-cost', '3', '--forget-acquisition-cost', '--language', 'ru'], 'Ошибка: --forget-acquisition-cost: укажите --acquisition-cost или --forget-acquisition-cost, но не оба\n'],
    ];
    for (const [args, stderr] of refusals) {
      const refused = run('analyze', 'settings', ...args);
      expect(refused.status, args.join(' ')).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(stderr);
    }
    expect(settings().acquisition_cost).toBe('10.00');
    expect(changes()).toEqual(before);
  }, 180_000);
});

// Beside a server on the embedded database the command goes through its API (GET and PATCH
// /analytics/settings): the same words, the same refusal, and the command line recorded as
// the command line, as without a server.
describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('shows, stores, refuses and forgets the same way', async () => {
    server = await startServeProcess(BIN, cli.env());
    expect(ok(run('analyze', 'settings', '--acquisition-cost', '7.25', '--language', 'da'))).toBe('Anskaffelsesomkostningen er gemt: 7,25\u00a0€.\n');
    expect(ok(run('analyze', 'settings'))).toMatch(new RegExp(
      '^Acquisition cost: €7\\.25\\. The CLV of `regulars analyze metrics` and of the dashboard\'s Revenue tab subtracts it when no --acquisition-cost is given\\.\n' +
      `Last changed ${WHEN} by Command line\\.\n$`,
    ));
    const refused = run('analyze', 'settings', '--acquisition-cost', '1.234', '--language', 'sl');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('Napaka: --acquisition-cost: "1.234" ima več decimalnih mest, kot jih dopušča EUR (2)\n');
    expect(settings()).toMatchObject({ acquisition_cost: '7.25', updated_by: 'cli' });
    expect(ok(run('analyze', 'settings', '--forget-acquisition-cost'))).toBe('Forgot the stored acquisition cost: the CLV subtracts 0 when no --acquisition-cost is given.\n');
    expect(changes().slice(0, 2)).toEqual([
      ['analytics.settings.update', 'cli', { acquisition_cost: null }],
      ['analytics.settings.update', 'cli', { acquisition_cost: '7.25' }],
    ]);
  }, 180_000);
});
