import type { Services } from '../../src/services.ts';
import { mergeCustomers } from '../../src/workflows/customer-lifecycle.ts';
import { gate } from './concurrency.ts';

/**
 * A merge that has done everything but commit (customers and members locked, records
 * moved), until `commit()`: its loyalty step, the last, waits at a gate.
 */
export async function heldMerge(s: Services, survivor: string, from: string) {
  const g = gate();
  const loyalty = { ...s.loyalty, moveCustomer: (trx: Parameters<Services['loyalty']['moveCustomer']>[0], a: Parameters<Services['loyalty']['moveCustomer']>[1]) => s.loyalty.moveCustomer(trx, a).then(g.pass) };
  const done = mergeCustomers({ ...s, loyalty }, survivor, { from }, { actor: 'test' });
  await Promise.race([g.hit, done]);
  return { commit: () => (g.release(), done) };
}
