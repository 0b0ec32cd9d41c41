import { randomBytes, randomFillSync } from 'node:crypto';

// Entity ids are UUIDs, generated in the application before the insert, so set-based
// batch writes know every id up front. They are version 7 (RFC 9562): the first 48 bits
// are the creation time in milliseconds, the remaining 74 are random. Ids made together
// sort together, so a batch's new rows land on the same few index pages instead of on
// random ones: at a million customers the indexes no longer fit in PostgreSQL's buffers,
// and random keys made every insert a page read (v4 ids cost the CSV import about half
// its database time). The creation time they reveal is no secret (created_at is public
// in the API); secrets use newSecret.

const POOL_IDS = 512;
let pool = Buffer.alloc(0);
let offset = 0;

export function newId(now = Date.now()): string {
  if (offset >= pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(16 * POOL_IDS));
    offset = 0;
  }
  const b = pool.subarray(offset, offset + 16);
  offset += 16;
  // 48-bit big-endian milliseconds since the epoch.
  b[0] = Math.floor(now / 2 ** 40) & 0xff;
  b[1] = Math.floor(now / 2 ** 32) & 0xff;
  b[2] = (now >>> 24) & 0xff;
  b[3] = (now >>> 16) & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = (b[6] & 0x0f) | 0x70; // version 7
  b[8] = (b[8] & 0x3f) | 0x80; // variant 10
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);

/** An unguessable token in base64url (secrets, session ids, setup links). */
export const newSecret = (bytes = 24): string => randomBytes(bytes).toString('base64url');
