import { PassThrough, Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NDJSON } from './progress.ts';
import { installResponseChecks, takeResponseCheckFailures } from './response-check.ts';
import { route, type RouteSpec } from './route.ts';

// The check that keeps the published answer schemas honest, on routes made to break them.
// The route tests run every real route under it (the test helpers turn it on).

const Thing = z.strictObject({ id: z.string(), count: z.number().int() });
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  installResponseChecks(app);
  const declare = (path: string, spec: Pick<RouteSpec, 'responses' | 'handler'> & { method?: RouteSpec['method'] }) =>
    route(app, '', { method: 'GET', path, tag: 'test', scope: null, summary: path, ...spec });
  declare('/fits', { responses: { 200: { description: 'a thing', schema: Thing } }, handler: async () => ({ id: 'a', count: 1 }) });
  declare('/extra-field', { responses: { 200: { description: 'a thing', schema: Thing } }, handler: async () => ({ id: 'a', count: 1, secret: 'x' }) });
  declare('/wrong-type', { responses: { 200: { description: 'a thing', schema: Thing } }, handler: async () => ({ id: 'a', count: '1' }) });
  declare('/undeclared-status', {
    responses: { 201: { description: 'a thing', schema: Thing } },
    handler: async (_req, reply) => reply.code(200).send({ id: 'a', count: 1 }),
  });
  declare('/body-on-204', { responses: { 204: { description: 'nothing', schema: null } }, handler: async (_req, reply) => reply.code(204).send({ id: 'a' }) });
  declare('/empty-204', { responses: { 204: { description: 'nothing', schema: null } }, handler: async (_req, reply) => reply.code(204).send() });
  declare('/undeclared-error', { responses: { 200: { description: 'a thing', schema: Thing } }, handler: async (_req, reply) => reply.code(404).send({ anything: true }) });
  declare('/lines', {
    responses: { 200: { description: 'lines', schema: Thing, ndjson: z.strictObject({ progress: z.number() }) } },
    handler: async (_req, reply) => {
      const lines = new PassThrough();
      lines.end('{"progress":1}\n{"progress":"two"}\n{"progress":3}\n');
      return reply.type(NDJSON).send(lines);
    },
  });
  const csvDownload = (first: string) => async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/csv; charset=utf-8').send(Readable.from([first.slice(0, 3), `${first.slice(3)}\r\n`, 'x,1\r\n'], { objectMode: false }));
  declare('/csv-stream', { responses: { 200: { description: 'codes', schema: Thing, csv: { columns: ['code', 'uses'] } } }, handler: csvDownload('code,uses') });
  declare('/csv-stream-wrong', { responses: { 200: { description: 'codes', schema: Thing, csv: { columns: ['code', 'uses'] } } }, handler: csvDownload('code,used') });
  await app.ready();
});
afterAll(() => app.close());

const get = (path: string) => app.inject({ method: 'GET', url: path });

describe('the response check', () => {
  it('lets an answer that fits its schema through untouched', async () => {
    const res = await get('/fits');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'a', count: 1 });
  });

  it('turns a field the schema does not name, or one of another type, into a 500 naming the route and the field', async () => {
    const extra = await get('/extra-field');
    expect(extra.statusCode).toBe(500);
    expect(extra.headers['content-type']).toContain('application/problem+json');
    expect(extra.json().detail).toMatch(/^Response check: GET \/extra-field answered a 200 body .*: \(body\): Unrecognized key: "secret"/);
    const wrong = await get('/wrong-type');
    expect(wrong.statusCode).toBe(500);
    expect(wrong.json().errors).toEqual([{ field: 'count', reason: expect.stringMatching(/expected number/) }]);
    // Kept for the test set-up, which fails the test that caused them (these are meant).
    expect(takeResponseCheckFailures()).toEqual([extra.json().detail, wrong.json().detail]);
  });

  it('refuses a success status the route does not declare, and a body where it declares none', async () => {
    expect((await get('/undeclared-status')).json().detail).toMatch(/answered 200, which it does not declare/);
    expect((await get('/body-on-204')).json().detail).toMatch(/answered a body for 204, which declares none/);
    expect((await get('/empty-204')).statusCode).toBe(204);
    expect(takeResponseCheckFailures()).toHaveLength(2);
  });

  it('leaves error answers alone: they are problem details from wherever they come', async () => {
    expect((await get('/undeclared-error')).statusCode).toBe(404);
  });

  it('checks each line of a progress answer, and replaces a line that breaks its schema with an error line', async () => {
    const lines = (await get('/lines')).body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ progress: 1 });
    expect(lines[1].error.detail).toMatch(/sent a line its declared schema does not describe .*progress: /);
    expect(lines[2]).toEqual({ progress: 3 });
    expect(takeResponseCheckFailures()).toEqual([lines[1].error.detail]);
  });

  it('lets a CSV download stream through as it was written, and keeps a header line that is not the declared one', async () => {
    const fits = await get('/csv-stream');
    expect(fits.statusCode).toBe(200);
    expect(fits.body).toBe('code,uses\r\nx,1\r\n');
    expect(takeResponseCheckFailures()).toEqual([]);
    // Its status is sent before its first line is read: the failure is kept for the test set-up.
    expect((await get('/csv-stream-wrong')).body).toBe('code,used\r\nx,1\r\n');
    expect(takeResponseCheckFailures()).toEqual(['Response check: GET /csv-stream-wrong streamed a CSV whose header line is not its declared one (code,uses)']);
  });
});
