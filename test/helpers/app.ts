import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import type { Scope } from '../../src/modules/auth/index.ts';
import { openTestServices } from './services.ts';

type TestServices = Awaited<ReturnType<typeof openTestServices>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The HTTP app on a fresh test database for the test file that calls it, answered in-process
 * (app.inject: no port). Registers a beforeAll and an afterAll: call it before the file's own
 * hooks, and a beforeAll the file registers after it finds the app and the keys there.
 *
 * `keys` names the API keys to make, by name and scopes, in that order; `call` sends the first
 * one unless it is given another (`key`) or none (`key: null`). `seed` fills the database
 * before the app is built, as startTestServer's does. Urls are the whole path (/api/v1/...):
 * the OpenAPI document and Content-Location headers name them so.
 */
export function useTestApp<K extends string>({ keys, seed, env }: { keys: Record<K, Scope[]>; seed?: (services: TestServices) => Promise<unknown>; env?: Record<string, string> }) {
  let services: TestServices | undefined;
  let app: FastifyInstance | undefined;
  const names = Object.keys(keys) as K[];
  const made = {} as Record<K, string>;

  beforeAll(async () => {
    services = await openTestServices(env);
    if (seed) await seed(services);
    app = await buildApp(services);
    for (const name of names) made[name] = (await services.auth.createApiKey({ name, scopes: keys[name] }, { actor: 'test' })).key;
  });
  afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  return {
    get services() {
      return ready(services);
    },
    get app() {
      return ready(app);
    },
    keys: made as Readonly<Record<K, string>>,
    /** A body that is a string goes as it is (multipart, broken JSON); `headers` add to or override the key's authorization. */
    call(method: Method, url: string, { key = made[names[0]], body, headers = {} }: { key?: string | null; body?: InjectOptions['payload']; headers?: Record<string, string> } = {}) {
      return ready(app).inject({ method, url, payload: body, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
    },
  };
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('useTestApp: read before its beforeAll ran (only tests and hooks may use it)');
  return value;
}
