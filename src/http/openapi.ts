import { z } from 'zod';
import { registry, type RouteSpec } from './route.ts';

// The OpenAPI 3.1 document is generated from the same route declarations and zod
// schemas that validate requests, so it cannot drift from what the server accepts.

const jsonSchema = (schema: z.ZodType) => {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } } },
  },
};

export function openApiDocument({ version, serverUrl }: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry) {
    const path = toOpenApiPath(spec.path);
    const parameters = [...spec.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (spec.query) {
      const schema = jsonSchema(spec.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: prop as never });
      }
    }
    paths[path] ??= {};
    const requestBody = spec.multipart
      ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } }
      : spec.body
        ? { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } }
        : undefined;
    // What an operation does not have is undefined, so the JSON leaves it out.
    paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      description: spec.description,
      tags: [spec.tag],
      security: spec.scope ? [{ apiKey: [] }, { session: [] }] : [],
      'x-scope': spec.scope ?? undefined,
      parameters: parameters.length ? parameters : undefined,
      requestBody,
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, description]) => [
          status,
          Number(status) >= 400 ? { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } : { description },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Regulars API',
      version,
      description: 'Customers, purchases and loyalty. Amounts are decimal strings in the business currency. Errors are RFC 9457 problem details. Authenticate with `Authorization: Bearer <API key>` (create one with `regulars keys create`).',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: rk_…' },
        session: { type: 'apiKey', in: 'cookie', name: 'regulars_session', description: 'Dashboard session; writes also need the X-CSRF-Token header' },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}

/** A readable, dependency-free reference page: one section per endpoint. */
export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const byTag = new Map<string, RouteSpec[]>();
  for (const spec of registry) byTag.set(spec.tag, [...(byTag.get(spec.tag) ?? []), spec]);
  const sections = [...byTag].map(([tag, specs]) => `
    <h2 id="${esc(tag)}">${esc(tag)}</h2>
    ${specs.map((spec) => {
      const op = (doc.paths[toOpenApiPath(spec.path)] as Record<string, any>)[spec.method.toLowerCase()];
      const body = op.requestBody?.content?.['application/json']?.schema;
      return `<section class="op">
        <h3><span class="m ${spec.method}">${spec.method}</span> <code>${esc(toOpenApiPath(spec.path))}</code></h3>
        <p>${esc(spec.summary)}</p>
        ${spec.description ? `<p>${esc(spec.description)}</p>` : ''}
        <p class="scope">${spec.scope ? `Needs scope <b>${spec.scope}</b>` : 'No authentication'}</p>
        ${op.parameters?.some((p: any) => p.in === 'query') ? `<details><summary>Query parameters</summary><pre>${esc(JSON.stringify(op.parameters.filter((p: any) => p.in === 'query'), null, 2))}</pre></details>` : ''}
        ${body ? `<details><summary>Request body (JSON Schema)</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
        <ul>${Object.entries(spec.responses).map(([code, d]) => `<li><b>${code}</b> ${esc(d)}</li>`).join('')}</ul>
      </section>`;
    }).join('')}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Regulars API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:24px;color:#1f2933}
h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:40px;text-transform:capitalize}
.op{border:1px solid #e4e7eb;border-radius:8px;padding:4px 16px;margin:12px 0}
.m{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:2px 6px}
.GET{background:#2f80ed}.POST{background:#27ae60}.PATCH{background:#f2994a}.DELETE{background:#eb5757}
pre{background:#f5f7fa;padding:12px;overflow:auto;font-size:12px}.scope{color:#52606d;font-size:13px}
</style></head><body>
<h1>Regulars API <small>${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${[...byTag.keys()].map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`).join(' · ')}</nav>
${sections}
</body></html>`;
}
