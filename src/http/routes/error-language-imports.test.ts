import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A CSV import as the dashboard's import page meets it in the user's language: a file
// refused as a whole (its columns, its date format, the upload's options) and the report
// of its bad rows; and a batch of purchases, each one's problem. English, word for word as
// before, to a client that asks for no language (the CLI, scripts); any other language is
// named in Content-Language, on a 200 as on a 422.

const api = useTestApp({ keys: { 'back office': ['read', 'write'] } });

function upload(kind: string, csv: string, fields: Record<string, string> = {}, language?: string) {
  const boundary = 'test-boundary';
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const payload = `${parts.join('')}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="sales.csv"\r\ncontent-type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (language) headers['accept-language'] = language;
  return api.call('POST', `/api/v1/imports/${kind}`, { body: payload, headers });
}

const map = JSON.stringify({ external_id: 'order', customer_email: 'email', occurred_at: 'date', total: 'amount' });

describe('a file refused as a whole', () => {
  // Regression: a missing column's hint named the command line's --map to a caller of the
  // upload, who maps a column in its "map" field (or, on the dashboard, under Columns).
  it('its columns: 422 in English and Slovenian, telling how an upload maps a column', async () => {
    const en = await upload('purchases', 'order,email\n1,a@example.com\n');
    expect(en.statusCode).toBe(422);
    expect(en.json().errors).toContainEqual({
      field: 'occurred_at',
      reason: 'required column "occurred_at" is missing (map another column to it in the upload\'s field "map": {"occurred_at":"COLUMN"}; on the dashboard, choose its column under Columns)',
    });
    expect(en.json().errors).toContainEqual({
      field: 'total',
      reason: 'required column "total" is missing (map another column to it in the upload\'s field "map": {"total":"COLUMN"}, or map line_unit_price; on the dashboard, choose a column for either under Columns)',
    });
    expect(en.json().detail).toMatch(/^The file's columns do not fit: required column "occurred_at" is missing/);
    expect(en.json().detail).not.toContain('--map');
    const sl = await upload('purchases', 'order,email\n1,a@example.com\n', {}, 'sl');
    expect([sl.statusCode, sl.headers['content-language']]).toEqual([422, 'sl']);
    expect(sl.json().errors).toContainEqual({
      field: 'occurred_at',
      reason: 'manjka obvezni stolpec "occurred_at" (v polju "map" nalaganja mu priredite drug stolpec: {"occurred_at":"COLUMN"}; v nadzorni plošči mu izberite stolpec pod Stolpci)',
    });
    expect(sl.json().detail).toMatch(/^Stolpci datoteke se ne ujemajo: manjka obvezni stolpec "occurred_at"/);
    // With the mapping it names, the file fits.
    const mapped = await upload('purchases', 'order,email,when,amount\n1,a@example.com,2026-03-01,2.00\n', { map: JSON.stringify({ external_id: 'order', customer_email: 'email', occurred_at: 'when', total: 'amount' }) });
    expect(mapped.json()).toMatchObject({ created: 1, imported: true });
  });

  it('its date format and the upload\'s options: 422 in Russian and Danish', async () => {
    const ru = await upload('purchases', 'order,email,date,amount\n1,a@example.com,1.3.26,5.00\n', { map, date_format: 'D.M.YY' }, 'ru');
    expect(ru.json().errors).toEqual([{ field: 'date_format', reason: '"D.M.YY": по двузначному году (YY) не отличить 1925 от 2025: пишите YYYY' }]);
    const da = await upload('orders', 'x\n1\n', {}, 'da');
    expect(da.json().errors).toEqual([{ field: 'kind', reason: 'skal være en af purchases, customers, refunds, points, ikke "orders"' }]);
    expect((await upload('orders', 'x\n1\n')).json().errors).toEqual([{ field: 'kind', reason: 'must be one of purchases, customers, refunds, points, not "orders"' }]);
    const missing = await upload('purchases', 'order,email,date,amount\n1,a@example.com,1.3.2026 10:00,5.00\n', { map }, 'tr');
    expect(missing.json().errors).toEqual([{ field: 'date_format', reason: 'date sütunundaki tarihler ISO 8601 biçiminde değil (satır 2: "1.3.2026 10:00"): dosyanın tarih biçimini belirtin, "D.M.YYYY H:mm"' }]);
  });
});

describe("the report of a file's bad rows", () => {
  const csv = ['order,email,date,amount', 'w-1,,2026-03-01,1.00', 'w-2,b@example.com,2026-03-01,"4,50"', 'w-3,c@example.com,2026-03-01,1.00,5'].join('\n');

  it('in English as before, and in Turkish', async () => {
    const en = (await upload('purchases', csv, { map })).json();
    expect(en).toMatchObject({ imported: false, invalid: 3 });
    expect(en.errors).toEqual([
      { line: 2, column: 'email', reason: 'is empty — a purchase needs its customer' },
      { line: 3, column: 'amount', reason: 'must be a non-negative decimal amount such as "29.33", not "4,50": written with a decimal comma? Import with --decimal-comma (on the dashboard: amounts written with a decimal comma)' },
      { line: 4, column: '(row)', reason: '5 fields where the header has 4 — a "," inside a value? Quote values that contain ","' },
    ]);
    const trAnswer = await upload('purchases', csv, { map }, 'tr');
    // A 200 whose reasons are told says so, as a 422 does (QA F8: it carried no Content-Language); English goes unsaid.
    expect([trAnswer.statusCode, trAnswer.headers['content-language']]).toEqual([200, 'tr']);
    expect((await upload('purchases', csv, { map })).headers['content-language']).toBeUndefined();
    const tr = trAnswer.json();
    expect(tr.errors).toEqual([
      { line: 2, column: 'email', reason: 'boş — her alışverişin bir müşterisi olmalıdır' },
      { line: 3, column: 'amount', reason: '"29.33" gibi ondalık ayırıcısı nokta (virgül değil) olan, negatif olmayan bir tutar olmalıdır, "4,50" değil: ondalık virgülle mi yazılmış? --decimal-comma ile içe aktarın (panelde: tutarlar ondalık virgülle yazılmış)' },
      { line: 4, column: '(row)', reason: 'başlıkta 4 alan varken 5 alan — bir değerin içinde "," mi var? "," içeren değerleri tırnak içine alın' },
    ]);
  });

  it('a value the file\'s format cannot read, in Slovenian', async () => {
    const answer = await upload('purchases', 'order,email,date,amount\nw-9,d@example.com,31.2.2026 10:00,"1,50"\n', { map, date_format: 'D.M.YYYY H:mm', decimal_comma: 'true' }, 'sl');
    expect(answer.headers['content-language']).toBe('sl');
    const sl = answer.json();
    expect(sl.errors).toEqual([{ line: 2, column: 'date', reason: 'dneva "31.2.2026 10:00" ni v koledarju (po zapisu D.M.YYYY H:mm prebrano kot 2026-02-31)' }]);
  });
});

it('a batch of purchases: each problem told in the language asked', async () => {
  const batch = { purchases: [{ external_id: 'b-1', customer: { email: 'e@example.com' }, occurred_at: '2026-03-01T10:00:00Z', total: '-1' }] };
  const en = await api.call('POST', '/api/v1/purchases/batch', { body: batch });
  const sl = await api.call('POST', '/api/v1/purchases/batch', { body: batch, headers: { 'accept-language': 'sl' } });
  expect(en.json().results[0].error.errors).toEqual([{ field: 'total', reason: 'must be a non-negative decimal amount such as "29.33"' }]);
  expect([sl.statusCode, sl.headers['content-language'], en.headers['content-language']]).toEqual([200, 'sl', undefined]);
  expect(sl.json().results[0].error).toMatchObject({ title: 'Vsebine ni mogoče obdelati', errors: [{ field: 'total', reason: 'mora biti nenegativen decimalni znesek z decimalno piko (ne vejico), na primer "29.33"' }] });
});
