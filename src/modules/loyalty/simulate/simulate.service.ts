import { isDateOnly, localDate, timeIn } from '../../../shared/clock.ts';
import { invalidField } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { instantOfInput, parseInput } from '../../../shared/validation.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { checkAmounts, compileProgram } from '../program/program.ts';
import { NewProgramDocument } from '../program/program.schema.ts';
import { tierMovesOnPublish } from '../program/publish-preview.ts';
import { refuseUnknownStores } from '../program/store-codes.ts';
import { MOVERS_LISTED, simulateProgram } from './simulate.ts';

// A proposed program tried before it is applied: the purchases so far replayed under it
// (simulate.ts), beside what publishing it now would do to tiers (publish-preview.ts).
// It lives here, not beside applying a version (program-versions.ts), because simulate
// builds on program's rules: program does not import simulate back.

export function createProgramSimulation(core: LoyaltyCore) {
  const { db, clock, currency, timeZone } = core.deps;
  return {
    /** Replays the purchases since `since` against a proposed program; writes nothing. */
    async simulate(programInput: unknown, { since }: { since: string }) {
      const document = parseInput(NewProgramDocument, programInput, 'program', 'program');
      checkAmounts(document, currency);
      // Refused as apply refuses it: a typo'd store would otherwise replay as a multiplier that never matched.
      await refuseUnknownStores(db, document);
      const now = clock.now();
      const sinceDate = simulationStart(since, timeZone, now);
      const proposed = compileProgram({ version: 0, effectiveFrom: now, document, currency, timeZone });
      const onPublish = await tierMovesOnPublish(db, core, proposed, now, MOVERS_LISTED);
      // A till whose clock runs ahead records purchases dated up to a day later (FUTURE_ALLOWANCE_MS),
      // and the ledger earned them: the replay runs to the latest of them, so the program in
      // force still replays to the ledger (the report's `until` says where it stopped).
      const ahead = await db.selectFrom('purchases').select((eb) => eb.fn.max('occurred_at').as('at')).where('occurred_at', '>', now).executeTakeFirst();
      const until = ahead?.at ? new Date(ahead.at) : now;
      return simulateProgram({ db, proposed, current: await core.programAt(now), since: sinceDate, now: until, currency, timeZone, onPublish });
    },
  };
}

/**
 * Where a simulation starts: a date (YYYY-MM-DD) is the start of that day in the
 * business's time zone, as the owner reads it; a timestamp is taken as written. Neither
 * may name a day the calendar lacks (Date.parse would move 2026-02-30 to 2 March) nor lie
 * ahead (there would be nothing to replay).
 */
function simulationStart(since: string, timeZone: string, now: Date): Date {
  const at = instantOfInput(since.trim(), timeZone, say('simulation.since_format'));
  if (!(at instanceof Date)) throw invalidField('since', at);
  // Told as typed beside the business's today (or its clock, for a timestamp): the UTC instant
  // a date starts at (2026-12-31T23:00:00.000Z for 2027-01-01 in Ljubljana) names a day nobody typed.
  if (at.getTime() > now.getTime()) {
    const text = since.trim();
    throw invalidField('since', say('simulation.since_in_future', { at: text, now: isDateOnly(text) ? localDate(now, timeZone) : timeIn(now, timeZone) }));
  }
  return at;
}
