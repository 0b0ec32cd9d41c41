import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.ts';

// What a request the routes never see is told, in the language asked: a body that is not
// JSON (with the parser's position, not its English sentence), a body of a type the API
// does not read (415, naming the type received and the one to send), and a path with an id
// left empty. Nothing is written.

const api = useTestApp({ keys: { till: ['read', 'write'] } });

const post = (url: string, body: string, contentType: string, language?: string) =>
  api.call('POST', url, { body, headers: { 'content-type': contentType, ...(language ? { 'accept-language': language } : {}) } });
const problemOf = (answer: Awaited<ReturnType<typeof post>>) => ({ status: answer.statusCode, language: answer.headers['content-language'], type: answer.headers['content-type'], title: answer.json().title, detail: answer.json().detail });
const purchase = JSON.stringify({ external_id: 'r-1', customer: { email: 'r@example.com' }, occurred_at: '2026-05-20T09:15:00+02:00', total: '5.00' });

let mia: string;
beforeAll(async () => {
  mia = (await api.call('POST', '/api/v1/customers', { body: { email: 'mia@example.com' } })).json().id;
});

describe('a body that is not JSON', () => {
  it('is told in the language asked, with the position of the error and none of the parser\'s English', async () => {
    const broken = '{"external_id": "r-1" "total": "5.00"}';
    expect(problemOf(await post('/api/v1/purchases', broken, 'application/json', 'sl'))).toEqual({
      status: 400, language: 'sl', type: 'application/problem+json; charset=utf-8', title: 'Napačna zahteva', detail: 'Telo zahteve ni veljaven JSON (na položaju 22)',
    });
    expect(problemOf(await post('/api/v1/purchases', broken, 'application/json', 'ru')).detail).toBe('Тело запроса не является корректным JSON (в позиции 22)');
    expect(problemOf(await post('/api/v1/purchases', broken, 'application/json')).detail).toBe('The body is not valid JSON (at position 22)');
    // Audit: Node 20 names no position for a bad word ("Unexpected token 'o', "notjson" is not valid JSON"), and the sentence came alone.
    expect(problemOf(await post('/api/v1/purchases', 'notjson', 'application/json', 'ru')).detail).toBe('Тело запроса не является корректным JSON (в позиции 1)');
  });
});

describe('a JSON body whose bytes are not UTF-8', () => {
  // QA: a till's windows-1250 "Ma\xC8ja" was read with U+FFFD in place of the byte, and stored as "Ma�ja".
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const postBytes = (url: string, body: Buffer, language?: string) =>
    api.call('POST', url, { body, headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) } });

  it('is a 400 naming the first bad byte and its offset, in the language asked, and writes nothing', async () => {
    const customer = bytes('{"external_id":"u8-1","first_name":"Ma', [0xc8], 'ja"}');
    expect(problemOf(await postBytes('/api/v1/customers', customer, 'sl'))).toEqual({
      status: 400, language: 'sl', type: 'application/problem+json; charset=utf-8', title: 'Napačna zahteva',
      detail: 'Telo zahteve ni besedilo UTF-8 (bajt 0xC8 na odmiku 38): pošljite JSON, kodiran v UTF-8',
    });
    expect(problemOf(await postBytes('/api/v1/customers', customer)).detail).toBe('The body is not UTF-8 text (byte 0xC8 at byte offset 38): send JSON encoded as UTF-8');
    for (const language of ['tr', 'da', 'ru']) expect(problemOf(await postBytes('/api/v1/customers', customer, language)).detail).toMatch(/0xC8.*38/);
    expect((await api.call('GET', '/api/v1/customers?query=u8-1')).json().items).toEqual([]);
    // A purchase alike (a bare continuation byte after valid accented text), and a character cut short at the end.
    const purchaseBytes = bytes('{"external_id":"č-1","customer":{"email":"r@example.com","first_name":"Šo', [0x80], '"},"occurred_at":"2026-05-20T09:15:00+02:00","total":"5.00"}');
    expect(problemOf(await postBytes('/api/v1/purchases', purchaseBytes, 'ru')).detail).toBe('Тело запроса — не текст UTF-8 (байт 0x80 на смещении 75): отправьте JSON в кодировке UTF-8');
    expect(problemOf(await postBytes('/api/v1/purchases', bytes('{"a":"', [0xe2, 0x82]))).detail).toBe('The body is not UTF-8 text (byte 0xE2 at byte offset 6): send JSON encoded as UTF-8');
    expect((await api.call('GET', `/api/v1/purchases/${encodeURIComponent('č-1')}`)).statusCode).toBe(404);
  });

  it('reads UTF-8 as it always did: accents, an emoji, and U+FFFD the client itself sent', async () => {
    const res = await postBytes('/api/v1/customers', bytes('{"external_id":"u8-2","first_name":"Mačja 😀 \uFFFD', [0xef, 0xbf, 0xbd], '"}'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().first_name).toBe('Mačja 😀 \uFFFD\uFFFD');
  });
});

describe('an amount sent as a JSON number larger than JSON numbers carry exactly', () => {
  // QA: 9007199254740993 is read as 9007199254740992, and the refusal quoted that, a value never sent.
  const body = (total: string) => `{"external_id":"big-1","customer":{"email":"big@example.com"},"occurred_at":"2026-05-20T09:15:00+02:00","total":${total}}`;

  it('is a 422 naming the field, saying to send it as a string, and quoting no number it was not sent', async () => {
    const en = await post('/api/v1/purchases', body('9007199254740993'), 'application/json');
    expect(en.statusCode, en.body).toBe(422);
    expect(en.json().errors).toEqual([{ field: 'total', reason: 'is a number too large to be read exactly (over 2^53): send the amount as a string, e.g. "29.33"' }]);
    expect(en.body).not.toContain('9007199254740992');
    const sl = await post('/api/v1/purchases', body('1e300'), 'application/json', 'sl');
    expect(sl.json().errors).toEqual([{ field: 'total', reason: 'je število, preveliko, da bi ga bilo mogoče prebrati natančno (nad 2^53): pošljite znesek kot niz, npr. "29.33"' }]);
    for (const language of ['tr', 'da', 'ru']) expect((await post('/api/v1/purchases', body('9007199254740993'), 'application/json', language)).json().errors[0].reason).toContain('2^53');
    // As a string, it is quoted as written; a number JSON carries exactly is refused as before.
    expect((await post('/api/v1/purchases', body('"9007199254740993"'), 'application/json')).json().errors).toEqual([{ field: 'total', reason: '"9007199254740993" is too large' }]);
    expect((await post('/api/v1/purchases', body('90071992547410'), 'application/json')).json().errors).toEqual([{ field: 'total', reason: '"90071992547410" is too large' }]);
    expect((await api.call('GET', '/api/v1/purchases/big-1')).statusCode).toBe(404);
  });
});

describe('a body of a type the API does not read', () => {
  it('is a 415 naming the type received and the one to send, in the language asked', async () => {
    expect(problemOf(await post('/api/v1/purchases', purchase, 'text/plain', 'sl'))).toEqual({
      status: 415, language: 'sl', type: 'application/problem+json; charset=utf-8', title: 'Nepodprta vrsta vsebine',
      detail: 'Telo zahteve je poslano kot text/plain, česar ta končna točka ne bere: pošljite ga kot application/json',
    });
    expect(problemOf(await post('/api/v1/purchases', purchase, 'text/plain; charset=utf-8', 'ru')).detail)
      .toBe('Тело запроса отправлено как text/plain, а эта конечная точка такое не читает: отправьте его как application/json');
    expect(problemOf(await post('/api/v1/purchases', 'a=1', 'application/x-www-form-urlencoded')).detail)
      .toBe('The body is sent as application/x-www-form-urlencoded, which this endpoint does not read: send it as application/json');
    // An import reads a multipart upload, and says so.
    expect(problemOf(await post('/api/v1/imports/purchases', 'order,total\n1,5.00\n', 'text/csv', 'sl')).detail)
      .toBe('Telo zahteve je poslano kot text/csv, česar ta končna točka ne bere: pošljite ga kot multipart/form-data');
    expect((await api.call('GET', '/api/v1/purchases/r-1')).statusCode).toBe(404); // nothing was written
  });

  it('is no body when it is empty, as an empty JSON body is', async () => {
    const enrol = await post(`/api/v1/customers/${mia}/loyalty/enrol`, '', 'application/x-www-form-urlencoded');
    expect(enrol.statusCode, enrol.body).not.toBe(415);
  });
});

describe('a path with its id left empty', () => {
  it('is a 404 naming the parameter and the route, not "Customer  not found"', async () => {
    const body = JSON.stringify({ points: 10, reason: 'a test', idempotency_key: 'k-1' });
    expect(problemOf(await post('/api/v1/customers//loyalty/adjustments', body, 'application/json', 'sl'))).toEqual({
      status: 404, language: 'sl', type: 'application/problem+json; charset=utf-8', title: 'Ni najdeno', detail: 'Pot ne navaja parametra id: /api/v1/customers/:id/loyalty/adjustments ga potrebuje',
    });
    expect(problemOf(await post('/api/v1/customers//loyalty/adjustments', body, 'application/json', 'ru')).detail).toBe('В пути не указан id: он нужен для /api/v1/customers/:id/loyalty/adjustments');
    expect(problemOf(await post('/api/v1/customers//loyalty/adjustments', body, 'application/json')).detail).toBe('The path gives no id: /api/v1/customers/:id/loyalty/adjustments needs one');
    expect((await api.call('GET', '/api/v1/purchases/%20')).json().detail).toBe('The path gives no id: /api/v1/purchases/:id needs one');
  });
});

describe('a path id as long as the API lets an id be', () => {
  // Regression: Fastify's router refuses a path parameter over 100 characters, so a
  // purchase recorded with an order id of 101 to 200 characters (the schema's limit) could
  // be neither read nor refunded by it: a 414 in Fastify's own JSON, not a problem.
  it('reads and refunds a purchase by an order id of 200 characters, accented ones too', async () => {
    const id = `${'č'.repeat(100)}${'o'.repeat(98)}😀`; // 200 UTF-16 units, as the schema counts
    const recorded = await api.call('POST', '/api/v1/purchases', { body: { external_id: id, customer: { email: 'long@example.com' }, occurred_at: '2026-05-20T09:15:00+02:00', total: '5.00' } });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const read = await api.call('GET', `/api/v1/purchases/${encodeURIComponent(id)}`);
    expect([read.statusCode, read.json().external_id]).toEqual([200, id]);
    const refund = await api.call('POST', `/api/v1/purchases/${encodeURIComponent(id)}/refunds`, { body: { external_id: 'long-refund', amount: '1.00' } });
    expect(refund.statusCode, refund.body).toBe(201);
  });
});

describe('a path that is no URL, or longer than any id', () => {
  it('is a problem told in the language asked, not Fastify\'s own JSON', async () => {
    const bad = await api.call('GET', '/api/v1/purchases/%ZZ', { headers: { 'accept-language': 'sl' } });
    expect(problemOf(bad)).toEqual({
      status: 400, language: 'sl', type: 'application/problem+json; charset=utf-8', title: 'Napačna zahteva', detail: 'Pot /api/v1/purchases/%ZZ ni veljaven URL: znak % mora začeti kodo, kot je %20',
    });
    expect(problemOf(await api.call('GET', '/api/v1/purchases/%ZZ')).detail).toBe('The path /api/v1/purchases/%ZZ is not a valid URL: a % must start an escape such as %20');
    const long = await api.call('GET', `/api/v1/purchases/${'a'.repeat(5000)}/refunds`, { headers: { 'accept-language': 'da' } });
    expect(problemOf(long)).toEqual({
      status: 414, language: 'da', type: 'application/problem+json; charset=utf-8', title: 'URI er for lang', detail: 'En del af stien er længere end 4.096 tegn: intet id eller nogen kode er så lang',
    });
    expect(problemOf(await api.call('GET', `/api/v1/purchases/${'a'.repeat(5000)}`)).detail).toBe('A part of the path is longer than 4,096 characters: no id or code is that long');
  });
});
