import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FieldProblem } from '../shared/errors.ts';
import { problemsOf } from '../shared/validation.ts';
import { problem } from './problem.ts';
import { NDJSON } from './progress.ts';
import type { ResponseSpec, RouteResponses } from './route.ts';

// The OpenAPI document publishes the shape of every answer (src/http/responses/), and
// nothing made the handlers keep to it: a field renamed in a service, or one added, left
// the document describing an answer that no longer exists. With CHECK_RESPONSES=on (the
// test helpers set it), every answer of a declared route is checked as it is sent against
// what its declaration says of that status: the JSON body against its schema (strict, so
// an undocumented field fails too), each line of a progress answer against its line
// schema, no body where none is declared, and no success status left undeclared. An
// answer that breaks its declaration becomes a 500 naming the route and every difference,
// and is kept in a list that the test set-up reads after every test
// (test/helpers/response-checks.setup.ts), so the test fails even when it reads nothing of
// that answer, or compares two answers that broke alike. Off (the default) nothing is
// installed, and an answer costs nothing more.

const failures: string[] = [];

/** The broken answers since the last call (and forgets them). */
export const takeResponseCheckFailures = (): string[] => failures.splice(0);

export function installResponseChecks(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const responses = request.routeOptions.config?.responses;
    if (!responses) return payload; // not a declared route: the documents, static files, 404s
    const status = reply.statusCode;
    const declared = responses[status as keyof RouteResponses] as string | ResponseSpec | undefined;
    const refuse = (what: string, problems: FieldProblem[] = []) => {
      reply.code(500).type('application/problem+json');
      return JSON.stringify(refusal(request, what, problems));
    };
    // Errors come from everywhere (authentication, validation, the error handler) as problem details.
    if (declared === undefined) return status < 300 ? refuse(`answered ${status}, which it does not declare`) : payload;
    if (typeof declared === 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (isStream(payload)) {
      // A CSV download written as it is read (a campaign's codes): its header line checked as it passes.
      if (declared.csv && type.startsWith('text/csv')) {
        const header = declared.csv.columns.join(',');
        const checked = checkedFirstLine(`${header}\r\n`, () => failures.push(`Response check: ${request.method} ${request.routeOptions.url} streamed a CSV whose header line is not its declared one (${header})`));
        // pipe() does not pass a failure on: the download is cut, as it is unchecked.
        payload.once('error', (error) => checked.destroy(error));
        return payload.pipe(checked);
      }
      if (!declared.ndjson || !type.startsWith(NDJSON)) return refuse(`answered a stream (${type || 'no content type'}) for ${status}, which declares ${declared.ndjson ? NDJSON : 'none'}`);
      const lineSchema = declared.ndjson;
      return payload.pipe(checkedLines((line) => {
        const problems = problemsOfJson(lineSchema, line);
        return problems.length ? JSON.stringify({ error: refusal(request, `sent a line its declared schema does not describe (${line.slice(0, 200)})`, problems) }) : line;
      }));
    }
    const text = payload === undefined || payload === null ? '' : String(payload);
    if (declared.schema === null) return text === '' ? payload : refuse(`answered a body for ${status}, which declares none`);
    if (declared.csv && type.startsWith('text/csv')) {
      const header = declared.csv.columns.join(',');
      return text.startsWith(`${header}\r\n`) ? payload : refuse(`answered a CSV whose header line is not its declared one (${header})`);
    }
    if (!type.startsWith('application/json')) return refuse(`answered ${type || 'no content type'} for ${status}, which declares JSON`);
    const problems = problemsOfJson(declared.schema, text);
    return problems.length ? refuse(`answered a ${status} body its declared schema does not describe`, problems) : payload;
  });
}

const isStream = (payload: unknown): payload is Readable => typeof (payload as Readable | null)?.pipe === 'function';

/** What is wrong with a JSON text against a schema, field by field; none when it fits. */
function problemsOfJson(schema: z.ZodType, text: string): FieldProblem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ field: '(body)', reason: 'is not JSON' }];
  }
  const result = schema.safeParse(value);
  return result.success ? [] : problemsOf(result.error);
}

function refusal(request: FastifyRequest, what: string, problems: FieldProblem[]) {
  const listed = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
  const detail = `Response check: ${request.method} ${request.routeOptions.url} ${what}${listed ? `: ${listed}` : ''}`;
  failures.push(detail);
  return problem(500, detail, problems);
}

/**
 * Passes a stream through as it is, telling `wrong` once when it does not begin with
 * `first` (the status and headers are sent by then: the test set-up reads the failure).
 */
function checkedFirstLine(first: string, wrong: () => void): Transform {
  let seen = '';
  let checked = false;
  const check = (end: boolean) => {
    if (checked || (!end && seen.length < first.length)) return;
    checked = true;
    if (!seen.startsWith(first)) wrong();
  };
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      if (!checked) seen += String(chunk);
      check(false);
      done(null, chunk);
    },
    flush(done) {
      check(true);
      done();
    },
  });
}

/** Passes an NDJSON stream through line by line, each line as `check` returns it. */
function checkedLines(check: (line: string) => string): Transform {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const checkAll = (lines: string[]) => lines.filter((line) => line !== '').map((line) => `${check(line)}\n`).join('');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const lines = (partial + decoder.write(chunk)).split('\n');
      partial = lines.pop()!;
      done(null, checkAll(lines));
    },
    flush(done) {
      done(null, checkAll([partial + decoder.end()]));
    },
  });
}
