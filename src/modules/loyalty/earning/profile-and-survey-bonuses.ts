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
import { activeIds, lockActiveCustomer, lockActiveCustomers } from '../lifecycle/merged-customers.ts';
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
        return creditBonus(trx, member, program, { points, key: PROFILE_KEY, at: now, details: { bonus: 'profile_completion' } });
      });
    },

    /**
     * The same for a batch of customer events (the job queue hands over the events of a
     * dispatch at once; the demo's new customers): one query keeps the customers whose
     * profile has every field, and those are checked again and credited PROFILE_CHUNK a
     * transaction — one each made the demo of 5,000 customers 1,893 transactions. Customers
     * (shared) and then members are locked in id order, as a purchase locks them.
     */
    async profileCompletionMany(customerIds: string[]) {
      const program = await core.programAt(clock.now());
      const points = program?.document.bonuses.profile_completion;
      if (!program || !points || customerIds.length === 0) return [];
      const survivors = await activeIds(db, customerIds);
      const complete = await db.selectFrom('customers').select('id').where('id', '=', sql<string>`ANY(${[...new Set(customerIds.map((id) => survivors.get(id) ?? id))]}::uuid[])`).where('status', '=', 'active')
        .where('first_name', 'is not', null).where('last_name', 'is not', null).where('email', 'is not', null).where('phone', 'is not', null).where('birthday', 'is not', null)
        .execute();
      const ids = complete.map((c) => c.id).sort();
      const rewarded: string[] = [];
      for (let from = 0; from < ids.length; from += PROFILE_CHUNK) {
        const chunk = ids.slice(from, from + PROFILE_CHUNK);
        await db.transaction().execute(async (trx) => {
          const now = clock.now();
          // Merged since the look-up: the survivor's profile, and the bonus once per person.
          const active = await lockActiveCustomers(trx, chunk);
          const wanted = new Map<string, string>(); // active id → the id asked for
          for (const id of chunk) {
            const a = active.get(id);
            if (a && a.status === 'active' && !wanted.has(a.id)) wanted.set(a.id, id);
          }
          const full = await trx.selectFrom('customers').select('id').where('id', '=', sql<string>`ANY(${[...wanted.keys()]}::uuid[])`).where('status', '=', 'active')
            .where('first_name', 'is not', null).where('last_name', 'is not', null).where('email', 'is not', null).where('phone', 'is not', null).where('birthday', 'is not', null)
            .execute();
          const members = await ledger.lockMembers(trx, full.map((c) => c.id), { now, create: false });
          const credited = await creditBonuses(trx, program, [...members.values()].map((member) => ({ member, points, key: PROFILE_KEY, at: now, details: { bonus: 'profile_completion' } })), now);
          for (const { member } of credited) rewarded.push(wanted.get(member.customer_id)!);
        });
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
