import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import type { Logger } from '../shared/logger.ts';
import { problemOf, type Problem } from './problem.ts';

// A long request (the import of a large file takes minutes) can report how far it has
// got. A client that accepts `application/x-ndjson` gets one JSON line per report,
// `{"progress": …}`, at most every PROGRESS_EVERY_MS, then a last line with
// `{"result": …}` or, when the work failed after it had begun reporting,
// `{"error": <problem details>}`. A failure before the first report is answered as any
// other (its status and problem+json), so a file whose columns do not fit is still a 422.
// Other clients get the plain JSON result, as before.

export const NDJSON = 'application/x-ndjson';

/** One line of such an answer (what the CLI and the dashboard read). */
export type ProgressLine<P, T> = { progress: P } | { result: T } | { error: Problem };
const PROGRESS_EVERY_MS = 250;

export const wantsProgress = (request: FastifyRequest) => (request.headers.accept ?? '').includes(NDJSON);

export async function replyWithProgress<P, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
  work: (onProgress: (progress: P) => void) => Promise<T>,
): Promise<PassThrough> {
  const lines = new PassThrough();
  // A client that goes away stops hearing, not the work: an import runs to its end.
  lines.on('error', () => {});
  const write = (line: ProgressLine<P, T>) => {
    if (!lines.destroyed) lines.write(`${JSON.stringify(line)}\n`);
  };
  let lastReport = 0;
  let begun!: () => void;
  const firstReport = new Promise<void>((resolve) => (begun = resolve));
  const done = work((progress) => {
    const now = Date.now();
    if (now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    write({ progress });
    begun();
  });
  await Promise.race([done, firstReport]);
  void done
    .then(
      (result) => write({ result }),
      (error: unknown) => write({ error: problemOf(error, logger, request) }),
    )
    .finally(() => lines.end());
  reply.type(NDJSON).header('cache-control', 'no-store').header('x-accel-buffering', 'no');
  return lines;
}
