import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import type { Config } from '../config.ts';
import { readLockHolder } from '../db/index.ts';
import { STATUS_OF, type Problem } from '../http/problem.ts';
import { NDJSON, type ProgressLine } from '../http/progress.ts';
import { AppError, type ErrorKind, type ProblemExtensions } from '../shared/errors.ts';
import { newSecret } from '../shared/ids.ts';
import { say } from '../shared/messages/index.ts';
import { cliLanguage } from './language.ts';

// A server on the embedded database holds the data folder alone (db/lock.ts): a second
// process on it would lose writes. So the commands people run beside a server (status,
// import, demo, keys, users, stores, loyalty, analyze, coupons, gift-cards) go through that
// server's HTTP API instead of refusing. The server leaves its port and a token in the
// folder's lock file, which only its owner can read: whoever can read it can read the
// database files beside it anyway. Other commands still refuse, naming the server.
// Each request asks for the command line's language (Accept-Language): the server tells its
// refusals and an import's reasons in it, as the same command does without a server.

export interface RunningServer {
  url: string;
  token: string;
  pid: number;
}

/** The server holding this configuration's data folder, when there is one to go through. */
export function runningServer(config: Config): RunningServer | undefined {
  if (config.databaseUrl) return undefined; // PostgreSQL: every process opens its own connections
  const holder = readLockHolder(config.dataDir);
  if (!holder || holder.command !== 'serve' || !holder.port || !holder.cliToken) return undefined;
  // A server on every interface answers on loopback; one bound to a single address, there.
  const host = ['0.0.0.0', '::', 'localhost', ''].includes(config.host) ? '127.0.0.1' : config.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${holder.port}`, token: holder.cliToken, pid: holder.pid };
}

/** The business a server counts in: its time zone (TIMEZONE) and currency, as GET /status names them. */
export interface Business {
  timeZone: string;
  currency: string;
}

// The server this run's command has talked to, and what GET /status said of its business: its
// answers are told in that zone and currency (dates.ts business()), not in the command's own
// environment's, which may be set otherwise or not at all where the command is typed.
let talkedTo: RunningServer | undefined;
let businessOf: Promise<Business> | undefined;

/** The business of the server this run's command has gone through (asked once a run); undefined when it has gone through none. */
export function serverBusiness(): Promise<Business> | undefined {
  if (!talkedTo) return undefined;
  const server = talkedTo;
  businessOf ??= callServer<{ time_zone: string; currency: string }>(server, 'GET', '/status').then((s) => ({ timeZone: s.time_zone, currency: s.currency }));
  return businessOf;
}

/**
 * A JSON request to the server's API (`/api/v1` + `route`); its problem details become an
 * AppError. With `onProgress`, a long request's progress lines go there as they come.
 */
export function callServer<T = unknown, P = unknown>(server: RunningServer, method: string, route: string, body?: unknown, onProgress?: (progress: P) => void): Promise<T> {
  const { headers, write } = jsonBody(body);
  return send<T, P>(server, method, route, headers, write, onProgress);
}

/** A request's JSON body (none when `body` is undefined): its headers and how it is written. */
function jsonBody(body: unknown): { headers: Record<string, string>; write: (req: http.ClientRequest) => void } {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {};
  return { headers, write: (req) => req.end(payload) };
}

/**
 * A write that is safe to retry (callServer's request): its answer, and whether the server
 * answered it as done before (`Idempotent-Replayed: true`), changing nothing this time.
 */
export async function callServerOnce<T = unknown>(server: RunningServer, method: string, route: string, body?: unknown): Promise<{ answer: T; replayed: boolean }> {
  const { headers, write } = jsonBody(body);
  let replayed = false;
  const answer = await send<T, never>(server, method, route, headers, write, undefined, (h) => (replayed = h['idempotent-replayed'] === 'true'));
  return { answer, replayed };
}

/** A GET's options as its query string (`?a=1&b=x`; those not given left out, '' when none). */
export function queryOf(options: Record<string, string | number | undefined>): string {
  const given = Object.entries(options).filter((e): e is [string, string | number] => e[1] !== undefined);
  return given.length ? `?${new URLSearchParams(given.map(([k, v]) => [k, String(v)]))}` : '';
}

/** How far a long request has got: the upload's bytes, then what the server reports (an import's phases). */
export interface RemoteProgress {
  phase: string;
  rows?: number;
  bytes: number;
  total_bytes: number;
}

/**
 * Uploads a file as multipart/form-data (`fields`, then the file as `file`), streamed
 * from disk. With `onProgress`, it reports the bytes sent and then asks the server for
 * its progress as it works (NDJSON lines, src/http/progress.ts).
 */
export function uploadToServer<T = unknown>(
  server: RunningServer, route: string, file: string, fields: Record<string, string>, onProgress?: (progress: RemoteProgress) => void,
): Promise<T> {
  const size = fs.statSync(file).size;
  const boundary = `regulars-${newSecret(12)}`;
  const quote = (value: string) => value.replace(/["\r\n\\]/g, '_');
  const head = Buffer.from(
    Object.entries(fields).map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') +
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${quote(path.basename(file))}"\r\ncontent-type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) };
  return send<T, RemoteProgress>(server, 'POST', route, headers, (req) => {
    req.write(head);
    const stream = fs.createReadStream(file);
    let sent = 0;
    if (onProgress) stream.on('data', (chunk) => onProgress({ phase: 'upload', bytes: (sent += chunk.length), total_bytes: size }));
    stream.on('error', (error) => req.destroy(error));
    stream.on('end', () => req.end(tail));
    stream.pipe(req, { end: false });
  }, onProgress);
}

// node:http rather than fetch: an import of a large file answers after minutes, and
// fetch gives up waiting for response headers after five.
function send<T, P>(
  server: RunningServer, method: string, route: string, headers: Record<string, string>, write: (req: http.ClientRequest) => void,
  onProgress?: (progress: P) => void, onHeaders?: (headers: http.IncomingHttpHeaders) => void,
): Promise<T> {
  const accept = onProgress ? `${NDJSON}, application/json` : 'application/json';
  talkedTo = server;
  return new Promise<T>((resolve, reject) => {
    const asked = { ...headers, accept, 'accept-language': cliLanguage(), authorization: `Bearer ${server.token}` };
    const req = http.request(`${server.url}/api/v1${route}`, { method, headers: asked }, (res) => {
      res.on('error', () => reject(lostServer(server)));
      onHeaders?.(res.headers);
      if (onProgress && res.headers['content-type']?.startsWith(NDJSON)) return readProgressLines(server, res, onProgress).then(resolve as (v: unknown) => void, reject);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        // A download the route answers as CSV (a campaign's codes, ?format=csv): its text as it is.
        if (res.statusCode! < 300 && res.headers['content-type']?.startsWith('text/csv')) return resolve(text as T);
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          return reject(new AppError('unavailable', say('cli.server_not_json', { url: server.url, status: String(res.statusCode) })));
        }
        if (res.statusCode! < 300) return resolve(json as T);
        reject(errorOfProblem(server, res.statusCode!, json as Partial<Problem> | undefined));
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ECONNREFUSED'
          ? new AppError('unavailable', say('cli.server_silent', { pid: String(server.pid), url: server.url }))
          : ['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? lostServer(server) : error,
      ),
    );
    write(req);
  });
}

/** `{ progress }` lines to onProgress, then the `{ result }` line's value or the `{ error }` line's problem. */
async function readProgressLines<P>(server: RunningServer, res: http.IncomingMessage, onProgress: (progress: P) => void): Promise<unknown> {
  try {
    for await (const line of readline.createInterface({ input: res, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      const message = JSON.parse(line) as ProgressLine<P, unknown>;
      if ('progress' in message) onProgress(message.progress);
      else if ('error' in message) throw errorOfProblem(server, message.error.status, message.error);
      else return message.result;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  throw lostServer(server); // the answer ended, or broke off, without its last line
}

/** The server went away in the middle of an answer (stopped, or killed). */
const lostServer = (server: RunningServer) => new AppError('unavailable', say('cli.server_lost', { url: server.url }));

/** A problem as the error the same command raises without a server: its members `merged_into` and `erased_at` kept, as the service sets them (errors.ts extensions). */
function errorOfProblem(server: RunningServer, status: number, problem: Partial<Problem> | undefined): AppError {
  const error = new AppError(kindOfStatus(status), problem?.detail ?? say('cli.server_answered', { url: server.url, status: String(status) }), problem?.errors ?? []);
  const extensions: ProblemExtensions = {};
  for (const member of EXTENSIONS) if (typeof problem?.[member] === 'string') extensions[member] = problem[member];
  if (Object.keys(extensions).length) error.extensions = extensions;
  return error;
}
const EXTENSIONS = ['merged_into', 'merged_at', 'erased_at'] as const satisfies readonly (keyof ProblemExtensions)[];

function kindOfStatus(status: number): ErrorKind {
  const kind = (Object.keys(STATUS_OF) as ErrorKind[]).find((k) => STATUS_OF[k] === status);
  return kind ?? (status === 400 || status === 413 || status === 415 ? 'invalid' : 'unavailable');
}
