import { sql } from 'kysely';
import { audit, lockKeys, type Actor, type Db, type Tx } from '../../db/index.ts';
import { publish } from '../../jobs/outbox.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, invalidField, notFound } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { isUuid } from '../../shared/ids.ts';
import { parseInput } from '../../shared/validation.ts';
import type { StoreService } from '../stores/index.ts';
import { identityKey, namedCustomer, normalizeEmail, normalizePhone, searchTextOf, sharedPhone, type Identity, type IdentityOwners } from './customer.ts';
import { applyConsent, consentLogRows, latestConsent, prepareProfile, type PreparedProfile } from './customer.profile.ts';
import * as repo from './customer.repository.ts';
import { decodeListCursor, encodeListCursor, parseSort, type CustomerOrder, type ForeignOrders, type ListCursor } from './customer-order.ts';
import { CustomerInput, CustomerPatch, CustomerSearch } from './customer.schema.ts';
import { resolveCustomers, type CustomerClaim } from './customer.resolve.ts';
import { withFields } from '../../shared/objects.ts';

/**
 * A customer's row when the customer is active; otherwise a 404 that says whether it was
 * merged, and into whom. An erased customer's 404 reads as an unknown id's, as every route
 * given their id answers it, with `erased_at` beside it: the dashboard's page of the id says
 * what became of the customer rather than that there never was one.
 */
function activeRow(id: string, row: repo.CustomerRow | undefined, mergedAt?: Date): repo.CustomerRow {
  if (!row) throw notFound(say('customer.not_found', { id }));
  if (row.status === 'erased') throw notFound(say('customer.not_found', { id }), { erased_at: (row.erased_at ?? row.updated_at).toISOString() });
  if (row.status === 'merged') {
    throw notFound(say('customer.not_found_merged', { id, survivor: String(row.merged_into) }), mergedAt ? { merged_into: String(row.merged_into), merged_at: mergedAt.toISOString() } : { merged_into: String(row.merged_into) });
  }
  return row;
}

export interface CustomerServiceDeps {
  db: Db;
  stores: StoreService;
  clock: Clock;
  /** The business's time zone: where "today" is for a birthday (customer.profile.ts). */
  timeZone: string;
  defaultRegion?: string;
  /**
   * Since when each customer is one and a member (their answers' customer_since,
   * member_since, first_purchase_at): read from purchases and the loyalty ledger, which
   * this module does not know, so given by the composition (services.ts: loyalty's
   * customerDatesOf).
   */
  datesOf: CustomerDatesReader;
  /**
   * The list's orders by purchases, points and customer_since (customer-order.ts): SQL of
   * commerce and loyalty, whose tables they read, given by the composition (services.ts).
   */
  orders: ForeignOrders;
}

/** A customer's dates beside created_at (when the row was written): see CustomerServiceDeps.datesOf. */
export interface CustomerDates {
  first_purchase_at: Date | null;
  customer_since: Date;
  member_since: Date | null;
}
export type CustomerDatesReader = (db: Db | Tx, customerIds: string[]) => Promise<Map<string, CustomerDates>>;

/** A customer as the API shows it: the profile columns as stored, the rest in the API's shapes. */
export interface CustomerView extends Pick<
  repo.CustomerRow,
  'id' | 'external_id' | 'email' | 'phone' | 'first_name' | 'last_name' | 'birthday' | 'language' | 'time_zone' | 'tags' | 'attributes'
> {
  home_store: { id: string; code: string; name: string } | null;
  consent: { email: ConsentView | null; sms: ConsentView | null };
  identities: Identity[];
  status: string;
  /** When this record was written: for a customer an import brought in, the day of the import. */
  created_at: string;
  updated_at: string;
  /** The person's first purchase (customer-dates.repository.ts says how each date is read). */
  first_purchase_at: string | null;
  /** The earlier of the first purchase and created_at (of every record of the person). */
  customer_since: string;
  /** For a loyalty member, the earlier of joining and the first purchase the program credited; null for anyone else. */
  member_since: string | null;
}
interface ConsentView { status: 'granted' | 'withdrawn'; source: string; at: string }

/** What an erasure leaves of a customer's row: no personal data. */
const NO_PERSONAL_DATA = {
  external_id: null, email: null, phone: null, first_name: null, last_name: null, birthday: null,
  time_zone: null, tags: [] as string[], attributes: '{}', consent: '{}', search_text: '',
} as const;

export function createCustomerService(deps: CustomerServiceDeps) {
  const { db, stores, clock } = deps;

  async function view(from: Db | Tx, row: repo.CustomerRow, identities: Identity[], dates: CustomerDates | undefined): Promise<CustomerView> {
    const store = row.home_store_id ? await stores.byId(row.home_store_id, from) : undefined;
    return {
      id: row.id,
      external_id: row.external_id,
      email: row.email,
      phone: row.phone,
      first_name: row.first_name,
      last_name: row.last_name,
      birthday: row.birthday,
      language: row.language,
      time_zone: row.time_zone,
      home_store: store ? { id: store.id, code: store.code, name: store.name } : null,
      tags: row.tags,
      attributes: row.attributes,
      consent: { email: row.consent.email ?? null, sms: row.consent.sms ?? null },
      identities,
      status: row.status,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      first_purchase_at: dates?.first_purchase_at?.toISOString() ?? null,
      customer_since: (dates?.customer_since ?? row.created_at).toISOString(),
      member_since: dates?.member_since?.toISOString() ?? null,
    };
  }

  /** Customers' answers, with their identities and dates read for all of them at once (a page of a list costs two statements, not two a customer). */
  async function views(trx: Db | Tx, rows: repo.CustomerRow[]): Promise<CustomerView[]> {
    const ids = rows.map((r) => r.id);
    const identities = await repo.identitiesOfMany(trx, ids);
    const dates = await deps.datesOf(trx, ids);
    return Promise.all(rows.map((r) => view(trx, r, identities.get(r.id) ?? [], dates.get(r.id))));
  }

  async function requireActive(trx: Db | Tx, id: string, { forUpdate = false } = {}): Promise<repo.CustomerRow> {
    const row = isUuid(id) ? await repo.findById(trx, id, { forUpdate }) : undefined;
    // A merged id's 404 says when too (a client asked to merge it again can say it was, and when).
    return activeRow(id, row, row?.status === 'merged' && row.merged_into ? await repo.mergedAt(trx, id, row.merged_into) : undefined);
  }

  /**
   * Stores `prepared` on an existing customer; identities owned by another customer are a
   * conflict, but for a phone shared with a customer of another email (customer.ts,
   * sharedPhone), which stays its holder's identity and is this customer's number.
   */
  async function applyProfile(trx: Tx, row: repo.CustomerRow, prepared: PreparedProfile, now: Date, read?: IdentityOwners): Promise<void> {
    const owners = read ?? (await repo.findByIdentities(trx, prepared.identities));
    // The customer's own email counts when the request gives none (a PATCH of the phone).
    const ownEmail: Identity[] = row.email && prepared.fields.email === undefined ? [{ kind: 'email', value: row.email }] : [];
    const shared = sharedPhone([...prepared.identities, ...ownEmail], owners, row.id);
    for (const identity of prepared.identities) {
      const owner = owners.get(`${identity.kind}:${identity.value}`);
      if (owner && owner !== row.id && identity !== shared) {
        throw conflict(say('customer.identity_taken', { kind: identity.kind, value: identity.value, owner }));
      }
    }
    const merged = withFields(row, prepared.fields);
    await trx
      .updateTable('customers')
      .set(
        withFields(prepared.fields, {
          attributes: prepared.fields.attributes ? JSON.stringify(prepared.fields.attributes) : undefined,
          consent: prepared.consentChanges.length ? JSON.stringify(applyConsent(row.consent, prepared.consentChanges, now)) : undefined,
          search_text: searchTextOf(merged),
          updated_at: now,
        }),
      )
      .where('id', '=', row.id)
      .execute();
    await repo.attachIdentities(trx, prepared.identities.filter((i) => i !== shared).map((i) => ({ customer_id: row.id, ...i })));
    // A field cleared by PATCH (email: null) takes its identity away too.
    for (const kind of ['external_id', 'email', 'phone'] as const) {
      const old = row[kind];
      if (old && prepared.fields[kind] !== undefined && prepared.fields[kind] !== old) {
        await trx.deleteFrom('customer_identities').where('kind', '=', kind).where('value', '=', old).where('customer_id', '=', row.id).execute();
      }
    }
    await repo.insertConsentLog(trx, consentLogRows(row.id, prepared.consentChanges, now));
  }

  /**
   * An upsert that found the customer and names a card (external id) or an email other than
   * the one on their profile: the new one is added to the customer's identities, and the one
   * they hold stays theirs (and on their profile). A person may carry two cards (a new one, a
   * keyring tag) and have two emails (a merge leaves both, each finding them), and a till
   * that reads a new card and asks for the phone must not cut the old card off: its next
   * scan would find no one. Replacing one is a PATCH of external_id or email, which says so.
   */
  function keepingIdentities(row: repo.CustomerRow, prepared: PreparedProfile): PreparedProfile {
    const replaced = (key: string) => (key === 'external_id' || key === 'email') && Boolean(prepared.fields[key] && row[key] && row[key] !== prepared.fields[key]);
    if (!Object.keys(prepared.fields).some(replaced)) return prepared;
    return withFields(prepared, { fields: Object.fromEntries(Object.entries(prepared.fields).filter(([key]) => !replaced(key))) as PreparedProfile['fields'] });
  }

  return {
    /** Creates a customer, or updates the one that any given identity already names. */
    async upsert(input: unknown, { actor, source = 'api' }: { actor: Actor; source?: string }) {
      const data = parseInput(CustomerInput, input, 'customer');
      const now = clock.now();
      const prepared = await prepareProfile(data, { stores, defaultRegion: deps.defaultRegion, source, now, timeZone: deps.timeZone });
      const ownerOf = (owners: IdentityOwners) => namedCustomer(prepared.identities, owners);
      const result = await db.transaction().execute(async (trx) => {
        await lockKeys(trx, prepared.identities.map(identityKey));
        let ownerId = ownerOf(await repo.findByIdentities(trx, prepared.identities));
        // The owner is read before waiting for its row lock, and the identity locks do not
        // keep it: a PATCH giving the identity up, a merge or an erasure may commit while
        // this waits (answering 404 or writing the old identity back over the PATCH). Read
        // the owners again once the row is locked, until they name the customer locked.
        for (let attempt = 1; ownerId; attempt++) {
          const row = await repo.findById(trx, ownerId, { forUpdate: true });
          const owners = await repo.findByIdentities(trx, prepared.identities);
          const current = ownerOf(owners);
          if (row?.status === 'active' && current === ownerId) {
            await applyProfile(trx, row, keepingIdentities(row, prepared), now, owners);
            await publish(trx, [{ type: 'customer.updated', customerId: row.id, payload: { customer_id: row.id } }]);
            return { id: row.id, created: false };
          }
          if (attempt === 3) throw new repo.CustomerChangedMeanwhile(ownerId, row && row.status !== 'active' ? row.status : 'changed');
          ownerId = current;
        }
        const [resolved] = await resolveCustomers(trx, [{ identities: prepared.identities, profile: prepared }], { now });
        await audit(trx, { at: now, actor, action: 'customer.create', subject: resolved.customerId });
        return { id: resolved.customerId, created: true };
      });
      return { customer: await this.get(result.id), created: result.created };
    },

    async get(id: string): Promise<CustomerView> {
      const [customer] = await views(db, [await requireActive(db, id)]);
      return customer;
    },

    /** The customers these identities name, by `kind:value` (an import's dry run asks which rows it would add). */
    findOwners: (identities: Identity[]): Promise<IdentityOwners> => repo.findByIdentities(db, identities),

    /** Finds a customer by an identity (`email`, `phone` or `external_id`). */
    async findByIdentity(identity: Identity): Promise<string | undefined> {
      const found = await repo.findByIdentities(db, [identity]);
      return found.get(`${identity.kind}:${identity.value}`);
    },

    async search(params: unknown): Promise<{ items: CustomerView[]; next_cursor: string | null }> {
      const p = parseInput(CustomerSearch, params, 'query');
      const identity = p.query ? exactIdentity(p.query, deps.defaultRegion) : undefined;
      const storeId = p.store ? (await stores.require(p.store, 'store')).id : undefined;
      const { key, descending } = parseSort(p.sort);
      const order = key === 'created_at' || key === 'name' ? OWN_ORDERS[key] : deps.orders[key](clock.now());
      const after = p.cursor ? keyOfCursor(decodeListCursor(p.cursor, p.sort), order) : undefined;
      const filter = { query: p.query, tag: p.tag, language: p.language, storeId, consent: p.consent, limit: p.limit + 1, order, descending, after };
      const rows = await repo.list(db, withFields(filter, { identity }));
      // An exact identity that matches nobody may still be part of a name: fall back.
      const found = identity && rows.length === 0 ? await repo.list(db, filter) : rows;
      const page = found.slice(0, p.limit);
      const items = await views(db, page);
      const last = page[page.length - 1];
      return { items, next_cursor: found.length > p.limit && last ? encodeListCursor({ sort: p.sort, value: last.sort_key, id: last.id }) : null };
    },

    async patch(id: string, input: unknown, { actor, source = 'api' }: { actor: Actor; source?: string }): Promise<CustomerView> {
      const data = parseInput(CustomerPatch, input, 'customer');
      const now = clock.now();
      const prepared = await prepareProfile(data, { stores, defaultRegion: deps.defaultRegion, source, now, timeZone: deps.timeZone });
      await db.transaction().execute(async (trx) => {
        await lockKeys(trx, prepared.identities.map(identityKey));
        const row = await requireActive(trx, id, { forUpdate: true });
        await applyProfile(trx, row, prepared, now);
        await audit(trx, { at: now, actor, action: 'customer.update', subject: id, details: { fields: Object.keys(data) } });
        await publish(trx, [{ type: 'customer.updated', customerId: id, payload: { customer_id: id, fields: Object.keys(data) } }]);
      });
      return this.get(id);
    },

    /** Set-based identity resolution for purchase batches (see customer.resolve.ts). */
    resolveMany: (trx: Tx, claims: CustomerClaim[], now: Date, owners?: IdentityOwners) => resolveCustomers(trx, claims, { now, owners }),
    /** The owners of these identities, row-locked, read with the transaction's next statement (for resolveMany). */
    ownersLater: (trx: Tx, identities: Identity[]) => repo.findByIdentitiesLater(trx, identities),
    prepareProfile: (input: CustomerInput, source: string, now: Date, fieldPrefix = '') =>
      prepareProfile(input, { stores, defaultRegion: deps.defaultRegion, source, now, timeZone: deps.timeZone }, fieldPrefix),
    lockCustomers: repo.lockCustomers,
    requireActive: (trx: Db | Tx, id: string, options?: { forUpdate?: boolean }) => requireActive(trx, id, options),

    /**
     * The customer part of a merge: identities, profile gaps, tags and consent move to the
     * survivor. Null when `mergedId` was merged into this survivor already: a retry of the
     * merge (a client that lost the first answer), which changes nothing, so the workflow
     * answers it as the merge did. Merged into another customer, it is refused (409).
     */
    async absorb(trx: Tx, { survivorId, mergedId, now }: { survivorId: string; mergedId: string; now: Date }): Promise<{ identities: number } | null> {
      if (survivorId === mergedId) throw invalidField('from', say('customer.merge_into_itself'));
      // The lock casts the ids to uuid: an id that is none is an unknown customer, not a 500.
      if (!isUuid(survivorId)) throw notFound(say('customer.not_found', { id: survivorId }));
      // Two requests for one merge take turns here; the second reads the first's outcome.
      await repo.lockCustomers(trx, [survivorId, mergedId]);
      const mergedRow = await repo.findById(trx, mergedId);
      // A merge sent again is a replay before anything else: the survivor may have been
      // merged into a third customer since, which does not undo this merge.
      if (mergedRow?.status === 'merged' && mergedRow.merged_into === survivorId) return null;
      const survivor = await requireActive(trx, survivorId);
      if (mergedRow?.status === 'merged') throw conflict(say('customer.merged_elsewhere', { id: mergedId, survivor: String(mergedRow.merged_into), target: survivorId }));
      const merged = activeRow(mergedId, mergedRow);
      const fill = <K extends keyof repo.CustomerRow>(key: K) => survivor[key] ?? merged[key];
      // Both consent logs move to the survivor: per channel the later decision stands, so
      // the current consent stays the log's latest entry (a withdrawal is never undone).
      const consent = latestConsent(survivor.consent, merged.consent);
      const next = {
        external_id: fill('external_id'), email: fill('email'), phone: fill('phone'),
        first_name: fill('first_name'), last_name: fill('last_name'), birthday: fill('birthday'),
        language: fill('language'), time_zone: fill('time_zone'), home_store_id: fill('home_store_id'),
      };
      await trx
        .updateTable('customers')
        .set(
          withFields(next, {
            tags: [...new Set([...survivor.tags, ...merged.tags])],
            attributes: JSON.stringify({ ...merged.attributes, ...survivor.attributes }),
            consent: JSON.stringify(consent),
            search_text: searchTextOf(next),
            updated_at: now,
          }),
        )
        .where('id', '=', survivorId)
        .execute();
      const identities = await repo.moveIdentities(trx, mergedId, survivorId);
      await trx.insertInto('consent_log')
        .columns(['customer_id', 'id', 'channel', 'status', 'source', 'recorded_at'])
        .expression((eb) => eb.selectFrom('consent_log').select([eb.val(survivorId).as('customer_id'), eb.fn('gen_random_uuid').as('id'), 'channel', 'status', 'source', 'recorded_at']).where('customer_id', '=', mergedId))
        .execute();
      await trx.deleteFrom('consent_log').where('customer_id', '=', mergedId).execute();
      await trx
        .updateTable('customers')
        .set({ status: 'merged', merged_into: survivorId, search_text: '', updated_at: now })
        .where('id', '=', mergedId)
        .execute();
      return { identities };
    },

    /** The customer part of an erasure: personal data gone, the row kept as an anonymous stub; answers how many customers merged into it went with it. */
    async anonymize(trx: Tx, { customerId, now }: { customerId: string; now: Date }) {
      await requireActive(trx, customerId, { forUpdate: true });
      await trx.deleteFrom('customer_identities').where('customer_id', '=', customerId).execute();
      await trx.deleteFrom('consent_log').where('customer_id', '=', customerId).execute();
      await trx.updateTable('customers').set(withFields(NO_PERSONAL_DATA, { status: 'erased' as const, erased_at: now, updated_at: now })).where('id', '=', customerId).execute();
      // The customers merged into this one (and into those) are the same person: a merge
      // leaves their rows as stubs with the profile they had, which no request can reach
      // (they answer 404, so cannot be erased themselves). Their personal data goes too, and the
      // identities their merges recorded as moved (repo.moveIdentities); the stubs stay merged,
      // so their ids still lead to the survivor's erased row.
      await trx.deleteFrom('customer_merged_identities').where(sql<boolean>`customer_id IN ${repo.personIdsQuery(customerId)}`).execute();
      const merged = await trx.updateTable('customers').set(withFields(NO_PERSONAL_DATA, { updated_at: now }))
        .where(sql<boolean>`id IN ${repo.personIdsQuery(customerId)}`).where('id', '<>', customerId).executeTakeFirst();
      return { merged_customers_erased: Number(merged.numUpdatedRows) };
    },

    /** The customer merged into this active one from whom a merge moved the identity `text` names (email, phone, card), into whom and when (repo.mergedHolding); undefined for none. */
    async mergedHolding(survivorId: string, text: string) {
      const identity = exactIdentity(text.trim(), deps.defaultRegion);
      return (await requireActive(db, survivorId)) && identity ? repo.mergedHolding(db, survivorId, identity) : undefined;
    },

    /** Everything stored about the person in this module, for a data-access request. */
    async exportPart(customerId: string) {
      const row = await requireActive(db, customerId);
      const consentLog = await db.selectFrom('consent_log').select(['channel', 'status', 'source', 'recorded_at']).where('customer_id', '=', customerId).orderBy('recorded_at').execute();
      const [profile] = await views(db, [row]);
      return { profile, consent_log: consentLog };
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;

/** A query that is exactly an email, phone number or card id looks the identity up. */
function exactIdentity(query: string, defaultRegion?: string): Identity | undefined {
  if (query.includes('@')) return { kind: 'email', value: normalizeEmail(query) };
  if (/^\+?[\d\s()-]{6,}$/.test(query)) {
    const phone = normalizePhone(query, defaultRegion);
    if (phone) return { kind: 'phone', value: phone };
  }
  if (/^\S+$/.test(query)) return { kind: 'external_id', value: query };
  return undefined;
}

/** The customers' own orders: when the record was written (the default, newest first), and the name as the list shows it. */
const OWN_ORDERS: Record<'created_at' | 'name', CustomerOrder> = {
  created_at: { key: sql`c.created_at`, type: 'timestamptz', nullable: false },
  // First name then last name, as displayName writes it, without regard to case; a customer
  // without a name (the list names them by email or phone) has no key, so comes last.
  // (Written as migration 0026's index customers_by_name has it.)
  name: { key: sql`NULLIF(lower(btrim(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, ''))), '')`, type: 'text', nullable: true },
};

/** A time as a cursor writes it (the list's sort_key, or toISOString in a cursor from before sorting). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A cursor's key, checked to be a value of the order's type (a hand-made one must not become a database error). */
function keyOfCursor(cursor: ListCursor, order: CustomerOrder): { value: string | null; id: string } {
  const { value, id } = cursor;
  const fits = value === null
    ? order.nullable
    : order.type === 'bigint' ? /^-?\d{1,18}$/.test(value) : order.type === 'timestamptz' ? INSTANT.test(value) && !Number.isNaN(Date.parse(value)) : true;
  if (!fits) throw invalidField('cursor', say('cursor.not_ours'));
  return { value, id };
}
