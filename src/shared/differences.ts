import { AppError, type RaisedProblem } from './errors.ts';
import { say, tell, told, type Param, type Said, type Text, type Told } from './messages/index.ts';

// A write sent again under its key (an order id, a refund id, an admin's idempotency key)
// with other values is a 409, and only a hash of the first body is kept: the hash tells
// that something differs, not what. A client's developer needs the what, so on that rare
// path the caller reads back what was recorded and compares it with the request, field by
// field, in the forms both are stored in (minor units, instants, ids): "9.5" and "9.50",
// or one instant written in two offsets, are never named as a difference. These are the
// pieces every such comparison shares (commerce's purchase-difference.ts, loyalty's
// gift-cards.ts): one way of saying a difference, one way of listing them, one 409.

/** A recorded value beside this request's: "12.40 (this request: 12.50)", told in the asked language. */
export const recordedAndRequested = (was: Param, now: Param): Said => say('conflict.value_differs', { was, now });

/** What a side that has no value shows ("none", "brez"): one object, so two sides without one are equal. */
export const NO_VALUE: Said = say('conflict.none');

/** Collects the fields whose recorded and requested texts (or NO_VALUE) differ (`differ`), in the order asked. */
export function fieldDifferences() {
  const found: RaisedProblem[] = [];
  return {
    found,
    differ(field: string, was: string | Said, now: string | Said) {
      if (was !== now) found.push({ field, reason: recordedAndRequested(was, now) });
    },
  };
}

/** The differences one after another, "total 12.40 (this request: 12.50); store lj (this request: mb)", in the asked language. */
export const listDifferences = (differences: readonly RaisedProblem[]): Told =>
  told((language) => differences.map((d) => `${d.field} ${tell(d.reason, language)}`).join('; '));

/**
 * The 409 for a key recorded with other values: `named` says so with the differences
 * listed, and they are its field problems too. `unnamed` when nothing stored differs, yet
 * the hash does: a field that is not kept (a customer's name, consent) or a body hashed by
 * an older scheme.
 */
export function otherValuesConflict({ differences, named, unnamed }: { differences: RaisedProblem[]; named: (listed: Told) => Text; unnamed: Text }): AppError {
  if (differences.length === 0) return new AppError('conflict', unnamed);
  return new AppError('conflict', named(listDifferences(differences)), differences);
}
