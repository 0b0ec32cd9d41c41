import type { FastifyError } from 'fastify';

// A JSON body is UTF-8 (RFC 8259). Read as a string, its bytes that are no UTF-8 became
// U+FFFD, and a till's windows-1250 "Ma\xC8ja" was stored as "Ma�ja": the JSON parser (app.ts)
// checks the bytes first (buffer.isUtf8, one native pass) and refuses such a body with the
// first bad byte and where it stands. Finding it is this scan's work, on the refusal's path alone.

/** The first byte of `bytes` that does not begin or continue a UTF-8 character, with its offset (from 0); undefined when all are UTF-8. */
export function firstNonUtf8(bytes: Uint8Array): { offset: number; byte: number } | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The bytes a lead byte needs after it, and the range the first of them must fall in
    // (Unicode's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
    const [count, low, high] =
      lead >= 0xc2 && lead <= 0xdf ? [1, 0x80, 0xbf]
      : lead === 0xe0 ? [2, 0xa0, 0xbf]
      : lead === 0xed ? [2, 0x80, 0x9f]
      : lead >= 0xe1 && lead <= 0xef ? [2, 0x80, 0xbf]
      : lead === 0xf0 ? [3, 0x90, 0xbf]
      : lead >= 0xf1 && lead <= 0xf3 ? [3, 0x80, 0xbf]
      : lead === 0xf4 ? [3, 0x80, 0x8f]
      : [0, 0, 0];
    if (count === 0) return { offset: i, byte: lead };
    for (let k = 1; k <= count; k++) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      // A character cut short is its lead byte's fault: that is the byte a reader looks for (0xC8 of "Ma\xC8ja").
      if (next === undefined || next < min || next > max) return { offset: i, byte: lead };
    }
    i += count + 1;
  }
  return undefined;
}

/** A body that is not UTF-8 (400, as one that is not JSON): its first bad byte, in hex, and its offset. */
export function invalidUtf8Body(bytes: Uint8Array): FastifyError & { offset?: number; byte?: string } {
  const found = firstNonUtf8(bytes);
  return Object.assign(new Error('The body is not valid UTF-8 text'), {
    name: 'FastifyError', code: 'REGULARS_BODY_NOT_UTF8', statusCode: 400,
    offset: found?.offset, byte: found?.byte.toString(16).toUpperCase().padStart(2, '0'),
  });
}
