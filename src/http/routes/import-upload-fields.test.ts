import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { CANONICAL } from '../../modules/imports/index.ts';

// An import's upload is as strict as any other body (README): a field of its "map" the kind
// lacks is named, with the field it was likely meant as, and nothing is imported — it was
// dropped, and the rows imported without it. Its body sent as something else than a
// multipart form, or with two files, is told so in the request's language.

const api = useTestApp({ keys: { 'back office': ['read', 'write'] } });

type Part = { name: string; value: string; filename?: string };
function multipart(parts: Part[], kind = 'purchases', step = '', language?: string) {
  const boundary = 'fields-boundary';
  const body = parts.map((p) => `--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"\r\ncontent-type: text/csv` : ''}\r\n\r\n${p.value}\r\n`).join('') + `--${boundary}--\r\n`;
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (language) headers['accept-language'] = language;
  return api.call('POST', `/api/v1/imports/${kind}${step}`, { body, headers });
}
const file = (csv: string): Part => ({ name: 'file', value: csv, filename: 'sales.csv' });
const csv = 'card,E-mail,date,amount\nc-1,c1@example.com,2026-03-01,5.00\n';
const purchaseFields = CANONICAL.purchases.map((f) => f.name).join(', ');

describe("the upload's map", () => {
  it('names a field the kind lacks, with the one it was likely meant as, and imports nothing', async () => {
    const map = JSON.stringify({ external_id: 'card', customer_external_id: 'card', customer_emial: 'E-mail', occurred_at: 'date', total: 'amount' });
    const res = await multipart([{ name: 'map', value: map }, file(csv)]);
    expect(res.statusCode, res.body).toBe(422);
    const reason = `is not a purchases field — did you mean "customer_email"? (one of ${purchaseFields})`;
    expect(res.json().errors).toEqual([{ field: 'map.customer_emial', reason }]);
    expect(res.json().detail).toBe(`The upload's field "map" does not fit: map.customer_emial: ${reason}`);
    expect((await api.services.commerce.totals()).purchases).toBe(0);
    // In the language asked; the dry run and the preview refuse it alike.
    const sl = await multipart([{ name: 'map', value: map }, file(csv)], 'purchases', '', 'sl');
    expect([sl.statusCode, sl.headers['content-language']]).toEqual([422, 'sl']);
    expect(sl.json().errors).toEqual([{ field: 'map.customer_emial', reason: `ni polje uvoza purchases — ste mislili "customer_email"? (eno od ${purchaseFields})` }]);
    expect(sl.json().detail).toMatch(/^Polje "map" nalaganja ni pravilno: map\.customer_emial: ni polje/);
    for (const language of ['tr', 'da', 'ru']) {
      expect((await multipart([{ name: 'map', value: map }, file(csv)], 'purchases', '', language)).json().errors[0].reason).toContain('"customer_email"');
    }
    expect((await multipart([{ name: 'map', value: map }, { name: 'dry_run', value: 'true' }, file(csv)])).json().errors).toEqual([{ field: 'map.customer_emial', reason }]);
    expect((await multipart([{ name: 'map', value: map }, file(csv)], 'purchases', '/preview')).json().errors).toEqual([{ field: 'map.customer_emial', reason }]);
    expect((await api.services.commerce.totals()).purchases).toBe(0);
  });

  it('names every bad field at once: one near none (listed alone), a field mapped twice is no suggestion, a column that is no text', async () => {
    const map = JSON.stringify({ email: 'E-mail', customer_email: 'E-mail', totl: 'amount', total: 5, store: null, zzz: 'x' });
    const res = await multipart([{ name: 'map', value: map }, file(csv)]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'map.email', reason: `is not a purchases field (one of ${purchaseFields})` }, // customer_email is in the map already
      { field: 'map.totl', reason: `is not a purchases field (one of ${purchaseFields})` }, // total is too
      { field: 'map.total', reason: 'must be the name of a column (text), or "" to import the field from none' },
      { field: 'map.store', reason: 'must be the name of a column (text), or "" to import the field from none' },
      { field: 'map.zzz', reason: `is not a purchases field (one of ${purchaseFields})` },
    ]);
    // Another kind's fields are its own.
    const customers = await multipart([{ name: 'map', value: JSON.stringify({ emial: 'E-mail' }) }, file('E-mail\na@example.com\n')], 'customers');
    expect(customers.json().errors).toEqual([{ field: 'map.emial', reason: `is not a customers field — did you mean "email"? (one of ${CANONICAL.customers.map((f) => f.name).join(', ')})` }]);
    expect((await api.services.commerce.totals()).purchases).toBe(0);
  });

  it('imports with a map of the kind\'s fields, a field mapped to "" among them', async () => {
    const map = JSON.stringify({ external_id: 'card', customer_external_id: 'card', customer_email: 'E-mail', occurred_at: 'date', total: 'amount', store: '' });
    const res = await multipart([{ name: 'map', value: map }, file(csv)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, imported: true });
    expect(await api.services.customers.findByIdentity({ kind: 'email', value: 'c1@example.com' })).toBeTruthy(); // the email mapped, as meant
  });
});

describe("the upload's other fields", () => {
  it('names one it does not take, with the one it was likely meant as, and imports nothing: a misspelt dry_run imported for real', async () => {
    const map = JSON.stringify({ external_id: 'card', customer_email: 'E-mail', occurred_at: 'date', total: 'amount' });
    const parts = [{ name: 'map', value: map }, { name: 'dry_rn', value: 'true' }, file('card,E-mail,date,amount\nun-1,un1@example.com,2026-03-01,5.00\n')];
    const en = await multipart(parts);
    expect(en.statusCode, en.body).toBe(422);
    expect(en.json().errors).toEqual([{ field: 'dry_rn', reason: 'unknown field "dry_rn" — did you mean "dry_run"?' }]);
    expect(en.json().detail).toBe('The upload has fields an import does not take: unknown field "dry_rn" — did you mean "dry_run"?');
    const sl = await multipart(parts, 'purchases', '', 'sl');
    expect(sl.json().detail).toBe('Nalaganje ima polja, ki jih uvoz ne sprejema: neznano polje "dry_rn" — ste mislili "dry_run"?');
    for (const language of ['tr', 'da', 'ru']) expect((await multipart(parts, 'purchases', '', language)).json().errors[0].reason).toContain('"dry_run"');
    expect(await api.services.customers.findByIdentity({ kind: 'email', value: 'un1@example.com' })).toBeFalsy();
    // Each is named; the preview refuses them alike.
    const two = await multipart([{ name: 'skip_invalids', value: 'true' }, { name: 'colour', value: 'red' }, file('card\nx\n')], 'purchases', '/preview');
    expect(two.json().errors).toEqual([
      { field: 'skip_invalids', reason: 'unknown field "skip_invalids" — did you mean "skip_invalid"?' },
      { field: 'colour', reason: 'unknown field "colour"' },
    ]);
  });
});

describe('an upload sent otherwise than one file in a multipart form', () => {
  const problemOf = (res: Awaited<ReturnType<typeof multipart>>) => ({ status: res.statusCode, language: res.headers['content-language'], title: res.json().title, detail: res.json().detail });
  const send = (url: string, body: string, headers: Record<string, string>) => api.call('POST', url, { body, headers });

  it('is a 415 naming the type sent and the one to send, in the language asked, for JSON too (it was an English 406)', async () => {
    const json = JSON.stringify({ map: { total: 'amount' } });
    expect(problemOf(await send('/api/v1/imports/purchases', json, { 'content-type': 'application/json', 'accept-language': 'sl' }))).toEqual({
      status: 415, language: 'sl', title: 'Nepodprta vrsta vsebine',
      detail: 'Telo zahteve je poslano kot application/json, česar ta končna točka ne bere: pošljite ga kot multipart/form-data',
    });
    expect(problemOf(await send('/api/v1/imports/purchases/preview', json, { 'content-type': 'application/json; charset=utf-8' })).detail)
      .toBe('The body is sent as application/json, which this endpoint does not read: send it as multipart/form-data');
    // Refused before it is read: broken JSON is no 400 about its JSON; no type at all is told so.
    expect(problemOf(await send('/api/v1/imports/customers', '{"broken', { 'content-type': 'application/json', 'accept-language': 'ru' })).detail)
      .toBe('Тело запроса отправлено как application/json, а эта конечная точка такое не читает: отправьте его как multipart/form-data');
    expect(problemOf(await api.call('POST', '/api/v1/imports/purchases', { headers: { 'accept-language': 'da' } }))).toEqual({
      status: 415, language: 'da', title: expect.any(String), detail: 'Indholdet er sendt uden Content-Type: send det som multipart/form-data',
    });
    // The key is checked first, as on every route.
    expect((await api.call('POST', '/api/v1/imports/purchases', { key: null, body: json, headers: { 'content-type': 'application/json' } })).statusCode).toBe(401);
  });

  it('with two files is a 422 naming `file`, in the language asked, and imports nothing (it was an English 413)', async () => {
    const map = JSON.stringify({ external_id: 'card', customer_email: 'E-mail', occurred_at: 'date', total: 'amount' });
    const two = [{ name: 'map', value: map }, file('card,E-mail,date,amount\ntwo-1,t1@example.com,2026-03-01,5.00\n'), file('card,E-mail,date,amount\ntwo-2,t2@example.com,2026-03-01,5.00\n')];
    const en = await multipart(two);
    expect(en.statusCode, en.body).toBe(422);
    const reason = 'the upload holds more than one file: send one, as the part "file" (map, date_format and the other options as text fields)';
    expect(en.json().errors).toEqual([{ field: 'file', reason }]);
    expect(en.json().detail).toBe(`file: ${reason}`);
    const sl = await multipart(two, 'purchases', '', 'sl');
    expect([sl.statusCode, sl.headers['content-language'], sl.json().errors[0].field]).toEqual([422, 'sl', 'file']);
    expect(sl.json().errors[0].reason).toMatch(/^nalaganje vsebuje več kot eno datoteko/);
    for (const language of ['tr', 'da', 'ru']) expect((await multipart(two, 'purchases', '', language)).json().errors[0].reason).toContain('"file"');
    // An option sent as a file is a second file too; the preview refuses it alike.
    const mapAsFile = await multipart([{ name: 'map', value: map, filename: 'map.json' }, file('card\nx\n')], 'purchases', '/preview');
    expect(mapAsFile.json().errors).toEqual([{ field: 'file', reason }]);
    expect(await api.services.customers.findByIdentity({ kind: 'email', value: 't1@example.com' })).toBeFalsy();
  });
});
