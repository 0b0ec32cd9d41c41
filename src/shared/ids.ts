import { randomBytes, randomUUID } from 'node:crypto';

// Entity ids are UUIDs (v4) everywhere: safe to generate in the application before the
// insert, so set-based batch writes know every id up front.
export const newId = (): string => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);

/** An unguessable token in base64url (secrets, session ids, setup links). */
export const newSecret = (bytes = 24): string => randomBytes(bytes).toString('base64url');
