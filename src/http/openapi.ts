import { z } from 'zod';
import { sharedShapes } from './responses/common.ts';
import { NDJSON } from './progress.ts';
import { IDEMPOTENCY_KEY, registry, takesField, type ResponseSpec, type RouteSpec } from './route.ts';

// The OpenAPI 3.1 document is generated from the same route declarations and zod
// schemas that validate requests, so it cannot drift from what the server accepts; the
// answers' schemas are checked against every answer under the tests (response-check.ts).

const jsonSchema = (schema: z.ZodType) => {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
};

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

type JsonSchema = Record<string, unknown>;
const COMPONENTS = '#/components/schemas/';

/**
 * The JSON Schemas of the answers: the shared shapes as components, referenced by name
 * from wherever they appear, and each operation's own schema inline. zod converts them in
 * one registry so that the references come out right; an operation's schema gets a
 * placeholder id there, and is taken out again.
 */
function responseSchemas(specs: readonly RouteSpec[]) {
  const documented = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodType, string>();
  for (const [id, schema] of sharedShapes) {
    documented.add(schema, { id });
    idOf.set(schema, id);
  }
  const operations = new Set<string>();
  for (const spec of specs) {
    for (const answer of Object.values(spec.responses)) {
      if (typeof answer === 'string') continue;
      for (const schema of [answer.schema, answer.ndjson]) {
        if (!schema || idOf.has(schema)) continue;
        const id = `operation-${operations.size}`;
        documented.add(schema, { id });
        idOf.set(schema, id);
        operations.add(id);
      }
    }
  }
  // Input form, as the request bodies: a stored program document is one an author writes
  // (its published schema), and the answers' own schemas have no defaults or transforms.
  const { schemas } = z.toJSONSchema(documented, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => COMPONENTS + id,
    // A uuid's or a date-time's regular expression says nothing its format does not.
    override: ({ jsonSchema: s }) => {
      if (s.format && s.pattern) delete s.pattern;
    },
  });
  const converted = new Map(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema as JsonSchema]));
  // An operation's schema used inside another answer's is referenced under its placeholder
  // id, so it stays a component (app.test.ts asks for a name for it: shared()).
  const referenced = new Set([...JSON.stringify([...converted.values()]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
  const inline = new Set([...operations].filter((id) => !referenced.has(id)));
  return {
    components: Object.fromEntries([...converted].filter(([id]) => !inline.has(id))),
    of: (schema: z.ZodType): JsonSchema => {
      const id = idOf.get(schema)!;
      return inline.has(id) ? converted.get(id)! : { $ref: COMPONENTS + id };
    },
  };
}

function answerOf(status: string, answer: string | ResponseSpec, schemaOf: (schema: z.ZodType) => JsonSchema) {
  if (typeof answer === 'string') {
    return Number(status) >= 400 ? { description: answer, content: { 'application/problem+json': { schema: { $ref: `${COMPONENTS}Problem` } } } } : { description: answer };
  }
  if (answer.schema === null) return { description: answer.description };
  const content: Record<string, { schema: JsonSchema }> = { 'application/json': { schema: schemaOf(answer.schema) } };
  if (answer.ndjson) content[NDJSON] = { schema: schemaOf(answer.ndjson) };
  if (answer.csv) content['text/csv'] = { schema: { type: 'string', description: `CSV (RFC 4180) with a header line: ${answer.csv.columns.join(',')}` } };
  return { description: answer.description, content };
}

export function openApiDocument({ version, serverUrl }: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const answers = responseSchemas(registry);
  for (const spec of registry) {
    const path = toOpenApiPath(spec.path);
    const parameters = [...spec.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (spec.query) {
      const schema = jsonSchema(spec.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: prop as never });
      }
    }
    if (takesField(spec.body, IDEMPOTENCY_KEY)) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: "The body's idempotency_key sent as a header (as Stripe takes it): used when the body has none; both sent must be the same" } as never);
    }
    paths[path] ??= {};
    const requestBody = spec.multipart
      ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } }
      : spec.body
        ? { required: !spec.bodyOptional, content: { 'application/json': { schema: jsonSchema(spec.body) } } }
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
      responses: Object.fromEntries(Object.entries(spec.responses).map(([status, answer]) => [status, answerOf(status, answer, answers.of)])),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Regulars API',
      version,
      description: 'Customers, purchases and loyalty. Amounts are decimal strings in the business currency. Errors are RFC 9457 problem details, in English unless `Accept-Language` prefers sl, tr, da or ru (then `Content-Language` names it, as it does on any answer whose texts are told in another language than English: an import\'s report, a batch\'s problems, a coupon\'s `problem`, a member\'s explanation or the rewards in `?language=`). Authenticate with `Authorization: Bearer <API key>` (create one with `regulars keys create`).',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: rk_…' },
        session: { type: 'apiKey', in: 'cookie', name: 'regulars_session', description: 'Dashboard session; writes also need the X-CSRF-Token header' },
      },
      schemas: answers.components,
    },
    paths,
  };
}

/** A readable, dependency-free reference page: one section per endpoint, then the shared schemas. */
export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  // A schema as JSON, its references to the shared schemas made links to them below.
  const schemaBlock = (schema: unknown) =>
    `<pre>${esc(JSON.stringify(schema, null, 2)).replace(/&quot;#\/components\/schemas\/([\w-]+)&quot;/g, '<a href="#schema-$1">&quot;#/components/schemas/$1&quot;</a>')}</pre>`;
  const byTag = new Map<string, RouteSpec[]>();
  for (const spec of registry) byTag.set(spec.tag, [...(byTag.get(spec.tag) ?? []), spec]);
  const sections = [...byTag].map(([tag, specs]) => `
    <h2 id="${esc(tag)}">${esc(tag)}</h2>
    ${specs.map((spec) => {
      const op = (doc.paths[toOpenApiPath(spec.path)] as Record<string, any>)[spec.method.toLowerCase()];
      const body = op.requestBody?.content?.['application/json']?.schema;
      const answers = Object.entries(op.responses as Record<string, { description: string; content?: Record<string, { schema: unknown }> }>);
      const answerBodies = answers.flatMap(([code, answer]) => Object.entries(answer.content ?? {})
        .filter(([type]) => type !== 'application/problem+json')
        .map(([type, { schema }]) => `<details><summary>Response body ${code}${type === NDJSON ? `, each line of ${NDJSON}` : type === 'text/csv' ? ', as text/csv' : ''} (JSON Schema)</summary>${schemaBlock(schema)}</details>`));
      return `<section class="op">
        <h3><span class="m ${spec.method}">${spec.method}</span> <code>${esc(toOpenApiPath(spec.path))}</code></h3>
        <p>${esc(spec.summary)}</p>
        ${spec.description ? `<p>${esc(spec.description)}</p>` : ''}
        <p class="scope">${spec.scope ? `Needs scope <b>${spec.scope}</b>` : 'No authentication'}</p>
        ${op.parameters?.some((p: any) => p.in === 'header') ? '<p>Takes an <code>Idempotency-Key</code> header as the body\'s <code>idempotency_key</code>.</p>' : ''}
        ${op.parameters?.some((p: any) => p.in === 'query') ? `<details><summary>Query parameters</summary><pre>${esc(JSON.stringify(op.parameters.filter((p: any) => p.in === 'query'), null, 2))}</pre></details>` : ''}
        ${body ? `<details><summary>Request body${op.requestBody.required ? '' : ', optional'} (JSON Schema)</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
        ${answerBodies.join('')}
        <ul>${answers.map(([code, answer]) => `<li><b>${code}</b> ${esc(answer.description)}${answer.content || Number(code) >= 300 ? '' : ' (no body)'}</li>`).join('')}</ul>
      </section>`;
    }).join('')}`).join('');
  const schemas = Object.entries(doc.components.schemas).map(([name, schema]) =>
    `<section class="op" id="schema-${esc(name)}"><h3><code>${esc(name)}</code></h3>${schemaBlock(schema)}</section>`).join('');
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
<nav>${[...byTag.keys()].map((t) => `<a href="#${esc(t)}">${esc(t)}</a>`).join(' · ')} · <a href="#schemas">schemas</a></nav>
${sections}
<h2 id="schemas">schemas</h2>
<p>The shapes that appear in more than one answer.</p>
${schemas}
</body></html>`;
}
