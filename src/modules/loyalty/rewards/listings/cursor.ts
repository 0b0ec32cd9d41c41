import { invalidField } from '../../../../shared/errors.ts';
import { say } from '../../../../shared/messages/index.ts';

// The promotions' lists page as GET /customers does: newest first (or in code order), a
// page's `next_cursor` the last row's keys as base64url JSON, given back as `cursor`. A
// cursor is opaque to clients; one that no answer gave is refused naming the field.

export const encodeCursor = (keys: string[]): string => Buffer.from(JSON.stringify(keys)).toString('base64url');

/** The keys a cursor holds, each checked by `valid` (its position in the array as given); else a 422 on `cursor`. */
export function decodeCursor(cursor: string, valid: ((key: string) => boolean)[]): string[] {
  try {
    const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(keys) && keys.length === valid.length && keys.every((k, i) => typeof k === 'string' && valid[i](k))) return keys as string[];
  } catch {
    // Not base64url JSON: refused below, as any other cursor that is not ours.
  }
  throw invalidField('cursor', say('cursor.not_ours'));
}

/** An instant a cursor carries, as toISOString wrote it. */
export const isInstant = (text: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && !Number.isNaN(Date.parse(text));
