import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { eraseCustomer, mergeCustomers } from '../../workflows/customer-lifecycle.ts';
import { up as recordMergedIdentities } from './0032_merged_identities.ts';

const actor = 'user:test';

it('records a merge recorded before it by what its merged row still holds: its card, email and phone, not an erased person\'s', async () => {
  const s = await openTestServices();
  try {
    const upsert = async (input: object) => (await s.customers.upsert(input, { actor })).customer.id;
    const kept = await upsert({ email: 'kept@example.com', external_id: 'card-1' });
    const dup = await upsert({ email: 'dup@example.com', external_id: 'card-2', phone: '+38640222333' });
    await upsert({ email: 'dup@example.com', external_id: 'card-3' });
    const gone = await upsert({ email: 'gone@example.com' });
    const goneDup = await upsert({ email: 'gone.dup@example.com', external_id: 'card-4' });
    await mergeCustomers(s, kept, { from: dup }, { actor });
    await mergeCustomers(s, gone, { from: goneDup }, { actor });
    await eraseCustomer(s, gone, { actor });
    // As a database migrated before 0032 holds them: no record of what the merges moved.
    await sql`DROP TABLE customer_merged_identities`.execute(s.db);
    // The migration itself, run again (not migrateToLatest: later migrations may be applied already).
    await recordMergedIdentities(s.db as unknown as Kysely<unknown>);
    expect(await s.db.selectFrom('customer_merged_identities').select(['kind', 'value', 'customer_id']).orderBy('value').execute()).toEqual([
      { kind: 'phone', value: '+38640222333', customer_id: dup },
      { kind: 'external_id', value: 'card-2', customer_id: dup },
      { kind: 'email', value: 'dup@example.com', customer_id: dup },
    ]);
    // The row's own card and email tell the merge; the second card was not recorded then.
    for (const identity of ['card-2', 'dup@example.com']) expect((await s.customers.mergedHolding(kept, identity))?.id).toBe(dup);
    expect(await s.customers.mergedHolding(kept, 'card-3')).toBeUndefined();
    expect(await s.customers.mergedHolding(kept, 'card-1')).toBeUndefined();
  } finally {
    await s.close();
  }
});
