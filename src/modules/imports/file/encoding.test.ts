import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { guessEncoding, invalidUtf8At, likelyCodePage } from './encoding.ts';
import { fileFormatOf, parseMapSpec, previewCsv } from '../index.ts';

/** Text in a single-byte code page, as a spreadsheet on Windows saves it. */
function encodeIn(codePage: string, text: string): Buffer {
  const decoder = new TextDecoder(codePage);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => {
    const b = byChar.get(c);
    if (b === undefined) throw new Error(`${c} is not in ${codePage}`);
    return b;
  }));
}

describe('telling UTF-8 from a code page', () => {
  it('finds the first byte that is not UTF-8, leaving a sequence cut at the end for the next chunk', () => {
    const utf8 = Buffer.from('Čeh;Žiga;Šiška\n', 'utf8');
    expect(invalidUtf8At(utf8, true)).toBe(-1);
    expect(invalidUtf8At(utf8.subarray(0, 1), false)).toEqual({ incompleteFrom: 0 });
    expect(invalidUtf8At(utf8.subarray(0, 1), true)).toBe(0);
    expect(invalidUtf8At(encodeIn('windows-1250', 'Čeh'), true)).toBe(0);
    expect(invalidUtf8At(Buffer.from([0x41, 0xc0, 0x80]), true)).toBe(1); // an overlong "NUL"
    expect(invalidUtf8At(Buffer.from([0x41, 0xed, 0xa0, 0x80]), true)).toBe(1); // a surrogate
  });

  it('names the code page by the letters its languages use', () => {
    expect(likelyCodePage(encodeIn('windows-1250', 'Priimek;Ime\nČeh;Žiga\nKovač;Špela'))).toBe('windows-1250');
    expect(likelyCodePage(encodeIn('windows-1251', 'Фамилия;Имя\nИванова;Мария'))).toBe('windows-1251');
    expect(likelyCodePage(encodeIn('windows-1252', 'Efternavn;Fornavn\nJørgensen;Søren\nÅberg;Ærø'))).toBe('windows-1252');
    expect(likelyCodePage(encodeIn('windows-1254', 'Soyadı;Adı\nYılmaz;Ayşe\nDoğan;İbrahim'))).toBe('windows-1254');
    // æ read as Central European is ć, and č read as Western is è: neither a letter of the other's words.
    expect(likelyCodePage(encodeIn('windows-1252', 'Lars,Bæk,Næstved'))).toBe('windows-1252');
    expect(likelyCodePage(encodeIn('windows-1250', 'Lars;Horvatić;Kranj\nŠpela;Kovač;Celje'))).toBe('windows-1250');
    expect(guessEncoding(Buffer.from('Čeh;Žiga', 'utf8'))).toBe('utf-8');
  });
});

const files = csvFiles('encoding-test');
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

describe('importing a file saved in a code page', () => {
  const file = path.join(files.dir, 'stranke.csv');
  const map = parseMapSpec('external_id=Kartica,last_name=Priimek,first_name=Ime', 'customers');

  it('stops at the first line that is not UTF-8, naming the likely code page, and imports nothing', async () => {
    fs.writeFileSync(file, Buffer.concat([Buffer.from('Kartica;Priimek;Ime\nk-1;Novak;Maja\n'), encodeIn('windows-1250', 'k-2;Čeh;Žiga\nk-3;Kovač;Špela\n')]));
    await expect(importFile(s, { kind: 'customers', file, map })).rejects.toThrow('line 3 is not UTF-8 text (byte 0xC8): the file seems to be in windows-1250 — import it with that encoding, or save it as UTF-8');
    expect(await s.customers.findByIdentity({ kind: 'external_id', value: 'k-1' })).toBeFalsy();
  });

  it('reads it in the encoding named, and the preview guesses it and shows the sample in it', async () => {
    const preview = await previewCsv(file, 'customers');
    expect(preview.suggested_format.encoding).toBe('windows-1250');
    expect(preview.sample[1]).toEqual(['k-2', 'Čeh', 'Žiga']);
    const result = await importFile(s, { kind: 'customers', file, map, format: fileFormatOf({ encoding: 'Windows-1250' }) });
    expect(result).toMatchObject({ rows: 3, created: 3, invalid: 0, imported: true });
    const k3 = (await s.customers.findByIdentity({ kind: 'external_id', value: 'k-3' }))!;
    expect(await s.customers.get(k3)).toMatchObject({ first_name: 'Špela', last_name: 'Kovač' });
  });

  it('reads UTF-8 whose letters are cut between the chunks the file is read in', async () => {
    const big = path.join(files.dir, 'big.csv');
    const rows = Array.from({ length: 4000 }, (_, i) => `c-${i};Čeh Žižek Šuštar;2026-05-01;1.00`);
    fs.writeFileSync(big, ['Kartica;Priimek;Datum;Znesek', ...rows].join('\n'));
    expect(fs.statSync(big).size).toBeGreaterThan(2 * 65_536); // read in chunks of 64 KiB
    const purchases = parseMapSpec('customer_external_id=Kartica,customer_last_name=Priimek,occurred_at=Datum,total=Znesek', 'purchases');
    expect(await importFile(s, { kind: 'purchases', file: big, map: purchases })).toMatchObject({ rows: 4000, created: 4000, invalid: 0, imported: true });
    const last = (await s.customers.findByIdentity({ kind: 'external_id', value: 'c-3999' }))!;
    expect((await s.customers.get(last)).last_name).toBe('Čeh Žižek Šuštar');
  }, 120_000);

  it('reads UTF-16 by its byte order mark (Excel\'s "Unicode text", tab-separated) without being told', async () => {
    const text = 'Kartica\tPriimek\tIme\r\nk-16\tYılmaz\tŞükrü\r\n';
    const unicode = files.write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'unicode.txt');
    expect((await previewCsv(unicode, 'customers')).suggested_format.encoding).toBe('utf-16le');
    expect(await importFile(s, { kind: 'customers', file: unicode, map })).toMatchObject({ rows: 1, invalid: 0, imported: true });
    const k16 = (await s.customers.findByIdentity({ kind: 'external_id', value: 'k-16' }))!;
    expect(await s.customers.get(k16)).toMatchObject({ first_name: 'Şükrü', last_name: 'Yılmaz' });
  });

  it('refuses an encoding it does not know', () => {
    expect(() => fileFormatOf({ encoding: 'klingon' })).toThrow('"klingon" is not an encoding this server can read');
  });
});
