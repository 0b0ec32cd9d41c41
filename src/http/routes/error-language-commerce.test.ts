import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { PURCHASE_CHANNELS } from '../../modules/commerce/purchase.schema.ts';
import { fixedText } from '../../shared/messages/index.ts';

// A purchase and a refund refused, told in the language asked: the dates, the store, and
// what is left to refund (the QA pass found them English under a translated title). The
// CSV import checks its rows by the same rules, so its report is in one language too.
// Nothing is written on a refusal.

const api = useTestApp({ keys: { till: ['read', 'write'] } });

const inLanguage = (language?: string): Record<string, string> => (language ? { 'accept-language': language } : {});
const purchase = (over: Record<string, unknown>) => ({ external_id: 'qa-1', customer: { email: 'qa@example.com' }, occurred_at: '2026-05-20T09:15:00+02:00', total: '5.00', ...over });
const buy = (over: Record<string, unknown>, language?: string) => api.call('POST', '/api/v1/purchases', { body: purchase(over), headers: inLanguage(language) });
const refund = (body: Record<string, unknown>, language?: string) =>
  api.call('POST', '/api/v1/purchases/tea-1/refunds', { body: { external_id: crypto.randomUUID(), ...body }, headers: inLanguage(language) });

/** A 422 whose one field problem is told word for word in English (no language asked), Slovenian and Russian, with Content-Language. */
async function expectTold(send: (language?: string) => ReturnType<typeof buy>, field: string, reasons: { en: string; sl: string; ru: string }) {
  for (const [asked, language] of [[undefined, undefined], ['sl-SI,sl;q=0.9', 'sl'], ['ru', 'ru']] as const) {
    const answer = await send(asked);
    const reason = reasons[language ?? 'en'];
    expect({ status: answer.statusCode, language: answer.headers['content-language'], errors: answer.json().errors }).toEqual({ status: 422, language, errors: [{ field, reason }] });
  }
}

beforeAll(async () => {
  const bought = await buy({ external_id: 'tea-1', lines: [{ sku: 'TEA', quantity: 2, unit_price: '2.50' }] });
  expect(bought.statusCode).toBe(201);
});

describe('a purchase refused', () => {
  const cases: [string, Record<string, unknown>, string, { en: string; sl: string; ru: string }][] = [
    ['a day the calendar lacks', { occurred_at: '2026-11-31' }, 'occurred_at', {
      en: 'is not a day of the calendar (2026-11-31)', sl: 'tega dne ni v koledarju (2026-11-31)', ru: 'такого дня нет в календаре (2026-11-31)',
    }],
    ['more than a day ahead', { occurred_at: '2027-06-06T10:00:00+01:00' }, 'occurred_at', {
      en: 'is more than a day in the future', sl: 'je več kot en dan v prihodnosti', ru: 'более чем на сутки в будущем',
    }],
    ['not a date', { occurred_at: 'notadate' }, 'occurred_at', {
      en: 'must be an ISO 8601 timestamp with a time zone offset (2025-03-01T10:15:00+01:00) or a date (2025-03-01)',
      sl: 'mora biti časovni žig ISO 8601 z zamikom časovnega pasu (2025-03-01T10:15:00+01:00) ali datum (2025-03-01)',
      ru: 'должно быть меткой времени ISO 8601 со смещением часового пояса (2025-03-01T10:15:00+01:00) или датой (2025-03-01)',
    }],
    ['an unknown store', { store: 'nope' }, 'store', {
      en: 'unknown store "nope" (create it first: regulars stores create, or POST /api/v1/stores)',
      sl: 'neznana trgovina "nope" (najprej jo ustvarite: regulars stores create ali POST /api/v1/stores)',
      ru: 'неизвестный магазин "nope" (сначала создайте его: regulars stores create или POST /api/v1/stores)',
    }],
  ];

  it.each(cases)('%s: in English as before, in Slovenian and in Russian', async (_, over, field, reasons) => {
    await expectTold((language) => buy(over, language), field, reasons);
    expect((await buy(over, 'sl')).json().detail).toContain(`${field}: ${reasons.sl}`);
    expect((await api.call('GET', '/api/v1/purchases/qa-1')).statusCode).toBe(404); // nothing was written
  });
});

it("a customer's phone, a channel and a SKU not bought, in Slovenian and Russian", async () => {
  expect((await buy({ channel: 'fax' }, 'sl')).json().errors).toEqual([
    { field: 'channel', reason: 'mora biti ena od vrednosti in_store, online, phone, other' },
  ]);
  expect((await buy({ customer: { phone: 'abc' } }, 'ru')).json().errors).toEqual([
    { field: 'customer.phone', reason: '"abc" — недопустимый номер телефона (используйте международный формат, например +38640123456, или задайте PHONE_REGION)' },
  ]);
  expect((await refund({ lines: [{ sku: 'COF', quantity: 1 }] }, 'sl')).json().errors).toEqual([{ field: 'lines.0.sku', reason: 'nakup tea-1 nima postavke s SKU COF' }]);
  // The channel's fixed text names the channels the schema takes.
  expect(fixedText('purchase.channel')).toBe(`must be one of ${PURCHASE_CHANNELS.join(', ')}`);
});

describe('a refund refused', () => {
  const cases: [string, Record<string, unknown>, string, { en: string; sl: string; ru: string }][] = [
    ['more than is left', { amount: '60.00' }, 'amount', {
      en: 'exceeds the refundable €5.00', sl: 'presega znesek 5,00\u00a0€, ki ga je še mogoče vrniti', ru: 'превышает сумму 5,00\u00a0€, доступную для возврата',
    }],
    ['dated before the purchase', { occurred_at: '2026-05-19' }, 'occurred_at', {
      en: 'is before the purchase it refunds (2026-05-20)', sl: 'je pred nakupom, na katerega se vračilo nanaša (2026-05-20)', ru: 'раньше покупки, к которой относится возврат (2026-05-20)',
    }],
    ['more of a SKU than was bought', { lines: [{ sku: 'TEA', quantity: 5 }] }, 'lines.0.quantity', {
      en: 'exceeds the 2 of SKU TEA still returnable (2 bought)',
      sl: 'presega količino SKU TEA, ki jo je še mogoče vrniti: 2 (kupljeno: 2)',
      ru: 'превышает количество SKU TEA, которое ещё можно вернуть: 2 (куплено: 2)',
    }],
  ];

  it.each(cases)('%s: in English as before, in Slovenian and in Russian', async (_, body, field, reasons) => {
    await expectTold((language) => refund(body, language), field, reasons);
    expect((await api.call('GET', '/api/v1/purchases/tea-1')).json()).toMatchObject({ total: '5.00', refunded: '0.00' }); // nothing was written
  });
});

describe("an import's report", () => {
  function upload(csv: string, language: string) {
    const boundary = 'test-boundary';
    const payload = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="sales.csv"\r\ncontent-type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    return api.call('POST', '/api/v1/imports/purchases', { body: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...inLanguage(language) } });
  }

  it("tells a row's date and store in the same language as its other reasons", async () => {
    const csv = ['external_id,customer_email,occurred_at,total,store', 'f-1,a@example.com,2026-11-31,1.00,', 'f-2,,2026-03-01,1.00,', 'f-3,c@example.com,2026-03-01,1.00,nope', 'f-4,d@example.com,2027-06-06,1.00,'].join('\n');
    const sl = (await upload(csv, 'sl')).json();
    expect(sl).toMatchObject({ imported: false, invalid: 4 });
    expect(sl.errors).toEqual([
      { line: 2, column: 'occurred_at', reason: 'tega dne ni v koledarju (2026-11-31)' },
      { line: 3, column: 'customer_email', reason: 'je prazno — nakup potrebuje svojo stranko' },
      { line: 4, column: 'store', reason: 'neznana trgovina "nope" (najprej jo ustvarite: regulars stores create ali POST /api/v1/stores)' },
      { line: 5, column: 'occurred_at', reason: 'je več kot en dan v prihodnosti' },
    ]);
    const ru = (await upload(csv, 'ru')).json();
    expect(ru.errors.map((e: { reason: string }) => e.reason)).toEqual([
      'такого дня нет в календаре (2026-11-31)',
      'пусто — у покупки должен быть клиент',
      'неизвестный магазин "nope" (сначала создайте его: regulars stores create или POST /api/v1/stores)',
      'более чем на сутки в будущем',
    ]);
    expect((await api.call('GET', '/api/v1/purchases/f-1')).statusCode).toBe(404); // nothing was written
  });
});
