import { sql } from 'kysely';
import { z } from 'zod';
import { audit, type Actor, type Tx } from '../../../db/index.ts';
import { conflict, invalid, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { isUuid } from '../../../shared/ids.ts';
import { parseInput } from '../../../shared/validation.ts';
import { customerNotFound, personIdsQuery } from '../../customers/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { activeIds, lockActiveCustomer } from '../lifecycle/merged-customers.ts';
import { createBonusCredit } from './bonus-credit.ts';

// The profile-completion bonus (from the customer's outbox events) and the survey's
// thank-you points (asked for by the survey tool), each once.

// Strict: the bonus is never tied to the score, so a `score` sent with it is refused by name
// rather than dropped in silence as if it had counted.
export const SurveyBonusInput = z.strictObject({
  /** The survey response's id: one bonus per response. The score is deliberately not an input. */
  response_id: z.string().trim().min(1).max(200),
});

export function createProfileAndSurveyBonuses(core: LoyaltyCore) {
  const { db, clock } = core.deps;
  const creditBonus = createBonusCredit(core);

  /** The points of the entry written under `key` in the ledger of the customer or of anyone merged into it; null when there is none. */
  async function pointsGivenFor(trx: Tx, customerId: string, key: string): Promise<number | null> {
    const found = await sql<{ points: number }>`
      SELECT points FROM loyalty_entries WHERE customer_id IN ${personIdsQuery(customerId)} AND idempotency_key = ${key} LIMIT 1`.execute(trx);
    return found.rows.length ? Number(found.rows[0].points) : null;
  }

  const service = {
    /** Subscriber of customer.created / customer.updated: the profile-completion bonus, once. */
    async profileCompletion(requested: string) {
      const now = clock.now();
      const program = await core.programAt(now);
      const points = program?.document.bonuses.profile_completion;
      if (!program || !points) return false;
      return db.transaction().execute(async (trx) => {
        // An event queued before a merge: the survivor's profile (the merge filled it from
        // the merged customer's), and the bonus once per person (creditBonus).
        const customerId = (await lockActiveCustomer(trx, requested))?.id;
        if (!customerId) return false;
        const c = await trx.selectFrom('customers').select(['first_name', 'last_name', 'email', 'phone', 'birthday', 'status']).where('id', '=', customerId).executeTakeFirst();
        if (!c || c.status !== 'active' || !c.first_name || !c.last_name || !c.email || !c.phone || !c.birthday) return false;
        const member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId);
        if (!member) return false;
        return creditBonus(trx, member, program, { points, key: 'bonus:profile_completion', at: now, details: { bonus: 'profile_completion' } });
      });
    },

    /**
     * The same for a batch of customer events (the job queue hands over the events of a
     * dispatch at once): one query keeps the customers whose profile has every field, and
     * only those go through the transaction above, which checks again.
     */
    async profileCompletionMany(customerIds: string[]) {
      const program = await core.programAt(clock.now());
      if (!program?.document.bonuses.profile_completion || customerIds.length === 0) return [];
      const survivors = await activeIds(db, customerIds);
      const complete = await db.selectFrom('customers').select('id').where('id', '=', sql<string>`ANY(${[...new Set(customerIds.map((id) => survivors.get(id) ?? id))]}::uuid[])`).where('status', '=', 'active')
        .where('first_name', 'is not', null).where('last_name', 'is not', null).where('email', 'is not', null).where('phone', 'is not', null).where('birthday', 'is not', null)
        .execute();
      const rewarded: string[] = [];
      for (const c of complete) if (await service.profileCompletion(c.id)) rewarded.push(c.id);
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
