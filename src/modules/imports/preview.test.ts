import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../shared/errors.ts';
import { fitMapping } from './preview.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-fit-mapping-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(name: string, text: string): Promise<AppError> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    await fitMapping(file, 'purchases', {});
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error(`${name} fitted`);
}

// The command line fits a file's columns before it imports (`regulars import`).
describe('fitMapping', () => {
  // QA: an empty file was refused as missing every column, one by one.
  it('tells an empty file as empty', async () => {
    const error = await refusal('empty.csv', '');
    expect(error.message).toBe('file: is empty: a CSV file begins with a line naming its columns');
    expect(error.in('ru').message).toBe('file: пуст: файл CSV начинается со строки с названиями столбцов');
  });

  // QA: what was still missing with the guesses was told in English whatever the language asked.
  it('tells what the guesses leave missing in the language asked, English as before', async () => {
    const error = await refusal('guess.csv', 'E-pošta,Znesek\nana@example.com,5.00\n');
    expect(error.message).toBe('The file\'s columns do not fit: required column "occurred_at" is missing (map another column with --map occurred_at=COLUMN) (with the columns guessed: customer_email=E-pošta, total=Znesek; --map to choose others)');
    expect(error.problems.map((p) => p.field)).toEqual(['occurred_at']);
    const sl = error.in('sl');
    expect(sl.message).toBe('Stolpci datoteke se ne ujemajo: manjka obvezni stolpec "occurred_at" (z --map occurred_at=COLUMN mu priredite drug stolpec) (s samodejno izbranimi stolpci: customer_email=E-pošta, total=Znesek; druge izberete z --map)');
    expect(sl.problems[0].reason).toMatch(/^manjka obvezni stolpec/);
  });
});
