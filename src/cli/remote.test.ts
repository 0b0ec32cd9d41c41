import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText } from './error-text.ts';
import { useLanguage } from './language.ts';
import type { AppError } from '../shared/errors.ts';
import { callServer, uploadToServer, type RemoteProgress, type RunningServer } from './remote.ts';

// The CLI's side of an upload with progress, against a stand-in server: the progress
// lines reach the bar, the result line is the answer, and a server that dies in the
// middle of its answer is named as such (a re-run finishes the import).

let server: http.Server;
let remote: RunningServer;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-remote-'));
const file = path.join(dir, 'sales.csv');

beforeAll(async () => {
  fs.writeFileSync(file, 'external_id,customer_email,occurred_at,total\n1,a@example.com,2026-01-02,1.00\n');
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url!.endsWith('/language')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ asked: req.headers['accept-language'] }));
      if (req.url!.endsWith('/status')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ time_zone: 'Europe/Ljubljana', currency: 'EUR' }));
      const erased = req.url!.endsWith('/erased');
      if (erased || req.url!.endsWith('/merged')) {
        const detail = req.headers['accept-language'] === 'sl' ? 'Stranke c-1 ni mogoče najti' : erased ? 'Customer c-1 not found' : 'Customer c-1 not found (merged into c-2)';
        const members = erased ? { erased_at: '2026-12-01T09:30:00.000Z' } : { merged_into: 'c-2', merged_at: '2026-11-30T08:00:00.000Z' };
        return void res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail, ...members }));
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify({ progress: { phase: 'validate', rows: 1, bytes: 10, total_bytes: 20 } })}\n`);
      if (req.url!.endsWith('/dies')) return void setTimeout(() => res.socket!.destroy(), 20);
      if (req.url!.endsWith('/fails')) return void res.end(`${JSON.stringify({ error: { status: 409, detail: 'changed meanwhile', errors: [] } })}\n`);
      res.end(`${JSON.stringify({ result: { rows: 1, imported: true } })}\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  remote = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'test', pid: process.pid };
});
afterAll(() => {
  useLanguage('en');
  server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('uploadToServer with progress', () => {
  it('reports the upload and the server progress, and answers with the result line', async () => {
    const seen: RemoteProgress[] = [];
    await expect(uploadToServer(remote, '/imports/purchases', file, {}, (p) => seen.push(p))).resolves.toEqual({ rows: 1, imported: true });
    expect(seen.map((p) => p.phase)).toEqual(['upload', 'validate']);
    expect(seen[0]).toEqual({ phase: 'upload', bytes: fs.statSync(file).size, total_bytes: fs.statSync(file).size });
  });

  it('turns an error line into the problem it names', async () => {
    await expect(uploadToServer(remote, '/imports/fails', file, {}, () => {})).rejects.toMatchObject({ kind: 'conflict', message: 'changed meanwhile' });
  });

  it('names a server that stopped in the middle of its answer, and what to do', async () => {
    await expect(uploadToServer(remote, '/imports/dies', file, {}, () => {})).rejects.toThrow(/stopped answering before the end .* run the same command: nothing is counted twice/);
  });
});

describe("the command line's language", () => {
  // The server tells its refusals and an import's reasons in the language asked, so a
  // command reads alike through it and without it.
  it('is the language every request asks the server for', async () => {
    useLanguage('sl');
    await expect(callServer(remote, 'GET', '/language')).resolves.toEqual({ asked: 'sl' });
    useLanguage('en');
    await expect(callServer(remote, 'GET', '/language')).resolves.toEqual({ asked: 'en' });
  });

  it('tells a server gone mid-answer in that language', async () => {
    useLanguage('ru');
    const gone = await uploadToServer(remote, '/imports/dies', file, {}, () => {}).catch((error: unknown) => error);
    useLanguage('en');
    expect((gone as { in(language: string): { message: string } }).in('ru').message).toMatch(/^Сервер Regulars по адресу http:\/\/127\.0\.0\.1:\d+ перестал отвечать, не закончив/);
  });
});

// A customer's 404 keeps the problem's members (as the service's own error carries them), so a
// command through a server reads it as on the database: erased, and when; merged, into whom.
describe("a customer's 404", () => {
  it('keeps merged_into, merged_at and erased_at, and an erased one is told erased, and when, in the business zone', async () => {
    const merged = await callServer(remote, 'GET', '/customers/c-1/merged').then(() => undefined, (error: unknown) => error as AppError);
    expect([merged?.kind, merged?.extensions]).toEqual(['not_found', { merged_into: 'c-2', merged_at: '2026-11-30T08:00:00.000Z' }]);
    expect(await errorText(merged, 'en')).toBe('Customer c-1 not found (merged into c-2): merged on 2026-11-30 09:00');
    const erased = await callServer(remote, 'GET', '/customers/c-1/erased').then(() => undefined, (error: unknown) => error as AppError);
    expect(erased?.extensions).toEqual({ erased_at: '2026-12-01T09:30:00.000Z' });
    expect(await errorText(erased, 'en')).toBe('Customer c-1 not found: the customer was erased on 2026-12-01 10:30');
    useLanguage('sl');
    const told = await callServer(remote, 'GET', '/customers/c-1/erased').then(() => undefined, (error: unknown) => error as AppError);
    useLanguage('en');
    expect(await errorText(told, 'sl')).toBe('Stranke c-1 ni mogoče najti: stranka je bila izbrisana 2026-12-01 10:30');
  });
});
