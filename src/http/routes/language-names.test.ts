import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A language named in `?language=` or in a customer's `language` as Accept-Language names
// one: "SL", "sl-SI", "da-DK", "tr_TR". They were refused with 422 ("must be one of en, sl,
// tr, da, ru") while `Accept-Language: sl-SI` was answered in Slovenian; a customer sent
// with "sl-SI" by a till was refused too. A language the product does not speak still is.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = { name: 'Names', enrolment: 'automatic', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 10 } };

let ana: string;
beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'ana-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T09:00:00Z', total: '20.00' } });
  ana = bought.json().customer_id;
});

describe('?language=', () => {
  it('takes a language in any case, with a region after it, as the language', async () => {
    const english = (await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=en`)).json();
    for (const [asked, language] of [['SL', 'sl'], ['sl-SI', 'sl'], ['da-DK', 'da'], ['tr_TR', 'tr'], ['Ru', 'ru'], ['EN-gb', 'en']] as const) {
      const res = await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=${asked}`);
      expect(res.statusCode, `${asked}: ${res.body}`).toBe(200);
      expect(res.headers['content-language'], asked).toBe(language === 'en' ? undefined : language);
      const told = (await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=${language}`)).json();
      expect(res.json(), asked).toEqual(told);
      if (language !== 'en') expect(res.json().explanation.entries, asked).not.toEqual(english.explanation.entries);
    }
    const rewards = await api.call('GET', `/api/v1/loyalty/rewards?customer_id=${ana}&language=sl-SI`);
    expect(rewards.statusCode, rewards.body).toBe(200);
    expect(rewards.headers['content-language']).toBe('sl');
    const adjusted = await api.call('POST', `/api/v1/customers/${ana}/loyalty/adjustments?language=DA`, { body: { points: 5, reason: 'Tak', idempotency_key: 'ana-1' } });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    expect(adjusted.headers['content-language']).toBe('da');
  });

  // Regression: the account was English without ?language whatever the till asked, while
  // the rewards catalogue and every refusal answered in the request's language.
  it("without it, the account and an adjustment's answer are in the request's Accept-Language; ?language still wins", async () => {
    const sl = (await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=sl`)).json();
    const asked = await api.call('GET', `/api/v1/customers/${ana}/loyalty`, { headers: { 'accept-language': 'sl-SI,sl;q=0.9,en;q=0.8' } });
    expect(asked.headers['content-language']).toBe('sl');
    expect(asked.json().explanation.entries).toEqual(sl.explanation.entries);
    const query = await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=en`, { headers: { 'accept-language': 'sl' } });
    expect(query.headers['content-language']).toBeUndefined();
    expect(query.json().explanation.entries).not.toEqual(sl.explanation.entries);
    const adjusted = await api.call('POST', `/api/v1/customers/${ana}/loyalty/adjustments`, { body: { points: 1, reason: 'Hvala', idempotency_key: 'ana-sl' }, headers: { 'accept-language': 'sl' } });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    expect(adjusted.headers['content-language']).toBe('sl');
    expect(adjusted.json().points_name).toBe(asked.json().points_name);
  });

  it('refuses a language it does not speak, naming the parameter and the ones it does, in the language asked', async () => {
    for (const asked of ['fr', 'FR-fr', 'slx', 'sl-', '']) {
      const res = await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=${asked}`);
      expect(res.statusCode, asked).toBe(422);
      expect(res.json().errors, asked).toEqual([{ field: 'language', reason: 'must be one of en, sl, tr, da, ru' }]);
    }
    const sl = await api.call('GET', '/api/v1/loyalty/rewards?language=fr', { headers: { 'accept-language': 'sl' } });
    expect(sl.json().errors).toEqual([{ field: 'language', reason: 'mora biti ena od vrednosti en, sl, tr, da, ru' }]);
    expect((await api.call('GET', '/api/v1/customers?language=fr')).json().errors).toEqual([{ field: 'language', reason: 'must be one of en, sl, tr, da, ru' }]);
  });

  it('is one parameter in the OpenAPI document wherever it is taken: a string, its values described, its pattern what the server takes', async () => {
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: Record<string, unknown> }[] }>>;
    };
    const taking = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, op]) => (op.parameters ?? []).filter((p) => p.in === 'query' && p.name === 'language').map((p) => ({ at: `${method} ${path}`, schema: p.schema }))),
    );
    expect(taking.map((t) => t.at).sort()).toEqual(['get /api/v1/customers', 'get /api/v1/customers/{id}/loyalty', 'get /api/v1/loyalty/rewards', 'post /api/v1/customers/{id}/loyalty/adjustments']);
    const [first] = taking;
    for (const t of taking) expect(t.schema, t.at).toEqual(first.schema);
    expect(first.schema).toMatchObject({ type: 'string', description: expect.stringContaining('en, sl, tr, da, ru') });
    const valid = new Ajv().compile(first.schema);
    for (const value of ['sl', 'SL', 'sl-SI', 'da-DK', 'tr_TR']) expect(valid(value), value).toBe(true);
    for (const value of ['fr', 'slx', '']) expect(valid(value), value).toBe(false);
  });
});

describe("a customer's language", () => {
  it('is stored as the language, however a till or a script names it', async () => {
    const made = await api.call('POST', '/api/v1/customers', { body: { email: 'eva@example.com', language: 'sl-SI' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().language).toBe('sl');
    const patched = await api.call('PATCH', `/api/v1/customers/${made.json().id}`, { body: { language: 'DA' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().language).toBe('da');
    const bought = await api.call('POST', '/api/v1/purchases', {
      body: { external_id: 'lang-1', customer: { email: 'ozan@example.com', language: 'tr_TR' }, occurred_at: '2026-05-20T09:00:00Z', total: '10.00' },
    });
    expect(bought.statusCode, bought.body).toBe(201);
    expect((await api.call('GET', `/api/v1/customers/${bought.json().customer_id}`)).json().language).toBe('tr');
    expect((await api.call('GET', '/api/v1/customers?language=TR')).json().items.map((c: { email: string }) => c.email)).toEqual(['ozan@example.com']);
  });

  it('refuses one the product does not speak', async () => {
    const res = await api.call('POST', '/api/v1/customers', { body: { email: 'jean@example.com', language: 'fr-FR' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'language', reason: 'must be one of en, sl, tr, da, ru' }]);
  });
});
