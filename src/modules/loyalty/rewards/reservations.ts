import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict, recordedAndRequested } from '../../../shared/differences.ts';
import { AppError, conflict, invalid, invalidField, notFound } from '../../../shared/errors.ts';
import { counted, fixedText, say } from '../../../shared/messages/index.ts';
import type { CountedName } from '../../../shared/plural.ts';
import { isUuid, newId } from '../../../shared/ids.ts';
import { withFields } from '../../../shared/objects.ts';
import { parseInput, toldBy } from '../../../shared/validation.ts';
import { customerNotFound, personIdsQuery } from '../../customers/index.ts';
import { pointsOnHand } from '../ledger/ledger.ts';
import { pointsNameOf, pointsWord } from '../program/program-names.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { lockActiveCustomer } from '../lifecycle/merged-customers.ts';
import { timeIn } from '../../../shared/clock.ts';
import { optionalText } from './admin-writes.ts';

// Checkout reservations: a till holds points while the customer pays, then captures them
// (the order went through: all of them, or fewer when the final basket needed fewer) or
// releases them (the order was abandoned); a hold not settled in time is released by the
// sweep. Holding writes the debit (a redeem entry) at once, so the points cannot be spent
// twice; whatever is given back is a release entry per lot, with the lot's own expiry and
// holding period, so `regulars loyalty verify` proves the ledger at every step.

// Strict, as every checkout body (coupons.ts UseCouponInput): a misspelt "order" for
// order_ref held the points for no order.
export const ReserveInput = z.strictObject({
  points: z.number().int().min(1),
  idempotency_key: z.string().trim().min(1).max(200),
  order_ref: optionalText(200),
});

// A capture's body is optional, and strict: a misspelt "point" silently capturing all the
// points would charge the customer for the whole reservation.
export const CaptureInput = toldBy(z.strictObject({
  points: z.number().int(fixedText('capture.whole')).min(1, fixedText('capture.at_least_one')).optional()
    .describe('The points the order spends, at most the points reserved; the rest go back to the member. Without it (or without a body), all of them'),
}), (issue) => (issue.code === 'unrecognized_keys' ? say('capture.unknown_fields', { keys: issue.keys.map((k) => `"${k}"`).join(', ') }) : undefined));

// A release takes no field: it gives back every point held. A till that sent { points }
// to give back part of a hold had all of them released, and its capture then refused.
export const ReleaseInput = toldBy(z.strictObject({}), (issue) => (issue.code === 'unrecognized_keys' ? say('release.unknown_fields', { keys: issue.keys.map((k) => `"${k}"`).join(', ') }) : undefined));

/** Why points went back (a release entry's details.why, read by explain.ts). */
const WHY = {
  expired: 'checkout reservation timed out',
  released: 'checkout reservation released',
  partly_captured: 'checkout reservation partly captured',
} as const;

interface HeldReservation {
  customer_id: string;
  id: string;
  points: number;
  debit_entry_id: number;
}

/**
 * One refusal for a capture that came too late, whether or not the sweep released the hold
 * first; the points by the program's name, the time at the business's (`timeZone`).
 */
const expiredBeforeCapture = (r: { expires_at: Date; points: number }, name: CountedName, timeZone: string) =>
  conflict(say('reservation.expired_before_capture', { at: timeIn(r.expires_at, timeZone), points: r.points, points_name: counted(name, r.points) }));

export function createReservations(core: LoyaltyCore) {
  const { db, clock, timeZone } = core.deps;

  /** What the program in force calls its points, for a refusal (read only when refusing). */
  const pointsName = async (trx?: Tx): Promise<CountedName> => pointsNameOf((await core.programAt(clock.now(), trx))?.document);

  /**
   * The member a till's request names, locked: the customer the id stands for after merges
   * (merged-customers.ts), its row locked first (customers before members), then the member.
   */
  async function requireMember(trx: Tx, customerId: string, now: Date): Promise<MemberRow> {
    const customer = await lockActiveCustomer(trx, customerId);
    // An erased customer's id, as GET /customers/{id} answers it (merged-customers.ts): a held reservation lapses and the maintenance forfeits its points (erasure.ts).
    if (!customer || customer.status === 'erased') throw customerNotFound(customerId, customer);
    const member = (await ledger.lockMembers(trx, [customer.id], { now, create: false })).get(customer.id);
    if (!member) throw conflict(say('loyalty.not_member'));
    return member;
  }

  /** A reservation of the customer (or of one merged into it: settled, as a held one refuses the merge). */
  async function reservation(trx: Tx, customerId: string, id: string) {
    if (!isUuid(id)) throw notFound(say('reservation.not_found', { id }));
    const r = await trx.selectFrom('loyalty_reservations').selectAll().where(sql<boolean>`customer_id IN ${personIdsQuery(customerId)}`).where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound(say('reservation.not_found', { id }));
    return r;
  }

  /**
   * Gives back what a reservation took beyond the `spent` points, lot by lot, each with its
   * lot's expiry and holding period. The points spent are those expiring first, as a
   * redemption would have taken them (chooseLots); the later ones go back. Saves the
   * member's counters; answers the points given back.
   */
  async function giveBack(trx: Tx, r: HeldReservation, spent: number, now: Date, why: keyof typeof WHY): Promise<number> {
    const member = (await ledger.lockMembers(trx, [r.customer_id], { now, create: false })).get(r.customer_id)!;
    const taken = await trx.selectFrom('loyalty_allocations as a').innerJoin('loyalty_entries as e', (j) => j.onRef('e.customer_id', '=', 'a.customer_id').onRef('e.id', '=', 'a.credit_id'))
      .select(['a.credit_id', 'a.points', 'e.available_at', 'e.expires_at']).where('a.customer_id', '=', r.customer_id).where('a.debit_id', '=', r.debit_entry_id).execute();
    const expiry = (at: Date | null) => at?.getTime() ?? Infinity;
    taken.sort((a, b) => expiry(a.expires_at) - expiry(b.expires_at) || a.credit_id - b.credit_id);
    let toSpend = spent;
    let returned = 0;
    for (const t of taken) {
      const kept = Math.min(toSpend, t.points);
      toSpend -= kept;
      if (kept === t.points) continue;
      await ledger.credit(trx, member, {
        customerId: r.customer_id, kind: 'release', points: t.points - kept, occurredAt: now, availableAt: t.available_at, expiresAt: t.expires_at,
        sourceType: 'reservation', sourceId: r.id, idempotencyKey: `release:${r.id}:${t.credit_id}`, details: { reservation: r.id, lot: t.credit_id, why: WHY[why] },
      }, now);
      returned += t.points - kept;
    }
    member.lifetime_redeemed -= returned;
    await ledger.saveMembers(trx, [member], now);
    return returned;
  }

  /** Gives a reservation's points back and settles it as released or expired. */
  async function releaseOne(trx: Tx, r: HeldReservation, now: Date, status: 'released' | 'expired') {
    await giveBack(trx, r, 0, now, status);
    await trx.updateTable('loyalty_reservations').set({ status, settled_at: now }).where('customer_id', '=', r.customer_id).where('id', '=', r.id).execute();
  }

  function reservationView(r: { id: string; points: number; status: string; order_ref: string | null; expires_at: Date; created_at: Date; settled_at: Date | null; captured_points?: number | null }) {
    return {
      id: r.id, points: r.points, status: r.status, captured_points: r.captured_points ?? null, order_ref: r.order_ref,
      expires_at: r.expires_at.toISOString(), created_at: r.created_at.toISOString(), settled_at: r.settled_at?.toISOString() ?? null,
    };
  }

  const reservations = {
    async reserve(requested: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(ReserveInput, input, 'reservation');
      return db.transaction().execute(async (trx) => {
        let member = await requireMember(trx, requested, clock.now());
        // The hold's time: once the member is ours, so it follows whatever wrote before it (explain.ts).
        const now = clock.now();
        const customerId = member.customer_id;
        // The member's own holds that timed out give their points back first (the sweep
        // runs each minute): a customer back at the till is not told points are held.
        const timedOut = await trx.selectFrom('loyalty_reservations').selectAll().where('customer_id', '=', customerId)
          .where('status', '=', 'held').where('expires_at', '<=', now).execute();
        if (timedOut.length > 0) {
          for (const r of timedOut) await releaseOne(trx, r, now, 'expired');
          member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId)!; // the member's row as the releases left it
        }
        // A reservation made under this key before a merge is on the merged customer's ledger.
        const existing = await trx.selectFrom('loyalty_reservations').selectAll().where(sql<boolean>`customer_id IN ${personIdsQuery(customerId)}`).where('idempotency_key', '=', data.idempotency_key).executeTakeFirst();
        if (existing) {
          const { found, differ } = fieldDifferences();
          differ('points', String(existing.points), String(data.points));
          differ('order_ref', existing.order_ref ?? NO_VALUE, data.order_ref ?? NO_VALUE);
          if (found.length > 0) {
            throw otherValuesConflict({
              differences: found,
              named: (differences) => say('reservation.key_reused_otherwise', { key: data.idempotency_key, differences }),
              unnamed: say('reservation.key_reused', { key: data.idempotency_key }),
            });
          }
          return { created: false, reservation: reservationView(existing) };
        }
        const program = await core.programAt(now, trx);
        if (!program) throw invalid(say('loyalty.no_program'));
        const id = newId();
        const debit = await ledger.debit(trx, member, {
          customerId, kind: 'redeem', points: data.points, occurredAt: now, sourceType: 'reservation', sourceId: id, idempotencyKey: `reserve:${data.idempotency_key}`, actor,
          programVersion: program.version, details: { reservation: id, order_ref: data.order_ref ?? null },
        }, { now, includePending: false, shortfall: 'fail' });
        if (debit.shortfall > 0) {
          const name = pointsNameOf(program.document);
          throw conflict(say('reservation.not_enough_points', {
            points_word: pointsWord(name), points: data.points, points_name: counted(name, data.points), on_hand: pointsOnHand(await ledger.openLots(trx, customerId), member.points, now, name, program.timeZone),
          }));
        }
        member.lifetime_redeemed += data.points;
        await ledger.saveMembers(trx, [member], now);
        const row = { customer_id: customerId, id, points: data.points, status: 'held' as const, order_ref: data.order_ref ?? null, idempotency_key: data.idempotency_key, debit_entry_id: debit.id!, expires_at: new Date(now.getTime() + program.document.reservation_minutes * 60_000), created_at: now, settled_at: null };
        await trx.insertInto('loyalty_reservations').values(row).execute();
        return { created: true, reservation: reservationView(row) };
      });
    },

    /**
     * Spends the held points: all of them, or `points` of them (a basket that needed fewer),
     * the rest going back to the member in the same transaction. A retry with the same
     * points answers the capture (created: false); with other points it is refused.
     */
    async capture(requested: string, reservationId: string, input?: unknown) {
      const data = parseInput(CaptureInput, input ?? {}, 'capture');
      const result = await db.transaction().execute(async (trx) => {
        const customerId = (await requireMember(trx, requested, clock.now())).customer_id;
        // As a hold's: the time once the member is locked.
        const now = clock.now();
        const r = await reservation(trx, customerId, reservationId);
        const spending = data.points ?? r.points;
        if (spending > r.points) throw invalidField('points', say('capture.more_than_reserved', { points: r.points, points_word: pointsWord(await pointsName(trx)) }));
        if (r.status === 'captured') {
          // Captured before the column recorded it (migration 0019): all of its points.
          const captured = r.captured_points ?? r.points;
          if (captured !== spending) {
            throw new AppError('conflict', say('reservation.captured_otherwise', { id: r.id, captured, points: r.points, points_name: counted(await pointsName(trx), r.points), spending }), [
              { field: 'points', reason: recordedAndRequested(captured, spending) },
            ]);
          }
          return { created: false, reservation: reservationView(r) };
        }
        if (r.status === 'expired') throw expiredBeforeCapture(r, await pointsName(trx), timeZone);
        if (r.status === 'released') throw conflict(say('reservation.released'));
        if (r.expires_at <= now) {
          // The release must commit, so the refusal is thrown after the transaction.
          await releaseOne(trx, r, now, 'expired');
          return { expired: r };
        }
        if (spending < r.points) await giveBack(trx, r, spending, now, 'partly_captured');
        await trx.updateTable('loyalty_reservations').set({ status: 'captured', captured_points: spending, settled_at: now }).where('customer_id', '=', r.customer_id).where('id', '=', r.id).execute();
        await publish(trx, [{ type: 'loyalty.points_redeemed', customerId, payload: { customer_id: customerId, points: spending, order_ref: r.order_ref, reservation_id: r.id } }]);
        return { created: true, reservation: reservationView(withFields(r, { status: 'captured', captured_points: spending, settled_at: now })) };
      });
      if (result.expired !== undefined) throw expiredBeforeCapture(result.expired, await pointsName(), timeZone);
      return result;
    },

    async release(requested: string, reservationId: string, input?: unknown) {
      parseInput(ReleaseInput, input ?? {}, 'release');
      return db.transaction().execute(async (trx) => {
        const customerId = (await requireMember(trx, requested, clock.now())).customer_id;
        const now = clock.now();
        const r = await reservation(trx, customerId, reservationId);
        if (r.status === 'released' || r.status === 'expired') return { created: false, reservation: reservationView(r) };
        if (r.status === 'captured') {
          const spent = r.captured_points ?? r.points;
          throw conflict(say('reservation.captured', { points: spent, points_name: counted(await pointsName(trx), spent) }));
        }
        await releaseOne(trx, r, now, 'released');
        return { created: true, reservation: reservationView(withFields(r, { status: 'released', settled_at: now })) };
      });
    },

    /**
     * Releases reservations held past their time (the scheduled maintenance); returns how
     * many this call released. The list is read before any lock: a capture, a release or
     * another sweep (a second process) may settle one first, so each is counted only when
     * it was still held under the member's lock, or two sweeps at once would report
     * every reservation twice.
     */
    async releaseStaleReservations(now: Date) {
      const stale = await db.selectFrom('loyalty_reservations').select(['customer_id', 'id']).where('status', '=', 'held').where('expires_at', '<=', now).limit(1000).execute();
      let released = 0;
      for (const s of stale) {
        released += await db.transaction().execute(async (trx) => {
          await ledger.lockMembers(trx, [s.customer_id], { now, create: false });
          const r = await reservation(trx, s.customer_id, s.id);
          if (r.status !== 'held') return 0;
          await releaseOne(trx, r, now, 'expired');
          return 1;
        });
      }
      return released;
    },
  };
  return reservations;
}
