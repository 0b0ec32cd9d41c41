import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { fitMapping, hintGuessedColumns, parseMapSpec } from '../index.ts';

// QA: a Slovenian till's "Trgovina" column (the store's code) was left out of the guess, and
// every purchase imported without its store: no store multipliers, no per-store figures.
// A guessed store column of store names fails every row instead: the report says how to
// import without it (--map store=), and that imports the file.

const files = csvFiles('guessed-store-test');
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
  await s.stores.upsert({ code: 'LJ1', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'cli' });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

const storeOf = async (order: string) => (await s.db.selectFrom('purchases').leftJoin('stores', 'stores.id', 'purchases.store_id')
  .select('stores.code').where('purchases.external_id', '=', order).executeTakeFirstOrThrow()).code;

/** As `regulars import` does: the columns fitted (guessed where the file does not fit), the report's guessed columns hinted. */
async function importAsCli(lines: string[], mapSpec?: string) {
  const file = files.write(lines);
  const { map, guessed } = await fitMapping(file, 'purchases', parseMapSpec(mapSpec, 'purchases'));
  return { guessed, result: hintGuessedColumns(await importFile(s, { kind: 'purchases', file, map, language: 'sl' }), guessed, 'purchases', 'sl') };
}

describe('a store column guessed by its name', () => {
  it('gives a Slovenian file\'s purchases their store from "Trgovina"', async () => {
    const { guessed, result } = await importAsCli(['Račun,E-pošta,Datum,Znesek,Trgovina', 'GS-1,ana@example.com,2026-01-05T10:00:00Z,12.50,LJ1']);
    expect(guessed).toMatchObject({ store: 'Trgovina' });
    expect(result).toMatchObject({ created: 1, invalid: 0, imported: true });
    expect(await storeOf('GS-1')).toBe('LJ1');
  });

  it('tells a column of store names how to be left out, and --map store= imports the file without it', async () => {
    const lines = ['Račun,E-pošta,Datum,Znesek,Trgovina', 'GS-2,ana@example.com,2026-01-05T10:00:00Z,7.00,Ljubljana'];
    const refused = await importAsCli(lines);
    expect(refused.result).toMatchObject({ created: 0, invalid: 1, imported: false });
    expect(refused.result.errors).toEqual([{
      line: 2, column: 'Trgovina',
      reason: 'neznana trgovina "Ljubljana" (najprej jo ustvarite: regulars stores create ali POST /api/v1/stores) (stolpec "Trgovina" je bil samodejno izbran kot store; če vsebuje kaj drugega, uvozite brez njega: --map store=)',
    }]);
    const without = await importAsCli(lines, 'store=');
    expect(without.guessed).not.toHaveProperty('store');
    expect(without.result).toMatchObject({ created: 1, invalid: 0, imported: true });
    expect(await storeOf('GS-2')).toBeNull();
  });

  it('does not hint a column the user mapped, and leaves a file of its own "store" column out with store=', async () => {
    const mapped = await importAsCli(['order,email,date,total,Trgovina', 'GS-3,ana@example.com,2026-01-05T10:00:00Z,7.00,Ljubljana'], 'external_id=order,customer_email=email,occurred_at=date,store=Trgovina');
    expect(mapped.result.errors).toEqual([{ line: 2, column: 'Trgovina', reason: 'neznana trgovina "Ljubljana" (najprej jo ustvarite: regulars stores create ali POST /api/v1/stores)' }]);
    const own = ['external_id,customer_email,occurred_at,total,store', 'GS-4,ana@example.com,2026-01-05T10:00:00Z,7.00,Ljubljana'];
    expect((await importAsCli(own)).result).toMatchObject({ invalid: 1 });
    expect((await importAsCli(own, 'store=')).result).toMatchObject({ created: 1, invalid: 0 });
    expect(await storeOf('GS-4')).toBeNull();
  });
});
