import type { FastifyInstance } from 'fastify';
import { invalidField } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';

// PostgreSQL holds no NUL character (U+0000) in text or jsonb, nor half of a UTF-16
// surrogate pair (it is no character of UTF-8). JSON may carry either ("\u0000", "\ud83d")
// and a path or query may percent-encode a NUL, so every route met them first as a 500
// from the database. They are refused here, once for all routes, as a 422 naming the
// field — before a route writes anything. A surrogate pair whole (an emoji) is text.

/** Either character, or a surrogate (whose pairing the loop below checks): cheap to test before the precise look. */
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** The first character of `text` the database cannot hold, as "U+0000", or null. */
function unstorableChar(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'U+0000';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return `U+${c.toString(16).toUpperCase()}`;
    } else if (c >= 0xdc00 && c <= 0xdfff) return `U+${c.toString(16).toUpperCase()}`;
  }
  return null;
}

/** The first field (a dotted path, as zod names them: `lines.1.sku`) whose name or text holds such a character, with it. */
export function unstorableText(value: unknown, path = ''): { field: string; char: string } | null {
  if (typeof value === 'string') {
    const char = unstorableChar(value);
    return char ? { field: path || '(body)', char } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const char = unstorableChar(key);
    if (char) return { field, char };
    const found = unstorableText(inner, field);
    if (found) return found;
  }
  return null;
}

/** Refuses such text in a request's path parameters, query and JSON body (an import's multipart file is read by its own parser). */
export function refuseUnstorableText(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    const found = unstorableText(request.params) ?? unstorableText(request.query) ?? unstorableText(request.body);
    if (found) throw invalidField(found.field, say('text.unstorable_char', { char: found.char }));
  });
}
