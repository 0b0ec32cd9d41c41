import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { silentLogger } from '../shared/logger.ts';
import { errorHandler } from './problem.ts';
import { replyWithProgress, wantsProgress } from './progress.ts';

// The progress reply on its own: what a client sees when the work fails before it has
// reported anything (an ordinary problem) and after (an error line closing the stream).

let app: FastifyInstance;
const logged: unknown[] = [];
const logger = { ...silentLogger, error: (...args: unknown[]) => void logged.push(args) };

beforeAll(async () => {
  app = Fastify();
  app.setErrorHandler(errorHandler(logger));
  app.post('/work/:how', async (req, reply) => {
    const how = (req.params as { how: string }).how;
    const work = async (onProgress: (p: { step: number }) => void) => {
      if (how === 'refuse') throw new AppError('invalid', 'columns do not fit', [{ field: 'total', reason: 'is missing' }]);
      onProgress({ step: 1 });
      await new Promise((r) => setTimeout(r, 300));
      onProgress({ step: 2 });
      onProgress({ step: 3 }); // within a quarter second of the one before: not sent
      if (how === 'fail') throw new AppError('conflict', 'changed meanwhile');
      if (how === 'crash') throw new Error('disk on fire');
      return { done: true };
    };
    return wantsProgress(req) ? replyWithProgress(req, reply, logger, work) : work(() => {});
  });
  await app.ready();
});
afterAll(() => app?.close());

const post = (how: string, accept = 'application/x-ndjson') => app.inject({ method: 'POST', url: `/work/${how}`, headers: { accept } });
const lines = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l));

describe('replyWithProgress', () => {
  it('sends progress lines, at most one per quarter second, then the result', async () => {
    const res = await post('succeed');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(lines(res.body)).toEqual([{ progress: { step: 1 } }, { progress: { step: 2 } }, { result: { done: true } }]);
  });

  it('answers a failure before the first report with its status and problem details', async () => {
    const res = await post('refuse');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ status: 422, detail: 'columns do not fit', errors: [{ field: 'total', reason: 'is missing' }] });
  });

  it('closes the stream with the problem of a failure after reporting began', async () => {
    expect(lines((await post('fail')).body).at(-1)).toEqual({ error: expect.objectContaining({ status: 409, detail: 'changed meanwhile' }) });
    const crashed = lines((await post('crash')).body).at(-1);
    expect(crashed).toEqual({ error: expect.objectContaining({ status: 500 }) });
    expect(JSON.stringify(crashed)).not.toContain('disk on fire');
    expect(JSON.stringify(logged)).toContain('disk on fire');
  });

  it('leaves a client that does not ask for progress its plain JSON', async () => {
    const res = await post('succeed', 'application/json');
    expect(res.json()).toEqual({ done: true });
  });
});
