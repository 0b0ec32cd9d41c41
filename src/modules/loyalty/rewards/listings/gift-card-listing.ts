import { sql } from 'kysely';
import { parseInput } from '../../../../shared/validation.ts';
import { withFields } from '../../../../shared/objects.ts';
import type { LoyaltyCore } from '../../loyalty.core.ts';
import { canPay, giftCardView } from '../gift-cards.ts';
import { normalizeCode } from '../codes.ts';
import { decodeCursor, encodeCursor, isInstant } from './cursor.ts';
import { GiftCardListQuery, type GiftCardState } from './listings.schema.ts';

// Every gift card, newest first, as the business reviews what it has outstanding (the
// dashboard's Promotions tab, GET /gift-cards): each with its balance beside what it was
// issued with, whose it is, its expiry and where it stands; filtered by that.

export function giftCardState(g: { balance_minor: number | string; expires_at: Date | null }, now: Date): GiftCardState {
  if (Number(g.balance_minor) === 0) return 'used_up';
  return canPay({ balance_minor: Number(g.balance_minor), expires_at: g.expires_at }, now) ? 'active' : 'expired';
}

export function createGiftCardListing(core: LoyaltyCore) {
  const { db, clock } = core.deps;

  return {
    /** Gift cards newest first, a page at a time, optionally only those in one state (giftCardState). */
    async giftCards(query: unknown) {
      const q = parseInput(GiftCardListQuery, query ?? {}, 'query');
      const now = clock.now();
      // The customer's name where the card is someone's: an erased customer's is gone, and
      // so is shown as none; a merge has moved the card to the survivor.
      let select = db.selectFrom('gift_cards as g').leftJoin('customers as c', 'c.id', 'g.customer_id')
        .select(['g.code', 'g.customer_id', 'g.currency', 'g.initial_minor', 'g.balance_minor', 'g.expires_at', 'g.created_at', 'c.first_name', 'c.last_name', 'c.email', 'c.status as customer_status']);
      // The same rule as giftCardState, as SQL: the state filters the rows before the page is cut.
      if (q.status === 'used_up') select = select.where('g.balance_minor', '=', 0);
      if (q.status === 'active') select = select.where('g.balance_minor', '>', 0).where((eb) => eb.or([eb('g.expires_at', 'is', null), eb('g.expires_at', '>', now)]));
      if (q.status === 'expired') select = select.where('g.balance_minor', '>', 0).where('g.expires_at', '<=', now);
      if (q.cursor) {
        const [at, code] = decodeCursor(q.cursor, [isInstant, (c) => c.length > 0 && normalizeCode(c) === c]);
        select = select.where(sql<boolean>`(g.created_at, g.code) < (${at}::timestamptz, ${code})`);
      }
      const rows = await select.orderBy('g.created_at', 'desc').orderBy('g.code', 'desc').limit(q.limit + 1).execute();
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const items = page.map((g) => {
        const card = { code: g.code, customer_id: g.customer_id, currency: g.currency, initial_minor: Number(g.initial_minor), balance_minor: Number(g.balance_minor), expires_at: g.expires_at, created_at: g.created_at };
        const name = g.customer_status === 'erased' ? '' : [g.first_name, g.last_name].filter(Boolean).join(' ') || (g.email ?? '');
        return withFields(giftCardView(card), { usable: canPay(card, now), status: giftCardState(card, now), customer_name: name || null });
      });
      return { items, next_cursor: rows.length > q.limit && last ? encodeCursor([last.created_at.toISOString(), last.code]) : null };
    },
  };
}
