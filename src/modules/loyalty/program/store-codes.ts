import type { Db, Tx } from '../../../db/index.ts';
import { invalidField } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { nearestOf, refusedTogether } from '../../../shared/validation.ts';
import type { Condition, ProgramDocument } from './program.schema.ts';

// A program's conditions name stores by code, and a purchase names a store that exists
// (purchases refuse an unknown one: store.unknown), so a code no store has — "LJ2" for
// "LJ1", "lj1" for "LJ1" — was a multiplier or promotion that silently never matched.
// Applying refuses it, naming where it stands, as a condition's unknown tier is refused
// (program.no_such_tier), and as a purchase's unknown store is: create the store first
// (a program set up for a store about to open applies once the store is made). Not a
// warning of the answer: its `warnings` are the scheduled versions an apply keeps out,
// which the dashboard and the command line tell by their version and date.

/** Refuses the store codes `document`'s conditions name that no store has, each where it stands under `prefix` (the body's field holding the document), with the store's code it was likely meant as. */
export async function refuseUnknownStores(db: Db | Tx, document: ProgramDocument, prefix = 'program'): Promise<void> {
  const conditions: [Condition | undefined, string][] = [
    ...document.earning.multipliers.map((m, i) => [m.when, `earning.multipliers.${i}.when`] as [Condition, string]),
    ...document.earning.promotions.map((p, i) => [p.when, `earning.promotions.${i}.when`] as [Condition | undefined, string]),
  ];
  const named = conditions.flatMap(([when, path]) => (when?.stores ?? []).map((code, j) => ({ code, field: `${prefix}.${path}.stores.${j}` })));
  if (named.length === 0) return;
  const known = new Set((await db.selectFrom('stores').select('code').execute()).map((s) => s.code));
  const errors = named.filter(({ code }) => !known.has(code)).map(({ code, field }) => {
    const near = nearestOf(code, known);
    return invalidField(field, near === undefined ? say('store.unknown', { code }) : say('store.unknown_near', { code, known: near }));
  });
  if (errors.length > 0) throw refusedTogether('program', errors);
}
