import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// Input schemas' own reasons that stayed English under a translated title: a password too
// short, an API key without scopes, a consent that is no consent, a merge from no id, a
// webhook's URL and event types, a batch with no purchases or too many, a capture's unknown
// field, the analytics queries' values and ranges, a loyalty account's language. Each is
// told in the language asked, word for word as before in English; nothing is written.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const inLanguage = (language?: string): Record<string, string> => (language ? { 'accept-language': language } : {});
const errors = async (method: 'GET' | 'POST', url: string, body: unknown, language?: string) => {
  const answer = await api.call(method, url, { body: body as object, headers: inLanguage(language) });
  expect(answer.statusCode, `${method} ${url}: ${answer.body}`).toBe(422);
  if (language) expect(answer.headers['content-language']).toBe(language);
  return answer.json().errors as { field: string; reason: string }[];
};

describe('users and API keys', () => {
  it('a password too short, in Russian and as before in English; no user made', async () => {
    const body = { email: 'short@example.com', role: 'staff', password: 'short' };
    expect(await errors('POST', '/api/v1/users', body, 'ru')).toEqual([{ field: 'password', reason: 'должно содержать не менее 10 символов' }]);
    expect(await errors('POST', '/api/v1/users', body)).toEqual([{ field: 'password', reason: 'must be at least 10 characters' }]);
    const users = (await api.call('GET', '/api/v1/users')).json().items as { email: string }[];
    expect(users.map((u) => u.email)).not.toContain('short@example.com');
  });

  it('a key without a name or a scope, in Slovenian and Turkish', async () => {
    expect(await errors('POST', '/api/v1/keys', { name: ' ', scopes: [] }, 'sl')).toEqual([
      { field: 'name', reason: 'je obvezno' },
      { field: 'scopes', reason: 'potreben je vsaj en obseg dostopa' },
    ]);
    expect(await errors('POST', '/api/v1/keys', { name: 'till', scopes: [] }, 'tr')).toEqual([{ field: 'scopes', reason: 'en az bir yetki kapsamı gerekir' }]);
    expect(await errors('POST', '/api/v1/keys', { name: 'till', scopes: [] })).toEqual([{ field: 'scopes', reason: 'needs at least one scope' }]);
  });
});

describe('customers', () => {
  it("a consent that is neither true/false nor a status, in Danish and Russian, at each channel's path", async () => {
    const body = { external_id: 'inputs-1', consent: { email: 'maybe', sms: { status: 'perhaps' } } };
    expect(await errors('POST', '/api/v1/customers', body, 'da')).toEqual([
      { field: 'consent.email', reason: 'skal være true/false (yes/no i en CSV-fil) eller { status: granted|withdrawn, source }' },
      { field: 'consent.sms', reason: 'skal være true/false (yes/no i en CSV-fil) eller { status: granted|withdrawn, source }' },
    ]);
    expect((await errors('POST', '/api/v1/customers', body, 'ru'))[0].reason).toBe('должно быть true/false (в файле CSV — yes/no) или { status: granted|withdrawn, source }');
    expect((await errors('POST', '/api/v1/customers', body))[0].reason).toBe('must be true/false (yes/no in a CSV) or { status: granted|withdrawn, source }');
    expect((await api.call('GET', '/api/v1/customers?query=inputs-1')).json().items).toEqual([]);
  });

  it('a merge from something that is no id, in Slovenian', async () => {
    const customer = await api.call('POST', '/api/v1/customers', { body: { external_id: 'inputs-2' } });
    expect(customer.statusCode).toBe(201);
    const url = `/api/v1/customers/${customer.json().id}/merge`;
    expect(await errors('POST', url, { from: 'card-7' }, 'sl')).toEqual([{ field: 'from', reason: 'mora biti id stranke, ki se združi v to stranko' }]);
    expect(await errors('POST', url, { from: 'card-7' })).toEqual([{ field: 'from', reason: 'must be the id of the customer merged into this one' }]);
  });
});

describe('webhooks, batches and captures', () => {
  it("a webhook's URL and its empty event types, in Turkish", async () => {
    expect(await errors('POST', '/api/v1/webhooks', { url: 'ftp://example.com/hook', event_types: [] }, 'tr')).toEqual([
      { field: 'url', reason: "bir http(s) URL'si olmalıdır" },
      { field: 'event_types', reason: 'en az bir olay türü gerekir' },
    ]);
    expect((await api.call('GET', '/api/v1/webhooks')).json().items).toEqual([]);
  });

  it('a batch with no purchases, and one with more than a batch takes, its limit written as the language writes a count', async () => {
    expect(await errors('POST', '/api/v1/purchases/batch', { purchases: [] }, 'ru')).toEqual([{ field: 'purchases', reason: 'нужна хотя бы одна покупка' }]);
    const many = { purchases: Array.from({ length: 1001 }, () => ({})) };
    expect(await errors('POST', '/api/v1/purchases/batch', many, 'ru')).toEqual([{ field: 'purchases', reason: 'не больше 1\u00a0000 покупок в пакете' }]);
    expect(await errors('POST', '/api/v1/purchases/batch', many, 'da')).toEqual([{ field: 'purchases', reason: 'højst 1.000 køb pr. batch' }]);
    expect(await errors('POST', '/api/v1/purchases/batch', many)).toEqual([{ field: 'purchases', reason: 'at most 1,000 purchases per batch' }]);
  });

  it("a capture's unknown fields, named in the language asked", async () => {
    const url = '/api/v1/customers/card-X/loyalty/reservations/r-1/capture';
    expect(await errors('POST', url, { point: 3, all: true }, 'sl')).toEqual([{ field: '(body)', reason: 'neznano polje "point", "all": potrditev rezervacije sprejme le points' }]);
    expect(await errors('POST', url, { point: 3 })).toEqual([{ field: '(body)', reason: 'unknown field "point": a capture takes only points' }]);
  });
});

describe('analytics queries and a loyalty account', () => {
  it('values a parameter does not take, in Danish and Slovenian', async () => {
    expect(await errors('GET', '/api/v1/analytics/overview?period=week', undefined, 'da')).toEqual([{ field: 'period', reason: 'skal være month, quarter eller year' }]);
    expect(await errors('GET', '/api/v1/analytics/clv?unit=year&model=cox', undefined, 'sl')).toEqual([
      { field: 'unit', reason: 'mora biti day, week ali month' },
      { field: 'model', reason: 'mora biti bgnbd, paretonbd, gammagamma ali all' },
    ]);
    expect(await errors('GET', '/api/v1/analytics/metrics?acquisition_cost=-5', undefined, 'ru')).toEqual([
      { field: 'acquisition_cost', reason: 'должно быть неотрицательной десятичной суммой с точкой (не запятой), например "10.00"' },
    ]);
  });

  it('ranges the wrong way round, and a year beside from/to, in Turkish and Russian', async () => {
    expect(await errors('GET', '/api/v1/analytics/metrics?year=2025&from=2025-01-01', undefined, 'tr')).toEqual([{ field: 'year', reason: 'ya `year` ya da `from`/`to` verin, ikisini birden değil' }]);
    expect(await errors('GET', '/api/v1/analytics/metrics?from=2025-03-01&to=2025-02-01', undefined, 'ru')).toEqual([{ field: 'to', reason: 'не может быть раньше `from`' }]);
    expect(await errors('GET', '/api/v1/analytics/cohorts?from=2025-03-01&to=2025-02-01', undefined, 'sl')).toEqual([{ field: 'to', reason: 'ne sme biti pred `from`' }]);
    expect(await errors('GET', '/api/v1/analytics/segments?from=2025-03-01&to=2025-02-01', undefined, 'da')).toEqual([{ field: 'from', reason: 'må ikke ligge efter `to`' }]);
    expect(await errors('GET', '/api/v1/analytics/holdout?calibration_end=2025-03-01&holdout_end=2025-03-01', undefined, 'tr')).toEqual([
      { field: 'calibration_end', reason: '`holdout_end` tarihinden önce olmalıdır' },
    ]);
    expect(await errors('GET', '/api/v1/analytics/clv?calibration_end=2025-03-01&holdout_end=2025-02-01', undefined, 'ru')).toEqual([
      { field: 'holdout_end', reason: 'не может быть раньше `calibration_end`' },
    ]);
    expect(await errors('GET', '/api/v1/analytics/metrics?from=2025-03-01&to=2025-02-01', undefined)).toEqual([{ field: 'to', reason: 'must not be before `from`' }]);
  });

  it("a loyalty account's language it does not speak", async () => {
    const url = '/api/v1/customers/card-X/loyalty?language=de';
    expect(await errors('GET', url, undefined, 'ru')).toEqual([{ field: 'language', reason: 'должно быть одним из значений en, sl, tr, da, ru' }]);
    expect(await errors('GET', url, undefined)).toEqual([{ field: 'language', reason: 'must be one of en, sl, tr, da, ru' }]);
  });
});
