import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { buildApp } from '../app.ts';

// The demo business through the API, as `regulars demo` sends it beside a running server.

let s: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;
let admin: string;
let writer: string;

beforeAll(async () => {
  s = await openTestServices();
  app = await buildApp(s);
  admin = (await s.auth.createApiKey({ name: 'owner', scopes: ['read', 'write', 'admin'] }, { actor: 'test' })).key;
  writer = (await s.auth.createApiKey({ name: 'till', scopes: ['read', 'write'] }, { actor: 'test' })).key;
});
afterAll(async () => {
  await app?.close();
  await s?.close();
});

const demo = (body: unknown, key = admin, accept = 'application/json') =>
  app.inject({ method: 'POST', url: '/api/v1/demo', payload: body as object, headers: { authorization: `Bearer ${key}`, accept } });

describe('POST /demo', () => {
  it('is for admins, and names a bad option without writing anything', async () => {
    expect((await demo({ customers: 20 }, writer)).statusCode).toBe(403);
    const bad = await demo({ customers: 0, years: 'two' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['customers', 'years']);
    expect((await s.commerce.totals()).purchases).toBe(0);
  });

  it('makes the demo business with its progress, and adds nothing the second time', async () => {
    const res = await demo({ customers: 40, seed: 7 }, admin, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].progress).toEqual({ customers: expect.any(Number), purchases: expect.any(Number) });
    const summary = lines.at(-1).result;
    expect(summary).toMatchObject({ stores: 3, customers: expect.any(Number), refunds: expect.any(Number) });
    expect(summary.created).toBe(summary.purchases);
    expect((await s.commerce.totals()).purchases).toBe(summary.purchases);
    const again = await demo({ customers: 40, seed: 7 });
    expect(again.json()).toMatchObject({ purchases: summary.purchases, created: 0 });
  });
});
