import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import { buildApp } from './app.ts';

// The dashboard's files as a running server finds them on disk now. `npm run build:web`
// under a running `regulars serve` writes new hashed names under assets/; the server listed
// the files once at start, so it answered the new ones with index.html (as a page route)
// until restarted, and the rebuilt dashboard did not load.

let dist: string;
let services: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Regulars</title><script src="/assets/index-old.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-old.js'), 'console.log("old")');
  services = await openTestServices();
  app = await buildApp(services, { webDist: dist });
});
afterAll(async () => {
  await app?.close();
  await services?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe("the dashboard's files", () => {
  it('serves an asset written after the server started, as a rebuild writes it', async () => {
    expect((await get('/assets/index-old.js')).body).toBe('console.log("old")');
    fs.writeFileSync(path.join(dist, 'assets', 'index-new.js'), 'console.log("new")');
    fs.writeFileSync(path.join(dist, 'assets', 'index-new.css'), 'body { color: teal }');
    const script = await get('/assets/index-new.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body).toBe('console.log("new")');
    const style = await get('/assets/index-new.css');
    expect([style.statusCode, style.headers['content-type'], style.body]).toEqual([200, 'text/css; charset=utf-8', 'body { color: teal }']);
    // index.html rewritten by the build is the one answered.
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Regulars</title><script src="/assets/index-new.js"></script>');
    expect((await get('/')).body).toContain('/assets/index-new.js');
  });

  it('answers an asset that is not there with a 404 saying to reload, not with index.html', async () => {
    fs.rmSync(path.join(dist, 'assets', 'index-old.js'));
    for (const url of ['/assets/index-old.js', '/assets/nothing.js', '/assets/deep/er.css', '/assets/']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
    expect((await get('/assets/nothing.js')).json().detail).toBe('No file /assets/nothing.js in the dashboard: it was rebuilt since this page was loaded? Reload the page');
    const sl = await get('/assets/nothing.js', { 'accept-language': 'sl' });
    expect(sl.json().detail).toBe('Datoteke /assets/nothing.js v nadzorni plošči ni: je bila od nalaganja te strani na novo zgrajena? Znova naložite stran');
  });

  it("answers the dashboard's pages with index.html, and an API path that is none with a problem", async () => {
    for (const url of ['/', '/customers', '/customers/0190a1b2-0000-7000-8000-000000000000?tab=loyalty', '/loyalty/program']) {
      const page = await get(url);
      expect([page.statusCode, page.headers['content-type']], url).toEqual([200, 'text/html; charset=utf-8']);
      expect(page.body, url).toContain('<title>Regulars</title>');
    }
    const api = await get('/api/v1/nothing-here');
    expect([api.statusCode, api.json().detail]).toEqual([404, 'No route GET /api/v1/nothing-here']);
    // The router still refuses an API path's part too long for any id: the assets' wildcard
    // stays under /assets/ (one at the root took such paths, a 404 for the 414).
    expect((await get(`/api/v1/purchases/${'a'.repeat(5000)}/refunds`)).statusCode).toBe(414);
    // A file outside the folder is not reached by a path that climbs out of it.
    expect((await get('/assets/../../etc/passwd')).body).not.toContain('root:');
  });
});
