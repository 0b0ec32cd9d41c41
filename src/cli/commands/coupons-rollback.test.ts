import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, useCliBusiness } from '../../../test/helpers/cli-process.ts';
import { testDatabaseKind } from '../../../test/helpers/database.ts';
import { startServeProcess } from '../../../test/helpers/serve-process.ts';
import { loadConfig } from '../../config.ts';
import { openServices } from '../../main.ts';
import { createLogger } from '../../shared/logger.ts';

// `regulars coupons rollback CODE --use KEY` as a user runs it, on the embedded database or
// (REGULARS_TEST_DB=postgres) a PostgreSQL one: a till's use of a single-use code given back
// makes the code usable again; run again it answers the same rollback and gives nothing twice;
// an unknown use is refused naming --use, in the language asked. The uses are made as a till
// makes them, by the service on the business's database (the command line has no till).
const cli = useCliBusiness('coupons-rollback');
const { run, json } = cli;

/** The business's services in this process, for what a till does; closed before any command runs. */
async function asTill<T>(work: (s: Awaited<ReturnType<typeof openServices>>) => Promise<T>): Promise<T> {
  const s = await openServices({ config: loadConfig(cli.env()), logger: createLogger({ level: 'warn', json: false }), command: 'test' });
  try {
    return await work(s);
  } finally {
    await s.database.close();
  }
}

type RolledBack = { created: boolean; use: { idempotency_key: string; reason: string | null; rolled_back_at: string }; coupon: { code: string; uses: number; usable: boolean } };
let codes: string[] = [];

beforeAll(async () => {
  codes = await asTill(async (s) => {
    const made = await s.loyalty.createCampaign({ name: 'Once', idempotency_key: 'once', benefit: { type: 'fixed_discount', amount: '2.00' }, count: 2 }, { actor: 'test' });
    for (const [i, code] of made.codes.entries()) await s.loyalty.useCoupon(code, { idempotency_key: `sale-${i + 1}`, order_ref: `o-${i + 1}` }, { actor: 'test' });
    return made.codes;
  });
}, 120_000);

describe('regulars coupons rollback', () => {
  it("gives a use back, answers the same rollback when run again, and refuses a use the coupon does not have", async () => {
    const [code, other] = codes;
    const first = run('coupons', 'rollback', code, '--use', 'sale-1', '--reason', 'Sale voided');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(`Gave back use sale-1 of coupon ${code}: 0 of its 1 uses are taken now.\n`);

    const again = run('coupons', 'rollback', code, '--use', 'sale-1', '--reason', 'Sale voided', '--language', 'sl');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(`Uporaba sale-1 kupona ${code} je bila že razveljavljena; nič več ni bilo vrnjeno. Porabljenih je 0 od 1 uporab.\n`);
    const replay = json<RolledBack>(run('coupons', 'rollback', code, '--use', 'sale-1', '--reason', 'Sale voided', '--json'));
    expect(replay).toMatchObject({ created: false, use: { idempotency_key: 'sale-1', reason: 'Sale voided' }, coupon: { code, uses: 0, usable: true } });

    const unknown = run('coupons', 'rollback', other, '--use', 'sale-1', '--language', 'da');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`Kuponen ${other} har ingen brug sale-1`);
    const empty = run('coupons', 'rollback', other, '--use', ' ');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('--use');

    // The code given back is usable again; the other's use stands.
    await asTill(async (s) => {
      expect(await s.loyalty.coupon(code)).toMatchObject({ uses: 0, usable: true });
      expect(await s.loyalty.coupon(other)).toMatchObject({ uses: 1, usable: false });
      expect((await s.loyalty.useCoupon(code, { idempotency_key: 'sale-3' }, { actor: 'test' })).created).toBe(true);
    });
  }, 180_000);
});

// Beside a server on the embedded database the command goes through its route.
describe.runIf(testDatabaseKind === 'pglite')('through a running server', () => {
  let server: Awaited<ReturnType<typeof startServeProcess>> | undefined;
  afterAll(async () => server?.stop());

  it('gives a use back through POST /coupons/{code}/rollbacks', async () => {
    const [, other] = codes;
    server = await startServeProcess(BIN, cli.env());
    const given = json<RolledBack>(run('coupons', 'rollback', other, '--use', 'sale-2', '--json'));
    expect(given).toMatchObject({ created: true, use: { idempotency_key: 'sale-2', reason: null }, coupon: { code: other, uses: 0, usable: true } });
    const unknown = run('coupons', 'rollback', other, '--use', 'nope');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`Coupon ${other} has no use nope`);
  }, 180_000);
});
