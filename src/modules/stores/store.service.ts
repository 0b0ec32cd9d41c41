import { sql } from 'kysely';
import { audit, type Actor, type Db, type Tx } from '../../db/index.ts';
import { invalidField } from '../../shared/errors.ts';
import { systemClock, type Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { say } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import type { Store } from './store.ts';
import { StoreInput } from './store.schema.ts';

// Stores are small configuration: few rows, read on every purchase, so they are cached
// per process and the cache is dropped on every write made through this service.
// A read inside a transaction passes it (`from`): on the embedded database the process has
// one connection, which the transaction holds, so a cold cache loaded through `db` there
// waited for it until the gate gave up (120 s, then a 500) — a refund's first read of its
// purchase's store after a start.
export function createStoreService({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  let cache: Map<string, Store> | undefined;

  async function all(from: Db | Tx = db): Promise<Map<string, Store>> {
    if (!cache) {
      const rows = await from.selectFrom('stores').select(['id', 'code', 'name', 'city', 'time_zone']).execute();
      cache = new Map(rows.map((s) => [s.code, s]));
    }
    return cache;
  }

  return {
    async list(): Promise<Store[]> {
      return [...(await all()).values()].sort((a, b) => a.name.localeCompare(b.name));
    },

    async byCode(code: string, from?: Db | Tx): Promise<Store | undefined> {
      // A miss reloads once: another process (the CLI, a second server) may have added it.
      const hit = (await all(from)).get(code);
      if (hit) return hit;
      cache = undefined;
      return (await all(from)).get(code);
    },

    async byId(id: string, from?: Db | Tx): Promise<Store | undefined> {
      return [...(await all(from)).values()].find((s) => s.id === id);
    },

    /** Resolves a store code from input; an unknown code is an error naming the field. */
    async require(code: string, field = 'store', from?: Db | Tx): Promise<Store> {
      const store = await this.byCode(code, from);
      if (!store) throw invalidField(field, say('store.unknown', { code }));
      return store;
    },

    /** Creates the store, or updates the one with the same code; `created` tells which (the API answers 201 or 200). Recorded in the activity log. */
    async upsert(input: unknown, { actor }: { actor: Actor }): Promise<{ store: Store; created: boolean }> {
      const data = parseInput(StoreInput, input, 'store');
      const row = await db.transaction().execute(async (trx) => {
        const written = await trx
          .insertInto('stores')
          .values({ id: newId(), code: data.code, name: data.name, city: data.city ?? null, time_zone: data.time_zone })
          .onConflict((oc) => oc.column('code').doUpdateSet({ name: data.name, city: data.city ?? null, time_zone: data.time_zone }))
          // xmax is 0 on a row this statement inserted, the updating transaction's id on one it updated.
          .returning(['id', 'code', 'name', 'city', 'time_zone', sql<boolean>`xmax = 0`.as('inserted')])
          .executeTakeFirstOrThrow();
        await audit(trx, { at: clock.now(), actor, action: written.inserted ? 'store.create' : 'store.update', subject: data.code, details: { name: data.name, city: data.city ?? null, time_zone: data.time_zone } });
        return written;
      });
      cache = undefined;
      const { inserted, ...store } = row;
      return { store, created: inserted };
    },

    forget(): void {
      cache = undefined;
    },
  };
}

export type StoreService = ReturnType<typeof createStoreService>;
