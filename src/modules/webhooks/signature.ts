import { createHmac, timingSafeEqual } from 'node:crypto';

// Stripe-style signature: the receiver recomputes HMAC-SHA256 over "<timestamp>.<body>"
// with the endpoint's secret, and rejects old timestamps to stop replays.
export const SIGNATURE_HEADER = 'regulars-signature';

export function sign(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export function verifySignature({ secret, body, header, toleranceSeconds = 300, now = Date.now() }: { secret: string; body: string; header: string; toleranceSeconds?: number; now?: number }): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(sign(secret, body, timestamp).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
