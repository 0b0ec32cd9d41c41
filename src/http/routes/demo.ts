import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { parseInput } from '../../shared/validation.ts';
import { runDemo } from '../../workflows/run-demo.ts';
import { replyWithProgress, wantsProgress } from '../progress.ts';
import { route } from '../route.ts';
import { withFields } from '../../shared/objects.ts';
import { DemoProgressLine, DemoSummary } from '../responses/imports.ts';

// The demo business through a running server, so that `regulars demo` works beside it
// (the embedded database is the server's alone). Admin only: it writes a whole business.

const DemoInput = z.object({
  customers: z.number().int().min(1).max(2_000_000).default(5000),
  seed: z.number().int().min(1).default(1),
  years: z.number().int().min(1).max(20).default(2),
}).strict();

export function demoRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'POST', path: '/demo', tag: 'admin', scope: 'admin',
    summary: 'Fill the database with the demo business (deterministic for a seed; running it again adds nothing)',
    body: DemoInput,
    bodyOptional: true,
    responses: {
      200: {
        description: 'What the demo made; with `Accept: application/x-ndjson`, a line `{ progress: { customers, purchases } }` every quarter second, then `{ result }` (or `{ error }`)',
        schema: DemoSummary,
        ndjson: DemoProgressLine,
      },
      422: 'Bad options',
    },
    handler: async (req, reply) => {
      const options = parseInput(DemoInput, req.body ?? {}, 'demo');
      const run = (onProgress?: (p: { customers: number; purchases: number }) => void) => runDemo(s, withFields(options, { onProgress }));
      return wantsProgress(req) ? replyWithProgress(req, reply, s.logger, run) : run();
    },
  });
}
