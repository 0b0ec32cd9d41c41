import { hash } from 'node:crypto';

/** JSON with object keys sorted, so equal values give equal text (and equal hashes). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

// crypto.hash (Node ≥ 20.12): one call, without a Hash object per digest; a purchase hashes its request.
export const sha256 = (text: string): string => hash('sha256', text, 'hex');
