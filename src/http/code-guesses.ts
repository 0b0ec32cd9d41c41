import type { FastifyRequest } from 'fastify';

// Coupon and gift-card codes are bearer secrets: whoever knows one can spend it. They are
// unguessable by their length (12 of 32 characters, codes.ts), and a caller who asks for
// many codes that do not exist is guessing. So what is limited is the unknown codes a
// caller tries in a minute (UNKNOWN_CODES_PER_MINUTE), not its requests: a chain's tills
// redeeming real coupons through one key, or from one address, are never turned away,
// however busy the checkout, while a guesser is stopped after a minute's allowance of
// misses — with no way to tell a real code from a guess in the meantime (every code
// answers 429 until the minute is over). A caller is its API key or dashboard user, else
// its address. One fixed window for all callers: a counter per caller, cleared each minute.

const WINDOW_MS = 60_000;

export interface CodeGuesses {
  /** Seconds until `request`'s caller may try codes again; 0 when it may now. */
  blockedFor(request: FastifyRequest): number;
  /** Counts a code `request` named that is not there. */
  missed(request: FastifyRequest): void;
}

function callerOf(request: FastifyRequest): string {
  const p = request.principal;
  return p ? `${p.kind}:${p.id}` : `ip:${request.ip}`;
}

export function createCodeGuesses(perMinute: number, now: () => number = Date.now): CodeGuesses {
  let windowStart = now();
  const misses = new Map<string, number>();
  function current(): number {
    const t = now();
    if (t - windowStart >= WINDOW_MS) {
      windowStart = t;
      misses.clear();
    }
    return t;
  }
  return {
    blockedFor(request) {
      const t = current();
      return (misses.get(callerOf(request)) ?? 0) >= perMinute ? Math.max(1, Math.ceil((windowStart + WINDOW_MS - t) / 1000)) : 0;
    },
    missed(request) {
      current();
      const caller = callerOf(request);
      misses.set(caller, (misses.get(caller) ?? 0) + 1);
    },
  };
}
