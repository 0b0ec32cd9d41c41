import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// CSV import over HTTP, as the dashboard and the CLI beside a running server send it:
// a multipart upload answered with the import's result, or, for a client that accepts
// NDJSON, with the import's progress line by line and the result last.

const api = useTestApp({ keys: { 'back office': ['read', 'write'] } });

function upload(kind: string, csv: string, fields: Record<string, string> = {}, accept = 'application/json', step = '') {
  const boundary = 'test-boundary';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const payload = `${parts.join('')}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="sales.csv"\r\ncontent-type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return api.call('POST', `/api/v1/imports/${kind}${step}`, { body: payload, headers: { accept, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

const lines = (body: string) => body.trim().split('\n').map((line) => JSON.parse(line) as { progress?: { phase: string; rows: number; bytes: number; total_bytes: number }; result?: Record<string, unknown>; error?: Record<string, unknown> });

const rows = (n: number, from = 0) =>
  ['order,email,date,amount', ...Array.from({ length: n }, (_, i) => `web-${from + i},buyer${(from + i) % 500}@example.com,2026-03-${String(1 + (i % 28)).padStart(2, '0')},${(i % 90) + 1}.50`)].join('\n');
const map = JSON.stringify({ external_id: 'order', customer_email: 'email', occurred_at: 'date', total: 'amount' });

describe('POST /imports/:kind', () => {
  it('answers a plain request with the result, and a repeated file adds nothing', async () => {
    const first = await upload('purchases', rows(5), { map });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'purchases', rows: 5, created: 5, duplicates: 0, imported: true });
    const again = await upload('purchases', rows(5), { map });
    expect(again.json()).toMatchObject({ rows: 5, created: 0, duplicates: 5, imported: true });
  });

  it('streams the progress of each phase and then the result to a client that accepts NDJSON', async () => {
    const csv = rows(3000, 100);
    const res = await upload('purchases', csv, { map }, 'application/x-ndjson, application/json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const messages = lines(res.body);
    const progress = messages.filter((m) => m.progress).map((m) => m.progress!);
    expect(progress[0]).toMatchObject({ phase: 'validate', rows: 2000, total_bytes: Buffer.byteLength(csv) });
    expect(progress.every((p) => p.bytes <= p.total_bytes && p.rows <= 3000)).toBe(true);
    expect(messages.at(-1)).toEqual({ result: expect.objectContaining({ rows: 3000, created: 3000, imported: true }) });
    expect(messages.filter((m) => m.result || m.error)).toHaveLength(1);
    expect((await api.services.commerce.totals()).purchases).toBe(3005);
  });

  it('reports every bad line in the result line and imports nothing', async () => {
    const res = await upload('purchases', `${rows(2, 9000)}\nweb-x,,2026-03-01,1.00\nweb-y,z@example.com,2026-03-01,-4\n`, { map }, 'application/x-ndjson');
    const result = lines(res.body).at(-1)!.result!;
    expect(result).toMatchObject({ imported: false, invalid: 2, created: 0 });
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 4, column: 'email', reason: 'is empty — a purchase needs its customer' }), // the file's identity column, in its words
      expect.objectContaining({ line: 5, column: 'amount' }), // the file's own name for the total
    ]);
    expect((await api.services.commerce.totals()).purchases).toBe(3005);
  });

  it('answers a file whose columns do not fit with a 422 problem, not a stream', async () => {
    const res = await upload('purchases', 'order,email\n1,a@example.com\n', {}, 'application/x-ndjson');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toBeTruthy();
    const badMap = await upload('purchases', rows(1), { map: '["total"]' }, 'application/x-ndjson');
    expect(badMap.statusCode).toBe(422);
    expect(badMap.json().errors).toEqual([{ field: 'map', reason: 'must be a JSON object { canonical: column }' }]);
  });

  it('imports refunds of purchases already in, and names the kinds it knows when given another', async () => {
    const refunds = 'order,refund_id,amount\nweb-0,back-0,0.50\nweb-1,back-1,\n';
    const res = await upload('refunds', refunds, { map: JSON.stringify({ purchase: 'order', external_id: 'refund_id' }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'refunds', rows: 2, created: 2, invalid: 0, imported: true });
    expect((await api.services.commerce.get('web-1')).refunded).toBe('2.50');
    const other = await upload('returns', refunds);
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([{ field: 'kind', reason: 'must be one of purchases, customers, refunds, points, not "returns"' }]);
  });

  it('with dry_run=true checks the file and tells what it would import, writing nothing; another value is refused', async () => {
    const before = await api.services.commerce.totals();
    const res = await upload('purchases', rows(4, 0) + '\n' + rows(3, 20_000).split('\n').slice(1).join('\n'), { map, dry_run: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 7, created: 3, duplicates: 4, invalid: 0, imported: false, dry_run: true });
    expect(await api.services.commerce.totals()).toEqual(before);
    const bad = await upload('purchases', rows(1), { map, dry_run: 'yes' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'dry_run', reason: 'must be true or false, not "yes"' }]);
  });
});

// A file's own "store" column of store names failed every row, and the dashboard's "not
// mapped" ("") was read as not said: that column was imported all the same.
describe('POST /imports/:kind with a field mapped to no column', () => {
  it('imports the file without the column, even one of the field\'s own name', async () => {
    const csv = 'order,email,date,amount,store\nst-1,st@example.com,2026-03-01,5.00,Ljubljana centre\n';
    const refused = await upload('purchases', csv, { map });
    expect(refused.json()).toMatchObject({ created: 0, invalid: 1, errors: [{ line: 2, column: 'store', reason: expect.stringMatching(/^unknown store "Ljubljana centre"/) }] });
    const none = await upload('purchases', csv, { map: JSON.stringify({ ...JSON.parse(map), store: '' }) });
    expect(none.json()).toMatchObject({ created: 1, invalid: 0, imported: true });
  });
});

describe('POST /imports/:kind/preview', () => {
  it("answers a file's headers, its first rows and a suggested mapping", async () => {
    const res = await upload('purchases', rows(8), {}, 'application/json', '/preview');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ headers: ['order', 'email', 'date', 'amount'], suggested_map: { external_id: 'order', customer_email: 'email' } });
    expect(res.json().sample).toHaveLength(5);
    expect(res.json().canonical).toContainEqual({ name: 'total', required: true, unless: 'line_unit_price' });
  });
});

// Last: it adds a purchase, which the counts above do not expect.
describe('POST /imports/:kind with a file format', () => {
  it('reads dates and amounts by the format given, and refuses a format it cannot read before reading the file', async () => {
    const csv = ['order;email;date;amount', 'eu-1;eu@example.com;1.3.2026 9:15;12,50'].join('\n');
    const ok = await upload('purchases', csv, { map, date_format: 'D.M.YYYY H:mm', decimal_comma: 'true' });
    expect(ok.json()).toMatchObject({ created: 1, imported: true });
    expect((await api.call('GET', '/api/v1/purchases/eu-1')).json()).toMatchObject({ total: '12.50', occurred_at: '2026-03-01T08:15:00.000Z' });
    const badFormat = await upload('purchases', csv, { map, date_format: 'DD.MM.YY' });
    expect(badFormat.statusCode).toBe(422);
    expect(badFormat.json().errors).toEqual([{ field: 'date_format', reason: '"DD.MM.YY": a two-digit year (YY) cannot tell 1925 from 2025: write YYYY' }]);
    const badFlag = await upload('purchases', csv, { map, decimal_comma: 'yes' });
    expect(badFlag.json().errors).toEqual([{ field: 'decimal_comma', reason: 'must be true or false, not "yes"' }]);
    // Not read as false: a client meaning "skip" would get nothing imported without a word.
    const badSkip = await upload('purchases', csv, { map, skip_invalid: '1' });
    expect(badSkip.json().errors).toEqual([{ field: 'skip_invalid', reason: 'must be true or false, not "1"' }]);
    // The preview checks the options it is given, so a mistyped format is told before the import.
    const preview = await upload('purchases', csv, { date_format: 'DD.MM.YYYY HH:MM' }, 'application/json', '/preview');
    expect(preview.statusCode).toBe(422);
    expect(preview.json().errors[0]).toMatchObject({ field: 'date_format' });
  });
});

describe('POST /imports/points', () => {
  it('credits opening balances from a Smile.io export once, in the request\'s language, a dry run first', async () => {
    const csv = 'Email,Points balance\npts-ana@example.com,500\npts-bo@example.com,-5\n';
    const map = JSON.stringify({ email: 'Email', points: 'Points balance' });
    const dry = await upload('points', csv, { map, dry_run: 'true', skip_invalid: 'true' });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'points', rows: 2, created: 1, invalid: 1, dry_run: true, points: { members: 1, credited: 500, debited: 0 } });
    expect(dry.json().errors).toEqual([{ line: 3, column: 'Points balance', reason: "would take away 5 where the member has 0 points to spend (with the file's rows above)" }]);
    const done = await upload('points', csv, { map, skip_invalid: 'true' });
    expect(done.json()).toMatchObject({ created: 1, imported: true, points: { members: 1, credited: 500, debited: 0 } });
    const again = await upload('points', csv, { map, skip_invalid: 'true' });
    expect(again.json()).toMatchObject({ created: 0, duplicates: 1, imported: true });
    const ana = (await api.services.customers.findByIdentity({ kind: 'email', value: 'pts-ana@example.com' }))!;
    expect((await api.services.loyalty.account(ana)).balance).toBe(500);
  });
});
