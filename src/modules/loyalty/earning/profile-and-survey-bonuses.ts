import { sql } from 'kysely';
import { z } from 'zod';
import { audit, type Actor, type Db, type Tx } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { isUuid } from '../../../shared/ids.ts';
import { parseInput } from '../../../shared/validation.ts';
import { customerNotFound, personIdsQuery } from '../../customers/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { activeIds, lockActiveCustomer, lockActiveCustomers } from '../lifecycle/merged-customers.ts';
import type { Program } from '../program/program.ts';
import { createBonusCredit, createBonusCredits } from './bonus-credit.ts';

// The profile-completion bonus (from the customer's outbox events) and the survey's
// thank-you points (asked for by the survey tool), each once.

// Strict: the bonus is never tied to the score, so a `score` sent with it is refused by name
// rather than dropped in silence as if it had counted.
export const SurveyBonusInput = z.strictObject({
  /** The survey response's id: one bonus per response. The score is deliberately not an input. */
  response_id: z.string().trim().min(1).max(200),
});

/** Customers whose profile bonus one transaction checks and credits (profileCompletionMany): a request on the embedded database waits behind it. */
const PROFILE_CHUNK = 100;
const PROFILE_KEY = 'bonus:profile_completion';

/**
 * The ids of `ids` whose profile earns the bonus (program.schema.ts, profile_completion): an
 * active customer's, with first name, last name, email, phone and birthday filled in.
 */
async function completeProfiles(db: Db | Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('customers').select('id').where('id', '=', sql<string>`ANY(${ids}::uuid[])`).where('status', '=', 'active')
    .where('first_name', 'is not', null).where('last_name', 'is not', null).where('email', 'is not', null).where('phone', 'is not', null).where('birthday', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

export function createProfileAndSurveyBonuses(core: LoyaltyCore) {
  const { db, clock } = core.deps;
  const creditBonus = createBonusCredit(core);
  const creditBonuses = createBonusCredits(core);

  /** The points of the entry written under `key` in the ledger of the customer or of anyone merged into it; null when there is none. */
  async function pointsGivenFor(trx: Tx, customerId: string, key: string): Promise<number | null> {
    const found = await sql<{ points: number }>`
      SELECT points FROM loyalty_entries WHERE customer_id IN ${personIdsQuery(customerId)} AND idempotency_key = ${key} LIMIT 1`.execute(trx);
    return found.rows.length ? Number(found.rows[0].points) : null;
  }

  /**
   * The profile bonus of `ids` whose profile is complete, checked under their locks: customers
   * (shared) and then members, in id order, as a purchase locks them. An id merged since it
   * was read stands for the survivor's profile (the merge filled it from the merged
   * customer's), and the bonus is once per person (creditBonuses). Answers the ids rewarded.
   */
  async function creditProfiles(trx: Tx, { program, points, ids, now }: { program: Program; points: number; ids: string[]; now: Date }): Promise<string[]> {
    const active = await lockActiveCustomers(trx, ids);
    const wanted = new Map<string, string>(); // active id → the id asked for
    for (const id of ids) {
      const a = active.get(id);
      if (a && a.status === 'active' && !wanted.has(a.id)) wanted.set(a.id, id);
    }
    const members = await ledger.lockMembers(trx, await completeProfiles(trx, [...wanted.keys()]), { now, create: false });
    const credited = await creditBonuses(trx, program, [...members.values()].map((member) => ({ member, points, key: PROFILE_KEY, at: now, details: { bonus: 'profile_completion' } })), now);
    return credited.map(({ member }) => wanted.get(member.customer_id)!);
  }

  const service = {
    /** Subscriber of customer.created / customer.updated: the profile-completion bonus, once. */
    async profileCompletion(requested: string) {
      const now = clock.now();
      const program = await core.programAt(now);
      const points = program?.document.bonuses.profile_completion;
      if (!program || !points) return false;
      // Straight to the check under the lock: profileCompletionMany's look-up before it, without
      // locks, would drop an id merged or a profile completed while it ran.
      const rewarded = await db.transaction().execute((trx) => creditProfiles(trx, { program, points, ids: [requested], now }));
      return rewarded.length > 0;
    },

    /**
     * The same for a batch of customer events (the job queue hands over the events of a
     * dispatch at once; the demo's new customers): one query keeps the customers whose
     * profile has every field, and those are checked again and credited PROFILE_CHUNK a
     * transaction — one each made the demo of 5,000 customers 1,893 transactions.
     */
    async profileCompletionMany(customerIds: string[]) {
      const program = await core.programAt(clock.now());
      const points = program?.document.bonuses.profile_completion;
      if (!program || !points || customerIds.length === 0) return [];
      const survivors = await activeIds(db, customerIds);
      const ids = (await completeProfiles(db, [...new Set(customerIds.map((id) => survivors.get(id) ?? id))])).sort();
      const rewarded: string[] = [];
      for (let from = 0; from < ids.length; from += PROFILE_CHUNK) {
        const chunk = ids.slice(from, from + PROFILE_CHUNK);
        rewarded.push(...(await db.transaction().execute((trx) => creditProfiles(trx, { program, points, ids: chunk, now: clock.now() }))));
      }
      return rewarded;
    },

    /**
     * Thank-you points for a completed survey: one per response, the same whatever the score.
     * The response id is the key that makes the call safe to repeat: a response thanked
     * before answers what it was given then (`replayed`), even if the program has changed
     * since, and gives nothing more.
     */
    async surveyBonus(customerId: string, input: unknown, { actor }: { actor: Actor }): Promise<{ created: boolean; replayed: boolean; points: number }> {
      const { response_id } = parseInput(SurveyBonusInput, input, 'survey bonus');
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) throw invalid(say('loyalty.no_program'));
      if (!isUuid(customerId)) throw notFound(say('customer.not_found', { id: customerId }));
      const points = program.document.bonuses.survey;
      const key = `bonus:survey:${response_id}`;
      return db.transaction().execute(async (trx) => {
        // The survey tool cannot know about merges: the survivor's thank-you, once per response.
        const customer = await lockActiveCustomer(trx, customerId);
        if (!customer || customer.status === 'erased') throw customerNotFound(customerId, customer);
        const earlier = await pointsGivenFor(trx, customer.id, key);
        if (earlier !== null) return { created: false, replayed: true, points: earlier };
        if (!points) return { created: false, replayed: false, points: 0 };
        const member = (await ledger.lockMembers(trx, [customer.id], { now, create: false })).get(customer.id);
        if (!member) throw conflict(say('loyalty.not_member'));
        if (await creditBonus(trx, member, program, { points, key, at: now, details: { bonus: 'survey', response: response_id } })) {
          await audit(trx, { at: now, actor, action: 'loyalty.bonus.survey', subject: customer.id, details: { response_id } });
          return { created: true, replayed: false, points };
        }
        // The same response sent at once: the other request wrote it while this one waited
        // for the member's lock, and committed; this statement sees it.
        return { created: false, replayed: true, points: (await pointsGivenFor(trx, customer.id, key)) ?? 0 };
      });
    },
  };
  return service;
}
