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

export function createBonusCredit(core: LoyaltyCore) {
  const { clock } = core.deps;

  /**
   * A bonus is once per person: under the member's lock, a key found in the ledger of a
   * customer merged into the member (paid before the merge) is not paid again.
   */
  async function creditBonus(trx: Tx, member: MemberRow, program: Program, { points, key, at, availableAt = null, details }: { points: number; key: string; at: Date; availableAt?: Date | null; details: Record<string, unknown> }) {
    if ((await keysTakenAcrossMerges(trx, [{ customerId: member.customer_id, key }])).size > 0) return false;
    const written = await ledger.credit(trx, member, {
      customerId: member.customer_id, kind: 'bonus', points, occurredAt: at, availableAt, expiresAt: lotExpiry(program, at), sourceType: 'bonus', sourceId: String(details.bonus),
      idempotencyKey: key, programVersion: program.version, details,
    }, clock.now());
    if (written) {
      member.lifetime_earned += points;
      await ledger.saveMembers(trx, [member], clock.now());
    }
    return written !== null;
  }

  return creditBonus;
}
