import type { Tx } from '../../../db/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import { keysTakenAcrossMerges } from '../lifecycle/merged-customers.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { lotExpiry, type Program } from '../program/program.ts';

// How the bonuses for what members do besides buying (referrals.ts, challenges.ts,
// profile-and-survey-bonuses.ts) reach the ledger: one credit, once per person.

/** The friend's referral bonus's ledger key: once per person, whichever referral paid it (its details name the purchase). */
export const FRIEND_BONUS_KEY = 'bonus:referral:friend';

/** One bonus for a member locked by the caller (ledger.lockMembers); `details.bonus` names its kind. */
export interface BonusCredit {
  member: MemberRow;
  points: number;
  key: string;
  at: Date;
  availableAt?: Date | null;
  details: Record<string, unknown>;
}

export function createBonusCredits(core: LoyaltyCore) {
  const { clock } = core.deps;

  /**
   * Credits bonuses to members locked by the caller, and answers those written. A bonus is
   * once per person: a key found in the ledger of a customer merged into the member (paid
   * before the merge) is not paid again, nor is one the member has. A member who owes points
   * (an unsettled debit) has the bonus settle the debt first, through ledger.credit; the
   * others' bonuses go in one statement. A member may have several.
   */
  return async function creditBonuses<C extends BonusCredit>(trx: Tx, program: Program, credits: readonly C[], now = clock.now()): Promise<C[]> {
    const paid = await keysTakenAcrossMerges(trx, credits.map((c) => ({ customerId: c.member.customer_id, key: c.key })));
    const due = credits.filter((c) => !paid.has(`${c.member.customer_id} ${c.key}`));
    if (due.length === 0) return [];
    const entry = ({ member, points, key, at, availableAt = null, details }: C): ledger.NewEntry => ({
      customerId: member.customer_id, kind: 'bonus', points, occurredAt: at, availableAt, expiresAt: lotExpiry(program, at), sourceType: 'bonus', sourceId: String(details.bonus),
      idempotencyKey: key, programVersion: program.version, details,
    });
    const owing = await ledger.customersOwing(trx, [...new Set(due.map((c) => c.member.customer_id))]);
    const inserted = await ledger.insertCredits(trx, due.filter((c) => !owing.has(c.member.customer_id)).map(entry), now);
    const written = new Set(inserted.map((r) => `${r.customer_id} ${r.idempotency_key}`));
    for (const c of due) {
      if (owing.has(c.member.customer_id)) {
        if (await ledger.credit(trx, c.member, entry(c), now)) written.add(`${c.member.customer_id} ${c.key}`);
      } else if (written.has(`${c.member.customer_id} ${c.key}`)) c.member.points += c.points;
    }
    const done = due.filter((c) => written.has(`${c.member.customer_id} ${c.key}`));
    for (const c of done) c.member.lifetime_earned += c.points;
    await ledger.saveMembers(trx, [...new Set(done.map((c) => c.member))], now);
    return done;
  };
}

/** One bonus, under the member's lock (creditBonuses): whether it was written. */
export function createBonusCredit(core: LoyaltyCore) {
  const creditBonuses = createBonusCredits(core);
  return async function creditBonus(trx: Tx, member: MemberRow, program: Program, { points, key, at, availableAt = null, details }: Omit<BonusCredit, 'member'>) {
    return (await creditBonuses(trx, program, [{ member, points, key, at, availableAt, details }])).length > 0;
  };
}
