import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../shared/errors.ts';
import { openCsv } from './csv.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-csv-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What reading `text` as a CSV file to its end is refused with. */
async function refusal(name: string, text: string): Promise<AppError> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    const csv = await openCsv(file);
    for await (const _ of csv.records);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error(`${name} was read without a refusal`);
}

// Regression: csv-parse's refusals reached the user as it words them, in English whatever the
// language, counting fields from 0 ("Invalid Opening Quote: a quote is found on field 1 at line
// 2, value is "Ana "" for the column first_name).
describe('a CSV file with a quote that cannot be read', () => {
  const head = 'external_id,first_name,email\n';
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `C${i},Name ${i},c${i}@example.com\n`).join('');

  it('names the line and column of a quote inside an unquoted field, in the language asked', async () => {
    const error = await refusal('stray.csv', `${head}C1,Ana "Anka",ana@example.com\n`);
    expect(error.problems.map((p) => p.field)).toEqual(['file']);
    expect(error.message).toBe('file: line 2, column first_name: a quote (") inside a field that does not begin with one — put the whole field in quotes and double each quote in it ("Ana ""Anka"" Novak")');
    expect(error.in('sl').message).toMatch(/^file: vrstica 2, stolpec first_name: narekovaj \("\) sredi polja/);
    // Far into a file, past its first chunk.
    expect((await refusal('stray-late.csv', `${head}${rows(3000)}C1,5" screen,x@example.com\n`)).message).toMatch(/^file: line 3002, column first_name: a quote/);
  });

  it('names text after a closing quote', async () => {
    const error = await refusal('after.csv', `${head}C1,ana@example.com,"Ana" Novak\n`);
    expect(error.message).toMatch(/^file: line 2, column email: text after the quote that closes the field — /);
    expect(error.in('ru').message).toMatch(/^file: строка 2, столбец email: текст после кавычки/);
  });

  it('places a quote never closed on the line it opens, not the file\'s last', async () => {
    const error = await refusal('open.csv', `${head}${rows(3)}C9,"Ana,ana@example.com\nC10,Bo,bo@example.com\nC11,Cy,cy@example.com\n`);
    expect(error.message).toMatch(/^file: line 5, column first_name: the quote that opens the field is never closed /);
    // In the header itself no column has a name yet.
    expect((await refusal('open-header.csv', 'a,"b\nc,d\n')).in('da').message).toMatch(/^file: linje 1: anførselstegnet, der åbner feltet, lukkes aldrig/);
  });
});
