import { audit, lockKeys, notifyOnCommit, type Actor, type Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { instantOf, timeIn } from '../../../shared/clock.ts';
import { invalidField, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { parseInput } from '../../../shared/validation.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import { PROGRAM_CHANNEL, type LoyaltyCore } from '../loyalty.core.ts';
import { checkAmounts, compileProgram, type Program } from './program.ts';
import { ApplyProgramInput, NewProgramDocument } from './program.schema.ts';
import { insertProgram, listPrograms } from './program.repository.ts';
import { placeOnPublish, tierRulesChanged } from './publish-preview.ts';
import { refuseUnknownStores } from './store-codes.ts';

// The program's versions: applying one (which may re-place every member's tier at once,
// and warns of a scheduled version it keeps out for good; a store code its conditions
// name that no store has is refused: store-codes.ts) and reading them; simulating a
// proposed one is simulate/simulate.service.ts. Versions are never edited: what was earned
// under one stays earned and labelled under it, so a new version may not be dated back
// over another's time.

/** How far in the past a version's effective_from may lie once a version is in force: a client's clock running behind. */
const CLOCK_ALLOWANCE_MS = 5 * 60_000;

export function createProgramVersions(core: LoyaltyCore) {
  const { db, clock, currency, timeZone } = core.deps;

  /**
   * A version dated back over a time another version was in force would claim rules that
   * did not apply then: what was earned meanwhile stays earned (and labelled) under the
   * version in force. So only the first version may be dated back (a program set up
   * before its history is imported); a later one starts now or later, with a few minutes'
   * allowance for a client's clock — and never before the moment the version in force
   * took effect, nor at it, which the allowance would otherwise let it go behind (the version
   * in force is the latest applied whose date has come, so a version dated before it
   * would take over its whole time). A version scheduled for later does not bound it: one
   * dated before it is applied, and the answer warns that the scheduled one will never
   * be in force (scheduledVersionsOverridden).
   */
  async function refuseRewrittenHistory(trx: Tx, from: Date, now: Date) {
    const inForce = (await listPrograms(trx)).filter((p) => p.effective_from.getTime() <= now.getTime()).at(-1);
    if (!inForce) return;
    // On the business's clock, as the owner gave the date ("2026-01-01" is its midnight there), not in UTC.
    const said = { from: timeIn(from, timeZone), version: inForce.version, since: timeIn(inForce.effective_from, timeZone) };
    if (from.getTime() < now.getTime() - CLOCK_ALLOWANCE_MS) throw invalidField('effective_from', say('program.effective_from_in_past', said));
    // At the very moment it took effect is over its time too, unless that moment is now:
    // two versions applied in one instant, nothing happened under the first.
    const since = inForce.effective_from.getTime();
    if (from.getTime() < since || (from.getTime() === since && since < now.getTime())) {
      throw invalidField('effective_from', say('program.effective_from_before_in_force', said));
    }
  }

  /**
   * The versions applied earlier but not yet in force that a version effective from `from`
   * keeps out for good. The version in force is the latest applied whose date has come
   * (core.programAt), not the one with the latest date: a scheduled version whose date is
   * not before `from` would, on its date, find this later-applied one in force already and
   * never apply. The business may mean that (a correction that cancels the plan), or not
   * (a fix to today's program, the plan still wanted): applying is not refused, the answer
   * says so (overriddenWarning).
   */
  async function scheduledVersionsOverridden(trx: Tx, from: Date, now: Date) {
    const rows = await listPrograms(trx);
    return rows.filter((p) => p.effective_from.getTime() > now.getTime() && p.effective_from.getTime() >= from.getTime())
      .map((p) => ({ version: p.version, effective_from: p.effective_from }));
  }

  function overriddenWarning(p: { version: number; effective_from: Date }, version: number, from: Date) {
    const date = p.effective_from.toISOString();
    return {
      code: 'scheduled_version_overridden' as const,
      version: p.version,
      effective_from: date,
      message: `Version ${p.version}, scheduled to take effect on ${date}, will never be in force: version ${version}, applied after it and in force from ${from.toISOString()}, ` +
        `takes precedence on that date too (the version in force is the latest applied whose date has come). To still switch to version ${p.version}'s rules on ${date}, apply its document again with effective_from ${date}.`,
    };
  }

  /**
   * Re-places every member by the tier rules in force (after a program is applied), unless
   * they are those of the version it replaces (`before`): then nobody moves and tier periods
   * stand (publish-preview.ts). A member who keeps their tier keeps its period either way
   * (placeInTier); one moved starts a new period now.
   */
  async function reevaluateAll(trx: Tx, policy: 'upgrade_now' | 'reevaluate_now', now: Date, before: Program | undefined) {
    const program = await core.programAt(now, trx);
    const counts = { up: 0, down: 0, unchanged: 0, tier_rules_changed: Boolean(program && tierRulesChanged(before, program)) };
    if (!program?.document.tiers) return counts;
    if (!counts.tier_rules_changed) {
      const { n } = await trx.selectFrom('loyalty_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts.unchanged = Number(n);
      return counts;
    }
    const ids = (await trx.selectFrom('loyalty_members').select('customer_id').orderBy('customer_id').execute()).map((r) => r.customer_id);
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      const members = await ledger.lockMembers(trx, chunk, { now, create: false });
      const metrics = await core.tierMetrics(trx, program, chunk, now);
      const changes = [];
      for (const m of members.values()) {
        const { change, direction } = placeOnPublish(core, program, before, m, metrics.get(m.customer_id) ?? 0, now, { policy, reason: `program changed (${policy})` });
        if (change) changes.push(change);
        counts[direction ?? 'unchanged']++;
      }
      await ledger.saveMembers(trx, [...members.values()], now);
      await core.recordTierChanges(trx, program, changes, now);
    }
    return counts;
  }

  return {
    async applyProgram(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(ApplyProgramInput, input, 'program application');
      const document = parseInput(NewProgramDocument, data.program, 'program', 'program');
      checkAmounts(document, currency);
      await refuseUnknownStores(db, document);
      const now = clock.now();
      // A date alone is the start of that day in the business's time zone: "from 1 January" as the owner means it.
      const effectiveFrom = data.effective_from ? instantOf(data.effective_from, timeZone) : now;
      const result = await db.transaction().execute(async (trx) => {
        await lockKeys(trx, ['loyalty:program']);
        await refuseRewrittenHistory(trx, effectiveFrom, now);
        const before = await core.programAt(now, trx);
        const scheduled = await scheduledVersionsOverridden(trx, effectiveFrom, now);
        const version = await insertProgram(trx, { document, effective_from: effectiveFrom, tier_policy: data.tier_policy, note: data.note ?? null, created_by: actor, created_at: now });
        await audit(trx, { at: now, actor, action: 'loyalty.program.apply', subject: String(version), details: { effective_from: effectiveFrom.toISOString(), tier_policy: data.tier_policy, note: data.note } });
        await publish(trx, [{ type: 'loyalty.program_applied', payload: { version, effective_from: effectiveFrom.toISOString(), tier_policy: data.tier_policy } }]);
        await notifyOnCommit(trx, PROGRAM_CHANNEL);
        core.invalidate();
        // A version that is in force now re-places every member by its tier rules at once;
        // a future-dated one does so at the review after it takes effect.
        const tierChanges = effectiveFrom.getTime() <= now.getTime()
          ? await reevaluateAll(trx, data.tier_policy, now, before)
          : { up: 0, down: 0, unchanged: 0, deferred: true, tier_rules_changed: tierRulesChanged(await core.programAt(new Date(effectiveFrom.getTime() - 1), trx), compileProgram({ version, effectiveFrom, document, currency, timeZone })) };
        return { version, tierChanges, warnings: scheduled.map((p) => overriddenWarning(p, version, effectiveFrom)) };
      });
      core.invalidate();
      return {
        version: result.version, effective_from: effectiveFrom.toISOString(), tier_policy: data.tier_policy, note: data.note ?? null,
        tier_changes: result.tierChanges, warnings: result.warnings, program: document,
      };
    },

    /** Drops the cached program versions (another process applied one: PROGRAM_CHANNEL). */
    forgetPrograms() {
      core.invalidate();
    },

    async currentProgram() {
      const now = clock.now();
      const program = await core.programAt(now);
      const all = await core.programs();
      return {
        current: program ? { version: program.version, effective_from: program.effectiveFrom.toISOString(), note: program.note ?? null, document: program.document } : null,
        versions: all.map((p) => ({ version: p.version, effective_from: p.effectiveFrom.toISOString(), note: p.note ?? null, in_force: p.version === program?.version })),
      };
    },

    async programVersion(version: number) {
      const p = (await core.programs()).find((x) => x.version === version);
      if (!p) throw notFound(say('program.version_not_found', { version }));
      return { version: p.version, effective_from: p.effectiveFrom.toISOString(), note: p.note ?? null, document: p.document };
    },
  };
}
