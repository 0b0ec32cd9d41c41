import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { notFound } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { tooManyRequests } from '../problem.ts';
import { route } from '../route.ts';

// A referral link's short form on the Regulars server (`https://loyalty.shop.example/r/ANA-K7M2QX`),
// public as a shop's page is: it sends the friend on to the member's link (REFERRAL_LINK
// with the code) for a code that refers, and to the shop without a code for any other, so
// it tells no one which codes exist. A caller who tries many codes that lead nowhere is
// stopped as one guessing coupon codes is (UNKNOWN_CODES_PER_MINUTE, code-guesses.ts):
// every code answers 429 until the minute is over, a real one too.

export function referralLinkRoutes(app: FastifyInstance, s: Services) {
  route(app, '', {
    method: 'GET', path: '/r/:code', tag: 'loyalty', scope: null,
    summary: "A member's referral link in short: redirects the friend to the shop with the code (REFERRAL_LINK)",
    description: 'A code that refers (written in any case, with spaces or without the dash, as a claim takes it) is sent to REFERRAL_LINK with the code in it; any other code to the shop without a code (REFERRAL_LINK without the part that holds the code), so the answer tells no one whether a code exists. ' +
      'Codes that lead nowhere count against the caller as unknown coupon codes do (UNKNOWN_CODES_PER_MINUTE).',
    responses: {
      302: 'To the member\'s link (Location), or to the shop without a code for a code that refers no one',
      404: 'REFERRAL_LINK is not configured: no link leads anywhere',
      429: 'Too many codes that lead nowhere from this caller this minute (UNKNOWN_CODES_PER_MINUTE): every code is answered so until Retry-After',
    },
    handler: async (req, reply) => {
      const guesses = req.server.codeGuesses;
      const wait = guesses.blockedFor(req);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw tooManyRequests(wait);
      }
      const landing = await s.loyalty.referralLanding((req.params as { code: string }).code);
      if (!landing) throw notFound(say('referral.no_link'));
      if (!landing.known) guesses.missed(req);
      // Not kept by a browser or a cache: a code that stops referring (its member erased) stops at once.
      return reply.header('cache-control', 'no-store').redirect(landing.to, 302);
    },
  });
}
