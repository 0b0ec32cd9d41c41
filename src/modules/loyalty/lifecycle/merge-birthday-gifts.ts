import { sql } from 'kysely';
import { audit, type Actor, type Tx } from '../../../db/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { personIdsQuery } from '../../customers/index.ts';

// One person, one birthday gift a year. The yearly birthday run (maintenance.ts birthdays)
// gives a member the birthday bonus and, when the member's tier has a `birthday_reward`,
// a gift: a coupon of that reward whose benefit says `birthday: true`. Two ids of one
// person may each have been given the year's gift before a merge said they were one
// person; merge-duplicate-bonuses.ts takes back the later of the two bonuses, and this
// withdraws the gift that goes with it, so the person keeps one gift for the year.
//
// The rule, per year: a gift that was used stays (the person has had it; a use cannot be
// taken back), and of the rest the person keeps one only when no gift of the year was
// used:
// - none used: the first given stays, every later one is withdrawn. The first is the one
//   that went with the birthday bonus that stays (the bonus given first), so the gift of
//   the bonus taken back is the one withdrawn.
// - one used: it is the gift that stays, and every unused one is withdrawn, the earlier
//   one too: the person used the later gift, and withdrawing that one's unused partner
//   leaves them with the one gift they have had.
// - more than one used: they all stay, and the merge that put them together says so in
//   the audit (`loyalty.duplicate_birthday_gift_kept`, reason `used`).
// A gift alone in its year stays whatever happened to the bonus it went with: withdrawing
// it would leave the person without the year's gift (one id's tier had none, say).
// Expired unused gifts count as given: they are the year's gift the person did not use,
// and a later one is withdrawn beside them as beside any other.
//
// Which year a gift is for: the birthday run writes the bonus entry (`bonus:birthday:YYYY`)
// and the coupon in one transaction, at one instant, so the gift goes with the entry its
// coupon names (points_entry_id, written by the run since this file exists), else with the
// person's birthday entry given at the instant the coupon was issued (created_at =
// occurred_at) — the entry of the coupon's own customer when a run gave several ids their
// birthdays at once (a merge runs before the merged id's coupons move to the survivor).
// A gift of a birthday without points (a tier gift only, no entry) is for the year of
// the day it was issued, in the time zone of the customer holding it, as the run reckons
// the year of a birthday.
//
// How: the coupon's status becomes `void`, the status the till refuses as "the coupon was
// cancelled" (codes.ts couponProblem), with a `loyalty.duplicate_birthday_gift_withdrawn`
// audit entry by the merge's actor naming the gift that stays. The gifts are locked
// first, so a use at the till either lands before (the gift is used and stays) or finds
// it withdrawn. A withdrawn gift is left out of every later decision: a retried or chained
// merge (C into A, then A into B) never withdraws a gift twice, and since the person
// always keeps at least one gift of the year, never the last one either.

interface BirthdayGift {
  code: string;
  customer_id: string;
  reward_code: string | null;
  status: string;
  uses: number;
  created_at: Date;
  points_entry_id: number | null;
  /** The year of the day it was issued, in the holder's time zone: for a gift with no birthday entry. */
  local_year: string;
}

interface BirthdayEntry {
  customer_id: string;
  id: number;
  occurred_at: Date;
  year: string;
}

interface PairedGift {
  gift: BirthdayGift;
  entry: BirthdayEntry | undefined;
  year: string;
  /** Held under the merged customer's id (or one merged into it) when the merge began. */
  merged: boolean;
}

/**
 * Withdraws the birthday gifts the person now has twice for a year (the rule above), in
 * the merge's transaction, after the merged customer is marked merged into `toId` and
 * before its coupons move. `timeZone`: the shop's, for customers who have none.
 */
export async function withdrawDuplicateBirthdayGifts(trx: Tx, { fromId, toId, actor, timeZone, now }: {
  fromId: string; toId: string; actor: Actor; timeZone: string; now: Date;
}): Promise<{ duplicate_birthday_gifts: number }> {
  const person = sql`(SELECT id FROM ${personIdsQuery(toId)} AS a UNION SELECT id FROM ${personIdsQuery(fromId)} AS b)`;
  const gifts = (await sql<BirthdayGift>`
    SELECT k.code, k.customer_id, k.reward_code, k.status, k.uses, k.created_at, k.points_entry_id,
           to_char(k.created_at AT TIME ZONE COALESCE(c.time_zone, ${timeZone}), 'YYYY') AS local_year
    FROM coupons k JOIN customers c ON c.id = k.customer_id
    WHERE k.customer_id IN ${person} AND k.kind = 'reward' AND k.benefit->>'birthday' = 'true'
    ORDER BY k.created_at, k.code
    FOR UPDATE OF k`.execute(trx)).rows.map((g) => withFields(g, { uses: Number(g.uses), created_at: new Date(g.created_at), points_entry_id: g.points_entry_id === null ? null : Number(g.points_entry_id) }));
  let withdrawn = 0;
  if (gifts.filter((g) => g.status !== 'void').length < 2) return { duplicate_birthday_gifts: withdrawn };
  const entries = (await sql<BirthdayEntry>`
    SELECT customer_id, id, occurred_at, substr(idempotency_key, length('bonus:birthday:') + 1) AS year
    FROM loyalty_entries WHERE customer_id IN ${person} AND kind = 'bonus' AND idempotency_key LIKE 'bonus:birthday:%'`.execute(trx)).rows
    .map((e) => withFields(e, { id: Number(e.id), occurred_at: new Date(e.occurred_at) }));
  const mergedIds = new Set((await sql<{ id: string }>`SELECT id FROM ${personIdsQuery(fromId)} AS p`.execute(trx)).rows.map((r) => r.id));

  const years = new Map<string, PairedGift[]>();
  for (const paired of pairWithBirthdays(gifts, entries, mergedIds)) {
    const group = years.get(paired.year);
    if (group) group.push(paired);
    else years.set(paired.year, [paired]);
  }
  for (const [year, group] of years) {
    // The order the gifts were given: by instant, then (one run, several ids) as their entries were written.
    group.sort((a, b) => a.gift.created_at.getTime() - b.gift.created_at.getTime() || (a.entry?.id ?? Infinity) - (b.entry?.id ?? Infinity) || (a.gift.code < b.gift.code ? -1 : 1));
    const live = group.filter((p) => p.gift.status !== 'void');
    if (live.length < 2) continue;
    const used = live.filter((p) => p.gift.uses > 0);
    const kept = used[0] ?? live[0];
    const keptUsed = used.filter((p) => p !== kept);
    const keptDetails = { coupon: kept.gift.code, issued_at: kept.gift.created_at.toISOString(), used: kept.gift.uses > 0 };
    for (const p of live) {
      if (p === kept || p.gift.uses > 0) continue;
      const voided = await trx.updateTable('coupons').set({ status: 'void' })
        .where('code', '=', p.gift.code).where('status', '=', 'active').where('uses', '=', 0).executeTakeFirst();
      if (Number(voided.numUpdatedRows) === 0) continue;
      withdrawn++;
      await audit(trx, {
        at: now, actor, action: 'loyalty.duplicate_birthday_gift_withdrawn', subject: toId,
        details: {
          year, coupon: p.gift.code, reward: p.gift.reward_code, issued_at: p.gift.created_at.toISOString(),
          birthday_bonus: p.entry ? { customer_id: p.entry.customer_id, entry: p.entry.id } : null,
          kept: keptDetails, kept_because_used: keptUsed.map((u) => u.gift.code),
        },
      });
    }
    // A used gift beside the one kept is said by the merge that brings it from the other
    // id: a retry, or a later merge that brings no gift of the year, finds it on the kept
    // one's side already and says nothing again.
    for (const u of keptUsed) {
      if (u.merged === kept.merged) continue;
      await audit(trx, {
        at: now, actor, action: 'loyalty.duplicate_birthday_gift_kept', subject: toId,
        details: { year, coupon: u.gift.code, reward: u.gift.reward_code, issued_at: u.gift.created_at.toISOString(), reason: 'used', kept: keptDetails },
      });
    }
  }
  return { duplicate_birthday_gifts: withdrawn };
}

/**
 * Each gift with the birthday entry it was given with (the pairing above) and its year:
 * first the entries the coupons name, then the person's entries of the coupon's instant,
 * the coupon's own customer's before another's, each entry to one gift.
 */
function pairWithBirthdays(gifts: readonly BirthdayGift[], entries: readonly BirthdayEntry[], mergedIds: ReadonlySet<string>): PairedGift[] {
  const entryOf = new Map<BirthdayGift, BirthdayEntry>();
  const claimed = new Set<BirthdayEntry>();
  const claim = (gift: BirthdayGift, entry: BirthdayEntry | undefined) => {
    if (!entry) return;
    entryOf.set(gift, entry);
    claimed.add(entry);
  };
  for (const gift of gifts) {
    if (gift.points_entry_id !== null) claim(gift, entries.find((e) => e.id === gift.points_entry_id));
  }
  const sameInstant = (gift: BirthdayGift, e: BirthdayEntry) => !claimed.has(e) && e.occurred_at.getTime() === gift.created_at.getTime();
  for (const ownCustomerOnly of [true, false]) {
    for (const gift of gifts) {
      if (entryOf.has(gift)) continue;
      claim(gift, entries.find((e) => sameInstant(gift, e) && (!ownCustomerOnly || e.customer_id === gift.customer_id)));
    }
  }
  return gifts.map((gift) => {
    const entry = entryOf.get(gift);
    return { gift, entry, year: entry?.year ?? gift.local_year, merged: mergedIds.has(gift.customer_id) };
  });
}
