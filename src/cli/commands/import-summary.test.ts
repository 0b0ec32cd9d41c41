import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../modules/imports/index.ts';
import { describeImport, nothingImported } from './import-summary.ts';

// QA: `regulars import` said "1 of 1 rows have errors" in every language, English only.
// Its summary is told in the command line's language, each count with the words that
// agree with it: Slovenian's four forms (1, 2, 3–4, 5+), Russian's three.

const result = (over: Partial<ImportResult>): ImportResult =>
  Object.assign({ kind: 'purchases', rows: 0, created: 0, duplicates: 0, invalid: 0, errors: [], errors_truncated: false, imported: true, dry_run: false, duration_ms: 1234 }, over) as ImportResult;
const refused = (invalid: number, rows: number) => result({ rows, invalid, imported: false, errors: [{ line: 2, column: 'total', reason: 'is required' }] });

describe('an import refused', () => {
  it('agrees with one row in error in each language, and names the line', () => {
    expect(describeImport(refused(1, 1), false, 'en')).toBe('Nothing imported: 1 row has errors (1 row in the file). Fix them, or use --skip-invalid.\n  line 2, column total: is required');
    expect(describeImport(refused(1, 1), false, 'sl').split('\n')[0]).toBe('Nič ni bilo uvoženo: 1 vrstica ima napake (1 vrstica v datoteki). Popravite jih ali uporabite --skip-invalid.');
    expect(describeImport(refused(1, 1), false, 'tr').split('\n')[0]).toBe('Hiçbir şey içe aktarılmadı: 1 satırda hata var (dosyada 1 satır). Hataları düzeltin ya da --skip-invalid kullanın.');
    expect(describeImport(refused(1, 1), false, 'da').split('\n')[0]).toBe('Intet blev importeret: 1 række har fejl (1 række i filen). Ret dem, eller brug --skip-invalid.');
    expect(describeImport(refused(1, 1), false, 'ru')).toBe(
      'Ничего не импортировано: в 1 строке ошибки (всего в файле 1 строка). Исправьте их или используйте --skip-invalid.\n  строка 2, столбец total: is required',
    );
  });

  it("takes each count's form in Slovenian and Russian", async () => {
    const first = (invalid: number, rows: number, language: 'sl' | 'ru') => describeImport(refused(invalid, rows), false, language).split('\n')[0];
    expect(first(2, 3, 'sl')).toContain(': 2 vrstici imata napake (3 vrstice v datoteki).');
    expect(first(4, 5, 'sl')).toContain(': 4 vrstice imajo napake (5 vrstic v datoteki).');
    expect(first(102, 1101, 'sl')).toContain(': 102 vrstici imata napake (1101 vrstica v datoteki).');
    expect(first(2, 5, 'ru')).toContain(': в 2 строках ошибки (всего в файле 5 строк).');
    expect(first(21, 22, 'ru')).toContain(': в 21 строке ошибки (всего в файле 22 строки).');
    expect(first(5, 12345, 'ru')).toContain('(всего в файле 12\u00a0345 строк)');
  });

  it('says so of a check, in its own words', () => {
    const checked = result({ rows: 3, invalid: 1, dry_run: true, imported: false });
    expect(describeImport(checked, false, 'en')).toBe('Dry run, nothing written: the import would refuse the file, as 1 row has errors (3 rows in the file). Fix them, or use --skip-invalid.');
    expect(describeImport(checked, false, 'sl')).toBe('Preizkusni zagon, nič ni zapisano: uvoz bi datoteko zavrnil, ker 1 vrstica ima napake (3 vrstice v datoteki). Popravite jih ali uporabite --skip-invalid.');
  });
});

describe('an import or a check that went through', () => {
  it('counts rows, new, already there and skipped as it always did in English', () => {
    expect(describeImport(result({ kind: 'refunds', rows: 1, created: 1 }), false, 'en')).toBe('Imported refunds: 1 row, 1 new, 0 already there, 0 skipped as invalid (1.2 s).');
    expect(describeImport(result({ rows: 2, created: 2, dry_run: true, imported: false }), false, 'en'))
      .toBe('Dry run, nothing written: purchases file of 2 rows. The import would add 2 and find 0 already there.');
  });

  it('agrees each count with its words in the four other languages, a duration with its decimal comma', () => {
    const done = result({ kind: 'customers', rows: 5, created: 3, duplicates: 2, invalid: 0 });
    expect(describeImport(done, false, 'sl')).toBe('Uvoz strank: 5 vrstic, 3 nove, 2 že obstoječi, 0 preskočenih kot neveljavnih (1,2 s).');
    expect(describeImport(done, false, 'ru')).toBe('Импорт клиентов: 5 строк, 3 новые, 2 уже были, 0 неверных пропущено (1,2 с).');
    expect(describeImport(done, false, 'da')).toBe('Import af kunder: 5 rækker, 3 nye, 2 fandtes allerede, 0 sprunget over som ugyldige (1,2 s).');
    expect(describeImport(done, false, 'tr')).toBe('Müşteri içe aktarımı: 5 satır, 3 yeni, 2 zaten vardı, 0 geçersiz olduğu için atlandı (1,2 sn).');
    const check = result({ rows: 4, created: 1, duplicates: 2, invalid: 1, dry_run: true, imported: false });
    expect(describeImport(check, true, 'sl')).toBe('Preizkusni zagon, nič ni zapisano: datoteka nakupov, 4 vrstice. Rezultat uvoza bi bil: 1 nova, 2 že obstoječi; 1 neveljavna vrstica bi bila preskočena.');
    expect(describeImport(check, true, 'en')).toBe('Dry run, nothing written: purchases file of 4 rows. The import would add 1 and find 2 already there; it would skip 1 invalid row.');
  });

  it("says how many coupon uses a refunds file's refunds gave back, their orders refunded in full", () => {
    const refunds = result({ kind: 'refunds', rows: 3, created: 3, coupon_uses_rolled_back: 2 });
    expect(describeImport(refunds, false, 'en').split('\n')[1]).toBe('Coupon uses given back, their orders refunded in full: 2.');
    expect(describeImport(refunds, false, 'sl').split('\n')[1]).toBe('Vrnjene uporabe kuponov, ker so bila njihova naročila v celoti vrnjena: 2.');
    expect(describeImport(result({ kind: 'refunds', rows: 3, created: 3 }), false, 'en').split('\n')).toHaveLength(1);
  });

  it("counts a line-item file's orders with the words orders take (a Slovenian naročilo, a Russian заказ)", () => {
    const lines = result({ rows: 7, orders: 3, created: 2, duplicates: 1, invalid: 1, refunds_recorded: 1, not_paid: 2 });
    expect(describeImport(lines, true, 'en')).toBe([
      'Imported purchases: 7 rows of line items, 3 orders: 2 new, 1 already there; 1 row skipped as invalid (1.2 s).',
      '2 orders left out as not paid (pending, authorized, voided or expired).',
      "1 refund recorded so that the orders' refunds add up to their refunded amounts.",
    ].join('\n'));
    expect(describeImport(lines, true, 'sl').split('\n')[0]).toBe('Uvoz nakupov: 7 vrstic postavk, 3 naročila: 2 novi, 1 že obstoječe; 1 vrstica preskočena kot neveljavna (1,2 s).');
    expect(describeImport(lines, true, 'ru')).toBe([
      'Импорт покупок: 7 строк товаров, 3 заказа: 2 новых, 1 уже был; 1 неверная строка пропущена (1,2 с).',
      'Пропущены как неоплаченные (в ожидании, авторизованные, аннулированные или просроченные): 2 заказа.',
      'Записаны возвраты, чтобы возвраты заказов сошлись с их возвращёнными суммами: 1 возврат.',
    ].join('\n'));
  });
});

// QA: with --skip-invalid, a file whose every row was refused printed "Imported purchases: 3
// rows, 0 new, …, 3 skipped as invalid" and exited 0: a script saw success with nothing imported.
describe('an import with --skip-invalid that could import no row', () => {
  const allBad = result({ rows: 3, invalid: 3, errors: [{ line: 2, column: 'total', reason: 'is required' }] });

  it('says nothing was imported, in each language', () => {
    expect(describeImport(allBad, true, 'en')).toBe('Nothing imported: 3 rows have errors (3 rows in the file), and --skip-invalid left no row to import.\n  line 2, column total: is required');
    const first = (language: 'sl' | 'tr' | 'da' | 'ru') => describeImport(allBad, true, language).split('\n')[0];
    expect(first('sl')).toBe('Nič ni bilo uvoženo: 3 vrstice imajo napake (3 vrstice v datoteki) in z --skip-invalid ni ostala nobena vrstica za uvoz.');
    expect(first('tr')).toBe('Hiçbir şey içe aktarılmadı: 3 satırda hata var (dosyada 3 satır); --skip-invalid ile içe aktarılacak satır kalmadı.');
    expect(first('da')).toBe('Intet blev importeret: 3 rækker har fejl (3 rækker i filen), og med --skip-invalid er der ingen række tilbage at importere.');
    expect(first('ru')).toBe('Ничего не импортировано: в 3 строках ошибки (всего в файле 3 строки), и с --skip-invalid не осталось ни одной строки для импорта.');
  });

  it('says so of a check too, and counts as before once one row imports or was there', () => {
    expect(describeImport(result({ rows: 2, invalid: 2, dry_run: true, imported: false }), true, 'en'))
      .toBe('Dry run, nothing written: the import would import nothing, as 2 rows have errors (2 rows in the file) and --skip-invalid would leave no row to import.');
    expect(describeImport(result({ rows: 2, invalid: 2, dry_run: true, imported: false }), true, 'sl'))
      .toBe('Preizkusni zagon, nič ni zapisano: uvoz ne bi uvozil ničesar, ker 2 vrstici imata napake (2 vrstici v datoteki) in z --skip-invalid ne bi ostala nobena vrstica za uvoz.');
    expect(nothingImported(allBad)).toBe(true);
    expect(nothingImported(result({ rows: 3, invalid: 2, duplicates: 1 }))).toBe(false);
    expect(describeImport(result({ rows: 3, invalid: 2, created: 1 }), true, 'en')).toBe('Imported purchases: 3 rows, 1 new, 0 already there, 2 skipped as invalid (1.2 s).');
  });
});
