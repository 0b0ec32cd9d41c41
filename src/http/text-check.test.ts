import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.ts';

// Text the database cannot hold: a NUL character (U+0000) and half of a UTF-16 surrogate
// pair are valid JSON (`"\u0000"`, `"\ud83d"`) and valid in a percent-encoded path or
// query, but PostgreSQL refuses them in text and jsonb. Regression: a purchase, a customer,
// GET /purchases/a%00b and a customer search with one answered a 500 ("invalid byte
// sequence for encoding UTF8: 0x00", "invalid input syntax for type json"); they are a
// 422 naming the field, told in the language asked, and nothing is written.

const api = useTestApp({ keys: { till: ['read', 'write'], reader: ['read'] } });

const purchase = (fields: Record<string, unknown>) => ({ external_id: 'nul-1', customer: { email: 'nul@example.com' }, occurred_at: '2026-05-20T09:15:00+02:00', total: '5.00', ...fields });
const refusal = (answer: Awaited<ReturnType<typeof api.call>>) => ({ status: answer.statusCode, errors: answer.json().errors });

describe('text the database cannot hold', () => {
  it('in a body is a 422 naming the field, in the language asked, and nothing is written', async () => {
    expect(refusal(await api.call('POST', '/api/v1/purchases', { body: purchase({ external_id: 'nul\u0000-1' }) }))).toEqual({
      status: 422, errors: [{ field: 'external_id', reason: 'contains the character U+0000, which text cannot hold' }],
    });
    const half = await api.call('POST', '/api/v1/purchases', { body: purchase({ customer: { email: 'nul@example.com', first_name: 'Ana \ud83d' } }), headers: { 'accept-language': 'sl' } });
    expect(refusal(half)).toEqual({ status: 422, errors: [{ field: 'customer.first_name', reason: 'vsebuje znak U+D83D, ki ga besedilo ne more hraniti' }] });
    expect(half.json().detail).toBe('customer.first_name: vsebuje znak U+D83D, ki ga besedilo ne more hraniti');
    expect(refusal(await api.call('POST', '/api/v1/purchases', { body: purchase({ lines: [{ sku: 'A', unit_price: '5.00' }, { sku: 'B\u0000', unit_price: '0.00' }] }) }))).toEqual({
      status: 422, errors: [{ field: 'lines.1.sku', reason: 'contains the character U+0000, which text cannot hold' }],
    });
    expect(refusal(await api.call('POST', '/api/v1/customers', { body: { email: 'c@example.com', tags: ['ok', 'x\udc00'] } }))).toEqual({
      status: 422, errors: [{ field: 'tags.1', reason: 'contains the character U+DC00, which text cannot hold' }],
    });
    expect((await api.call('GET', '/api/v1/customers?query=nul')).json().items).toEqual([]);
  });

  it('in the path or the query is a 422 naming the parameter', async () => {
    expect(refusal(await api.call('GET', '/api/v1/purchases/a%00b'))).toEqual({ status: 422, errors: [{ field: 'id', reason: 'contains the character U+0000, which text cannot hold' }] });
    expect(refusal(await api.call('GET', '/api/v1/customers?query=a%00b'))).toEqual({ status: 422, errors: [{ field: 'query', reason: 'contains the character U+0000, which text cannot hold' }] });
  });

  it('is found however deep the body nests, without a 500 (the walk keeps its own stack)', async () => {
    const depth = 200_000;
    const body = `{"external_id":"deep-1","x":${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}}`;
    const deep = await api.call('POST', '/api/v1/purchases', { body, headers: { 'content-type': 'application/json' } });
    expect(deep.statusCode, deep.body.slice(0, 300)).toBe(422);
    expect(deep.json().errors[0].field).toBe(`x${'.0'.repeat(depth)}`);
    const name = await api.call('POST', '/api/v1/purchases', { body: purchase({ extra: { 'a\udc00b': 1 } }) });
    expect(refusal(name)).toEqual({ status: 422, errors: [{ field: 'extra.a\udc00b', reason: 'contains the character U+DC00, which text cannot hold' }] });
  });

  it('in an item of a batch is that item\'s error, beside the items recorded', async () => {
    const good = (n: number) => purchase({ external_id: `batch-${n}`, customer: { email: `batch${n}@example.com` } });
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [good(1), purchase({ external_id: 'batch-\u0000' }), good(2)] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, errors: 1 });
    expect(res.json().results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([[0, 'created'], [1, 'error'], [2, 'created']]);
    expect(res.json().results[1].error.errors).toEqual([{ field: 'external_id', reason: 'contains the character U+0000, which text cannot hold' }]);
    expect(res.json().results[2].purchase.external_id).toBe('batch-2');
    // Outside the items, the batch itself is refused.
    expect(refusal(await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [good(3)], 'x\u0000': 1 } })).status).toBe(422);
  });

  it('is told after the caller is: a key without the scope is a 403 first', async () => {
    expect((await api.call('POST', '/api/v1/purchases', { key: api.keys.reader, body: purchase({ external_id: 'nul\u0000-2' }) })).statusCode).toBe(403);
  });

  it('finds an escape however the body writes it, and takes the text of an escape for text', async () => {
    // The parser looks for the escapes in the body's text (text-check.ts): upper-case hex is one too.
    const upper = await api.call('POST', '/api/v1/purchases', { body: '{"external_id":"up-1","customer":{"email":"up@example.com","first_name":"Ana \\uD83D"},"occurred_at":"2026-05-20T09:15:00+02:00","total":"5.00"}', headers: { 'content-type': 'application/json' } });
    expect(refusal(upper)).toEqual({ status: 422, errors: [{ field: 'customer.first_name', reason: 'contains the character U+D83D, which text cannot hold' }] });
    // A backslash written before "u0000" is the six characters \u0000, which text holds.
    const written = await api.call('POST', '/api/v1/purchases', { body: purchase({ external_id: 'escaped-1', customer: { email: 'esc@example.com', first_name: 'Ana \\u0000' } }) });
    expect(written.statusCode, written.body).toBe(201);
    expect((await api.call('GET', '/api/v1/customers?query=esc@example.com')).json().items.map((c: { first_name: string }) => c.first_name)).toEqual(['Ana \\u0000']);
  });

  it('leaves a surrogate pair whole alone: an emoji is text', async () => {
    const res = await api.call('POST', '/api/v1/purchases', { body: purchase({ external_id: 'emoji-😀', customer: { email: 'emoji@example.com', first_name: 'Ana 😀' } }) });
    expect(res.statusCode, res.body).toBe(201);
  });
});
