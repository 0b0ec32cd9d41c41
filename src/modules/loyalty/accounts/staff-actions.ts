import { sql } from 'kysely';
import { z } from 'zod';
import { audit, auditMany, type Actor, type AuditEntry, type Tx } from '../../../db/index.ts';
import { publish, type OutgoingEvent } from '../../../jobs/outbox.ts';
import { fieldDifferences } from '../../../shared/differences.ts';
import { AppError, invalid, invalidField } from '../../../shared/errors.ts';
import { counted, fixedText, say, type Language } from '../../../shared/messages/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { parseInput } from '../../../shared/validation.ts';
import type { Accounts } from './accounts.ts';
import { welcomeMember, type JoinedBy } from '../earning/accrual.ts';
import type { EngagementService } from '../earning/engagement.service.ts';
import { balanceOf, planDebit, takeFromLots } from '../ledger/ledger.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow, NewEntry, PlannedDebit } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { mergedNotFound, requireActiveCustomer } from '../lifecycle/merged-customers.ts';
import { lotExpiry, type Program } from '../program/program.ts';
import { pointsNameOf } from '../program/program-names.ts';

// What staff do to one member's account: adjust its points (audited, idempotent by the
// caller's key) and enrol it. Automatic enrolment of customers who sign up without buying
// goes through the same enrol. Both answer the account as it is afterwards.

// Each refusal of a reason names the rule it broke: one left out or blank (spaces only) is
// missing; one given but shorter than 3 characters ("qa") is told the length, not that it
// is required — staff who wrote a reason would look for a field they left out. (The texts
// are the catalogue's, told in the dashboard's language: src/shared/messages.)
const REASON_REQUIRED = fixedText('adjustment.reason_required');

/** The actor of automatic enrolment on sign-up (enrolSignUps). */
const AUTOMATIC_ENROLMENT = 'loyalty:automatic-enrolment';

// Strict: a field it does not take (an "expires_at", as a points file has) must not be ignored in silence.
export const AdjustmentInput = z.strictObject({
  points: z.number().int(fixedText('points.whole')).refine((n) => n !== 0, fixedText('adjustment.not_zero')).refine((n) => Math.abs(n) <= 1e9, fixedText('adjustment.too_large')),
  reason: z.string({ error: (issue) => (issue.input === undefined ? REASON_REQUIRED : fixedText('adjustment.reason_not_text')) })
    .trim().min(1, { message: REASON_REQUIRED, abort: true }).min(3, fixedText('adjustment.reason_short')).max(500, fixedText('adjustment.reason_long')),
  idempotency_key: z.string().trim().min(1).max(200),
});
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

/**
 * How an adjustment is made besides its input. `signUpBonus: false` enrols a customer who is
 * no member yet in the base tier without the program's sign-up bonus (a member brought over
 * from another platform got it there: the points import). `expiresAt` is the credit's lot expiry
 * (null: never) in place of the program's rule from now. `keyedByContent`: the key is made
 * of the adjustment's values, so a key seen before is a replay whatever the reason says.
 * `joinedBy`: how a member the adjustment enrols joined (loyalty.member_joined's `source`).
 */
export interface AdjustOptions {
  actor: Actor;
  signUpBonus?: boolean;
  expiresAt?: Date | null;
  keyedByContent?: boolean;
  joinedBy?: JoinedBy;
}

/**
 * The customer whose ledger a staff action writes, row-locked (shared) for the rest of the
 * transaction: customers before members, the lock order of every writer. A merged
 * customer is refused: a merge that committed while this waited for its lock moved the
 * member's lots to the survivor, and points written now would stay behind, unseen, on
 * the merged customer's closed account. Staff act on the id they chose, so it is not
 * followed to the survivor (the policy: merged-customers.ts); the refusal names the
 * active end of the merge chain.
 */
async function requireWritableCustomer(trx: Tx, id: string) {
  const row = await requireActiveCustomer(trx, id);
  if (row.id !== id) throw mergedNotFound(row);
  return row;
}

export function createStaffActions(core: LoyaltyCore, engagement: EngagementService, accounts: Pick<Accounts, 'account'>) {
  const { db, clock } = core.deps;

  /** Sign-up bonus (unless left out) and base tier for members enrolled just now. */
  async function welcome(trx: Tx, program: Program, members: MemberRow[], now: Date, events: OutgoingEvent[], { bonus = true, joinedBy }: { bonus?: boolean; joinedBy: JoinedBy }) {
    for (const m of members) {
      const signUp = welcomeMember(core, program, m, now, events, joinedBy);
      if (signUp && bonus && (await ledger.credit(trx, m, signUp, now))) m.lifetime_earned += signUp.points;
    }
  }

  /**
   * An adjustment inside the caller's transaction (adjust's own, or an import's that has just
   * created the customer: workflows/import-points.ts). Answers whether it wrote, or throws
   * the refusal.
   */
  async function adjustWithin(trx: Tx, customerId: string, data: AdjustmentInput, { actor, signUpBonus = true, expiresAt, keyedByContent = false, joinedBy = 'adjustment' }: AdjustOptions) {
    await requireWritableCustomer(trx, customerId);
    const members = await ledger.lockMembers(trx, [customerId], { now: clock.now(), create: true });
    const member = members.get(customerId)!;
    // The adjustment's time: once the member is locked, after whatever wrote before it (explain.ts).
    const now = clock.now();
    const program = await core.programAt(now, trx);
    const idempotencyKey = `adjust:${data.idempotency_key}`;
    // A retry answers what the first request did (under the member's lock, so it sees a
    // concurrent first one), before the balance is asked: a debit retried after the
    // points were spent is still the same debit. The same key with other values is not
    // a retry, and says so rather than pretend the new values were applied — unless the
    // key is made of the values (an import row's), whose default reason may have been
    // told in another language the first time.
    const earlier = await trx.selectFrom('loyalty_entries').select(['points', 'reason'])
      .where('customer_id', '=', customerId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    if (earlier) {
      if (!keyedByContent && (Number(earlier.points) !== data.points || earlier.reason !== data.reason)) {
        const { found, differ } = fieldDifferences();
        differ('points', String(Number(earlier.points)), String(data.points));
        differ('reason', String(earlier.reason), data.reason);
        throw new AppError('conflict', say('adjustment.key_reused', { key: data.idempotency_key, points: Number(earlier.points), reason: String(earlier.reason) }), found);
      }
      return { created: false };
    }
    const events: OutgoingEvent[] = [];
    if (member.created && program) await welcome(trx, program, [member], now, events, { bonus: signUpBonus, joinedBy });
    const base = { customerId, kind: 'adjust' as const, occurredAt: now, sourceType: 'adjustment', sourceId: null, idempotencyKey, reason: data.reason, actor, programVersion: program?.version ?? null, details: {} };
    let written: boolean;
    if (data.points > 0) {
      const expires = expiresAt !== undefined ? expiresAt : program ? lotExpiry(program, now) : null;
      written = (await ledger.credit(trx, member, withFields(base, { points: data.points, expiresAt: expires }), now)) !== null;
    } else {
      const r = await ledger.debit(trx, member, withFields(base, { points: -data.points }), { now, includePending: false, shortfall: 'fail' });
      if (r.shortfall > 0) throw refusal(balanceOf(await ledger.openLots(trx, customerId), member.points, now).available, program);
      written = !r.duplicate;
    }
    if (!written) return { created: false };
    await ledger.saveMembers(trx, [member], now);
    await audit(trx, { at: now, actor, action: 'loyalty.adjust', subject: customerId, details: { points: data.points, reason: data.reason } });
    events.push({ type: 'loyalty.points_adjusted', customerId, payload: { customer_id: customerId, points: data.points, reason: data.reason, actor } });
    await publish(trx, events);
    return { created: true };
  }

  /**
   * Many adjustments keyed by their content (AdjustOptions.keyedByContent: a points import's
   * batch, workflows/import-points.ts) in the caller's transaction, in their order, each as
   * adjustWithin makes it, in a few statements for the batch (adjustWithin makes some ten
   * an adjustment, a round trip each, and a batch of 250 spent its time waiting on them).
   * The caller resolved the customers in this transaction (customers.resolveMany: locked,
   * active), so they are not looked up again. The members are locked at once, in id order;
   * a customer who is no member joins with their first credit (without the program's sign-up
   * bonus unless `signUpBonus`). The open lots of the members with a debit are read in one
   * statement and kept in memory: each debit is planned against them as adjustWithin's is
   * (planDebit: earliest expiry first), and takes from them (takeFromLots), so the member's
   * next debit sees what it left. The writes wait, in the items' order, and go as runs: the
   * credits of a run in one statement, its debits with their allocations in one (a credit's
   * lot must be written before a debit of its member is planned: its id is the allocation's).
   * A member who owes points gets each credit as adjustWithin writes it, settling the debt
   * first, and their debits (like those of a member whose sign-up bonus was just written)
   * read their lots as adjustWithin's do. A debit larger than what the member has writes
   * nothing and is answered as its refusal, naming what they have; the others go on. A key
   * met twice in the items is written once.
   */
  async function adjustManyWithin(trx: Tx, items: { customerId: string; data: AdjustmentInput; expiresAt?: Date | null }[], { actor, signUpBonus = true, joinedBy = 'adjustment' }: Omit<AdjustOptions, 'expiresAt' | 'keyedByContent'>) {
    if (items.length === 0) return [];
    const ids = [...new Set(items.map((i) => i.customerId))];
    const members = await ledger.lockMembers(trx, ids, { now: clock.now(), create: false });
    const joining = [...new Set(items.filter((i) => i.data.points > 0 && !members.has(i.customerId)).map((i) => i.customerId))];
    for (const [id, m] of await ledger.lockMembers(trx, joining, { now: clock.now(), create: true })) members.set(id, m);
    const now = clock.now();
    const program = await core.programAt(now, trx);
    const keyOf = (i: { data: AdjustmentInput }) => `adjust:${i.data.idempotency_key}`;
    const earlier = new Set((await trx.selectFrom('loyalty_entries').select(['customer_id', 'idempotency_key'])
      .where('customer_id', 'in', ids).where('idempotency_key', 'in', items.map(keyOf)).execute()).map((r) => `${r.customer_id}|${r.idempotency_key}`));
    const owing = await ledger.customersOwing(trx, ids);
    // Members whose lots change by writes made at once (a debt settled, a sign-up bonus): their debits read the lots.
    const stale = new Set(owing);
    const lotsOf = await ledger.openLotsOfMany(trx, [...new Set(items.filter((i) => i.data.points < 0 && members.has(i.customerId) && !stale.has(i.customerId)).map((i) => i.customerId))]);
    // Each adjustment's outcome, and its events and audit entry, by its place in `items`.
    const outcomes: ({ created: boolean } | AppError)[] = new Array(items.length);
    const eventsOf: OutgoingEvent[][] = items.map(() => []);
    const auditOf: (AuditEntry | undefined)[] = new Array(items.length);
    const touched = new Set<MemberRow>();
    const wrote = (i: number, member: MemberRow) => {
      const { customerId, data } = items[i];
      touched.add(member);
      auditOf[i] = { at: now, actor, action: 'loyalty.adjust', subject: customerId, details: { points: data.points, reason: data.reason } };
      eventsOf[i].push({ type: 'loyalty.points_adjusted', customerId, payload: { customer_id: customerId, points: data.points, reason: data.reason, actor } });
    };
    type Waiting = { index: number; member: MemberRow } & ({ credit: NewEntry } | { debit: PlannedDebit });
    let waiting: Waiting[] = [];
    const creditWaits = new Set<string>();
    const sendCredits = async (run: { index: number; member: MemberRow; credit: NewEntry }[]) => {
      const inserted = new Map((await ledger.insertCredits(trx, run.map((c) => c.credit), now)).map((r) => [`${r.customer_id}|${r.idempotency_key}`, r.id]));
      for (const { index, member, credit } of run) {
        const id = inserted.get(`${credit.customerId}|${credit.idempotencyKey}`);
        if (id !== undefined) {
          member.points += credit.points;
          wrote(index, member);
          lotsOf.get(credit.customerId)?.push({ id, remaining: credit.points, availableAt: null, expiresAt: credit.expiresAt ?? null });
        }
        outcomes[index] = { created: id !== undefined };
      }
    };
    /** Writes what waits, in its order: a statement for each run of credits, and one for each run of debits. */
    const send = async () => {
      for (let at = 0; at < waiting.length;) {
        let end = at + 1;
        while (end < waiting.length && ('credit' in waiting[end]) === ('credit' in waiting[at])) end++;
        const run = waiting.slice(at, end);
        if ('credit' in run[0]) await sendCredits(run as { index: number; member: MemberRow; credit: NewEntry }[]);
        else await ledger.writeDebits(trx, run.map((w) => (w as { debit: PlannedDebit }).debit), now);
        at = end;
      }
      waiting = [];
      creditWaits.clear();
    };
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const { customerId, data } = item;
      const member = members.get(customerId);
      const key = `${customerId}|${keyOf(item)}`;
      if (earlier.has(key) || seen.has(key)) {
        outcomes[index] = { created: false };
        continue;
      }
      seen.add(key);
      if (member?.created && program) {
        member.created = false;
        if (signUpBonus) {
          await send();
          stale.add(customerId);
        }
        await welcome(trx, program, [member], now, eventsOf[index], { bonus: signUpBonus, joinedBy });
        touched.add(member);
      }
      const base = { customerId, kind: 'adjust' as const, occurredAt: now, sourceType: 'adjustment', sourceId: null, idempotencyKey: keyOf(item), reason: data.reason, actor, programVersion: program?.version ?? null, details: {} };
      if (data.points > 0) {
        const entry = withFields(base, { points: data.points, expiresAt: item.expiresAt !== undefined ? item.expiresAt : program ? lotExpiry(program, now) : null });
        if (!owing.has(customerId)) {
          waiting.push({ index, member: member!, credit: entry });
          creditWaits.add(customerId);
          continue;
        }
        await send();
        const written = (await ledger.credit(trx, member!, entry, now)) !== null;
        if (written) wrote(index, member!);
        outcomes[index] = { created: written };
        continue;
      }
      if (!member) {
        outcomes[index] = refusal(0, program);
        continue;
      }
      const lots = lotsOf.get(customerId);
      if (stale.has(customerId) || !lots) {
        await send();
        const r = await ledger.debit(trx, member, withFields(base, { points: -data.points }), { now, includePending: false, shortfall: 'fail' });
        if (r.shortfall > 0) outcomes[index] = refusal(balanceOf(await ledger.openLots(trx, customerId), member.points, now).available, program);
        else {
          if (!r.duplicate) wrote(index, member);
          outcomes[index] = { created: !r.duplicate };
        }
        continue;
      }
      // The lots of a credit waiting for this member must be written first: the debit may take from them.
      if (creditWaits.has(customerId)) await send();
      const plan = planDebit(lots, -data.points, { now, includePending: false, shortfall: 'fail' });
      if (plan.debited === 0) {
        outcomes[index] = refusal(balanceOf(lots, member.points, now).available, program);
        continue;
      }
      takeFromLots(lots, plan.allocations);
      member.points -= plan.debited;
      waiting.push({ index, member, debit: { entry: withFields(base, { points: -plan.debited }), unsettled: plan.unsettled, allocations: plan.allocations } });
      wrote(index, member);
      outcomes[index] = { created: true };
    }
    await send();
    await ledger.saveMembers(trx, [...touched], now);
    await auditMany(trx, auditOf.filter((a) => a !== undefined));
    await publish(trx, eventsOf.flat());
    return outcomes;
  }

  /** The refusal of a debit larger than the `available` points the member (none yet: 0) can spend. */
  function refusal(available: number, program: Program | undefined) {
    const name = counted(pointsNameOf(program?.document), available);
    return invalidField('points', say(available === 1 ? 'adjustment.below_zero_one' : 'adjustment.below_zero', { available, points_name: name }));
  }

  const staffActions = {
    /** An adjustment in its own transaction, and the account after it, its entries told in `language` (default English) as account() tells them. */
    async adjust(customerId: string, input: unknown, options: AdjustOptions & { language?: Language }) {
      const data = parseInput(AdjustmentInput, input, 'adjustment');
      const outcome = await db.transaction().execute((trx) => adjustWithin(trx, customerId, data, options));
      return withFields(outcome, { account: await accounts.account(customerId, { language: options.language }) });
    },

    /** adjust in the caller's transaction, its input checked (AdjustmentInput) by the caller; the account is not read back. */
    adjustWithin,

    adjustManyWithin,

    /**
     * Which of these customers' adjustment keys were used (as `customerId|key`): the rows of
     * a points import made before, which its validation pass and dry run count as there.
     */
    async adjustmentsMade(pairs: { customerId: string; key: string }[]): Promise<Set<string>> {
      const made = new Set<string>();
      for (let i = 0; i < pairs.length; i += 1000) {
        const chunk = pairs.slice(i, i + 1000);
        const rows = await db.selectFrom('loyalty_entries').select(['customer_id', 'idempotency_key'])
          .where('customer_id', 'in', [...new Set(chunk.map((p) => p.customerId))])
          .where('idempotency_key', 'in', [...new Set(chunk.map((p) => `adjust:${p.key}`))])
          .execute();
        for (const r of rows) made.add(`${r.customer_id}|${String(r.idempotency_key).slice('adjust:'.length)}`);
      }
      return made;
    },

    /** Enrols a customer (programs with enrolment on_request, or before any purchase). */
    async enrol(customerId: string, { actor }: { actor: Actor }) {
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) throw invalid(say('loyalty.no_program'));
      const created = await db.transaction().execute(async (trx) => {
        await requireWritableCustomer(trx, customerId);
        const member = (await ledger.lockMembers(trx, [customerId], { now, create: true })).get(customerId)!;
        if (!member.created) return false;
        const events: OutgoingEvent[] = [];
        await welcome(trx, program, [member], now, events, { joinedBy: actor === AUTOMATIC_ENROLMENT ? 'sign_up' : 'enrolment' });
        await ledger.saveMembers(trx, [member], now);
        await audit(trx, { at: now, actor, action: 'loyalty.enrol', subject: customerId });
        await publish(trx, events);
        return true;
      });
      // A profile completed before joining earns its bonus now: its own check runs on
      // profile changes, and found no member then.
      if (created) await engagement.profileCompletion(customerId);
      return { created, account: await accounts.account(customerId) };
    },

    /**
     * Subscriber of customer.created: under automatic enrolment a customer who signs up
     * without buying (the dashboard, POST /customers, a customers import) joins at once,
     * with the sign-up bonus, as a buyer joins in the purchase's own transaction. One query
     * keeps the active customers who are not members yet (a buyer already is), and each
     * joins through enrol, which does nothing for a member. Answers who joined.
     */
    async enrolSignUps(customerIds: string[]): Promise<string[]> {
      if (customerIds.length === 0) return [];
      const program = await core.programAt(clock.now());
      if (program?.document.enrolment !== 'automatic') return [];
      const joining = await db.selectFrom('customers as c').leftJoin('loyalty_members as m', 'm.customer_id', 'c.id').select('c.id')
        .where('c.id', '=', sql<string>`ANY(${[...new Set(customerIds)]}::uuid[])`).where('c.status', '=', 'active').where('m.customer_id', 'is', null)
        .execute();
      const joined: string[] = [];
      for (const { id } of joining) {
        try {
          if ((await staffActions.enrol(id, { actor: AUTOMATIC_ENROLMENT })).created) joined.push(id);
        } catch (error) {
          // Merged or erased since the query: nobody to enrol.
          if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
        }
      }
      return joined;
    },
  };
  return staffActions;
}
