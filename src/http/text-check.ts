import type { FastifyRequest } from 'fastify';
import { invalidField, type AppError } from '../shared/errors.ts';
import { say } from '../shared/messages/index.ts';
import { withFields } from '../shared/objects.ts';

// PostgreSQL holds no NUL character (U+0000) in text or jsonb, nor half of a UTF-16
// surrogate pair (it is no character of UTF-8). JSON may carry either ("\u0000", "\ud83d")
// and a path or query may percent-encode a NUL, so every route met them first as a 500
// from the database. They are refused here, once for all routes, as a 422 naming the
// field — after the route's own checks of the caller (route.ts), before it writes anything.
// A surrogate pair whole (an emoji) is text.

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

/**
 * The first field (a dotted path, as zod names them: `lines.1.sku`) whose name or text holds
 * such a character, with it. Walked with a stack of its own, not by recursion: a body may
 * nest as deep as its 10 MB allow, and JSON.parse reads such a body without complaint.
 */
export function unstorableText(value: unknown, path = ''): { field: string; char: string } | null {
  // `char`: a name found to hold one, met before its value.
  const todo: { at: unknown; field: string; char?: string }[] = [{ at: value, field: path }];
  while (todo.length > 0) {
    const { at, field, char: inName } = todo.pop()!;
    if (inName) return { field, char: inName };
    if (typeof at === 'string') {
      const char = unstorableChar(at);
      if (char) return { field: field || '(body)', char };
      continue;
    }
    if (at === null || typeof at !== 'object') continue;
    const entries = Object.entries(at);
    // Pushed last first, so that fields are met in the order the body writes them.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i];
      const name = field ? `${field}.${key}` : key;
      todo.push({ at: inner, field: name });
      const char = unstorableChar(key);
      if (char) todo.push({ at: undefined, field: name, char });
    }
  }
  return null;
}

/** The refusal of text the database cannot hold in `value` (its fields named from `path`), or null. */
export function unstorableTextError(value: unknown, path = ''): AppError | null {
  const found = unstorableText(value, path);
  return found ? invalidField(found.field, say('text.unstorable_char', { char: found.char })) : null;
}

// Walking every body would cost each purchase a look at every field, for characters a till
// never sends. Both can reach a JSON body only as an escape: JSON forbids a raw NUL in a
// string, and the body is decoded from UTF-8, which holds no half pair (a bad byte becomes
// U+FFFD). So the JSON parser (app.ts) looks once at the body's text for `\u0000` or
// `\uD800`–`\uDFFF` (one native scan; an escaped backslash before the u may make it look
// for nothing), and only the bodies it notes are walked. A path or query can hold one only
// percent-encoded: one without a % is not walked either.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
const suspectBodies = new WeakSet<FastifyRequest>();

/** The JSON parser's look at a body's text: walked later (bodyMayHoldUnstorable) only if it may hold such a character. */
export function noteJsonBodyText(request: FastifyRequest, text: string): void {
  if (SUSPECT_ESCAPE.test(text)) suspectBodies.add(request);
}

/** Whether the request's JSON body may hold text the database cannot (noteJsonBodyText found an escape of one). */
export function bodyMayHoldUnstorable(request: FastifyRequest): boolean {
  return suspectBodies.has(request);
}

/**
 * Refuses such text in a request's path parameters, query and JSON body (an import's
 * multipart file is read by its own parser). `itemsAlone` names a body's list whose items
 * the route checks one by one (a batch: an item's bad text is that item's error, as any
 * other problem of it is, not a refusal of the other 999).
 */
export function refuseUnstorableText(request: FastifyRequest, itemsAlone?: string) {
  const error = (request.url.includes('%') ? (unstorableTextError(request.params) ?? unstorableTextError(request.query)) : null) ?? (bodyMayHoldUnstorable(request) ? unstorableTextError(bodyApartFrom(request.body, itemsAlone)) : null);
  if (error) throw error;
}

function bodyApartFrom(body: unknown, itemsAlone: string | undefined): unknown {
  return itemsAlone && body && typeof body === 'object' ? withFields(body as Record<string, unknown>, { [itemsAlone]: undefined }) : body;
}
