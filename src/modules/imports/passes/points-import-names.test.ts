import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { describeImport } from '../../../cli/commands/import-summary.ts';
import { importFile } from '../../../workflows/import-file.ts';

// A points import says the program's own name for its points, as the rest of the product
// does (points-name.test.ts): a row's refusal and the sums the command line prints, in the
// form each number takes. The example program calls them beans ("zrna" in Slovenian).

const files = csvFiles('points-import-names');
let s: Awaited<ReturnType<typeof openTestServices>>;

beforeAll(async () => {
  s = await openTestServices();
  const { points_name } = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));
  await s.loyalty.applyProgram({ program: { name: 'Beans', points_name, earning: { points_per_currency_unit: 1 } } }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

describe("a points import under a program that names its points", () => {
  const file = () => files.write(['email,points', 'ana@example.com,5', 'ana@example.com,-7', 'bo@example.com,x1', 'cy@example.com,1']);

  it('names them in a row\'s refusal, in the importer\'s language, in the form the number takes', async () => {
    const en = await importFile(s, { kind: 'points', file: file(), dryRun: true });
    expect(en.errors).toEqual([
      { line: 3, column: 'points', reason: "would take away 7 where the member has 5 beans to spend (with the file's rows above)" },
      { line: 4, column: 'points', reason: 'must be a whole number of beans (positive to add, negative to take away), not "x1"' },
    ]);
    const sl = await importFile(s, { kind: 'points', file: file(), dryRun: true, language: 'sl' });
    expect(sl.errors.map((e) => e.reason)).toEqual(['bi odvzelo 7, član pa ima na voljo 5 zrn (z vrsticami datoteke zgoraj)', 'mora biti celo število zrn (pozitivno doda, negativno odvzame), ne "x1"']);
    const ru = await importFile(s, { kind: 'points', file: file(), dryRun: true, language: 'ru' });
    expect(ru.errors.map((e) => e.reason)).toEqual(['списало бы 7, а у участника доступно: 5 зёрен (с учётом строк файла выше)', 'должно быть целым числом зёрен (положительное начисляет, отрицательное списывает), а не "x1"']);
  });

  it('names them in the sums, which carry the name\'s forms for the command line and the dashboard', async () => {
    const done = await importFile(s, { kind: 'points', file: file(), skipInvalid: true, language: 'sl' });
    expect(done.points).toEqual({ members: 2, credited: 6, debited: 0, points_name_forms: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' }, points_name_language: 'sl' });
    expect(describeImport(done, true, 'sl').split('\n')[1]).toBe('Dodanih 6 zrn in odvzetih 0 pri 2 članih.');
    const dry = await importFile(s, { kind: 'points', file: files.write(['email,points', 'dan@example.com,1']), dryRun: true });
    expect(dry.points).toMatchObject({ credited: 1, points_name_forms: { one: 'bean', other: 'beans' }, points_name_language: 'en' });
    expect(describeImport(dry, false, 'en').split('\n')[1]).toBe('It would add 1 bean and take away 0 for 1 member.');
    const tr = await importFile(s, { kind: 'points', file: files.write(['email,points', 'eda@example.com,3']), dryRun: true, language: 'tr' });
    expect(describeImport(tr, false, 'tr').split('\n')[1]).toBe('İçe aktarma 1 üye için 3 çekirdek ekler ve 0 düşerdi.');
    const da = await importFile(s, { kind: 'points', file: files.write(['email,points', 'eda@example.com,3']), dryRun: true, language: 'da' });
    expect(describeImport(da, false, 'da').split('\n')[1]).toBe('Importen ville lægge 3 bønner til og trække 0 fra hos 1 medlem.');
  });
});
