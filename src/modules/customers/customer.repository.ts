import { sql, type RawBuilder } from 'kysely';
import type { Selectable } from 'kysely';
import { readLater, sendLater, type CustomersTable, type Db, type Tx } from '../../db/index.ts';
import { outboxInsert, type OutgoingEvent } from '../../jobs/outbox.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { CustomerOrder } from './customer-order.ts';
import { customerNotFound, IdentityOwners, type Identity, type IdentityKind } from './customer.ts';

// SQL for customers. Functions take the connection or transaction to run on.

/** A customer as read (everything but the search column). */
export type CustomerRow = Omit<Selectable<CustomersTable>, 'search_text'>;

const COLUMNS = [
  'id', 'external_id', 'email', 'phone', 'first_name', 'last_name', 'birthday', 'language', 'time_zone',
  'home_store_id', 'tags', 'attributes', 'consent', 'status', 'merged_into', 'created_at', 'updated_at', 'erased_at',
] as const;

export async function findById(db: Db | Tx, id: string, { forUpdate = false } = {}): Promise<CustomerRow | undefined> {
  let query = db.selectFrom('customers').select(COLUMNS).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as CustomerRow | undefined;
}

/** When the customer `id` was merged into `into` (the merge's record; undefined for one recorded by no merge of this product's). */
export async function mergedAt(db: Db | Tx, id: string, into: string): Promise<Date | undefined> {
  const row = await db.selectFrom('customer_merges').select('merged_at').where('merged_id', '=', id).where('survivor_id', '=', into)
    .orderBy('merged_at', 'desc').limit(1).executeTakeFirst();
  return row?.merged_at;
}

/** Locks customers' rows, in id order, for the rest of the transaction. */
export async function lockCustomers(trx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  // The status of each row locked, as it is now, for a caller that acts on it (a refund of an erased customer's purchase).
  const { rows } = await sql<{ id: string; status: string }>`SELECT id, status FROM customers WHERE id = ANY(${[...new Set(ids)].sort()}::uuid[]) ORDER BY id FOR UPDATE`.execute(trx);
  return new Map(rows.map((r) => [r.id, r.status]));
}

/**
 * Maps each known identity (`kind:value`) to its customer. With `lock`, the customers found
 * are also row-locked, in id order, for the rest of the transaction (one round trip
 * instead of two on the purchase path).
 */
export async function findByIdentities(db: Db | Tx, identities: Identity[], { lock = false } = {}): Promise<IdentityOwners> {
  if (identities.length === 0) return new IdentityOwners();
  const { rows } = await ownersQuery(identities, lock).execute(db);
  return ownersByIdentity(lock ? activeOwners(rows) : rows);
}

/** findByIdentities with `lock`, sent with the transaction's next statement (pipeline.ts). */
export async function findByIdentitiesLater(trx: Tx, identities: Identity[]): Promise<{ owners(): Promise<IdentityOwners> }> {
  if (identities.length === 0) return { owners: async () => new IdentityOwners() };
  const read = await readLater(trx, ownersQuery(identities, true));
  return { owners: async () => ownersByIdentity(activeOwners(await read.rows())) };
}

type OwnerRow = { kind: IdentityKind; value: string; customer_id: string; has_email: boolean | null; status?: string };

/**
 * Thrown when a customer found by identity was merged or erased by a transaction that held
 * the customer's lock while this one waited for it: the rows read before the wait still
 * name that customer, whose identities have moved to the survivor (or are gone). Running
 * the transaction again finds the identities where they are now. The purchase path does
 * (record-purchases.ts); elsewhere the caller answers 409 and the client sends it again.
 */
export class CustomerChangedMeanwhile extends AppError {
  readonly retryable = true;
  constructor(customerId: string, status: string) {
    super('conflict', `Customer ${customerId} was ${status} while this request was being written; send it again`);
  }
}

/** Locked owners as read; a customer no longer active is one a merge or an erasure changed while this transaction waited for its lock. */
function activeOwners(rows: OwnerRow[]): OwnerRow[] {
  const changed = rows.find((r) => r.status !== 'active');
  if (changed) throw new CustomerChangedMeanwhile(changed.customer_id, changed.status!);
  return rows;
}

/** `customer_identities i`, the rows of these identities: what every read by identity starts from. */
function identitiesMatching(identities: Identity[]) {
  return sql`customer_identities i
        JOIN unnest(${identities.map((i) => i.kind)}::text[], ${identities.map((i) => i.value)}::text[]) AS q(kind, value)
          ON i.kind = q.kind AND i.value = q.value`;
}

/** A subquery: the ids of the customers who own these identities (for another module's statement, such as the loyalty members' read). */
export function ownerIdsQuery(identities: Identity[]) {
  return sql<{ customer_id: string }>`SELECT DISTINCT i.customer_id FROM ${identitiesMatching(identities)}`;
}

/**
 * A sub-query, `(SELECT id …)`: the customer and every customer merged into it, directly or
 * through other merges — one person's ids. `customer` is an id, or a column of the
 * statement it goes into (then correlated, one person per outer row).
 */
export function personIdsQuery(customer: string | RawBuilder<unknown>) {
  const seed = typeof customer === 'string' ? sql`${customer}::uuid` : customer;
  return sql<{ id: string }>`(WITH RECURSIVE person(id) AS (
    SELECT ${seed} UNION SELECT c.id FROM customers c JOIN person p ON c.merged_into = p.id
  ) SELECT id FROM person)`;
}

/**
 * A sub-query, `(SELECT person, id, created_at …)`: for each of `roots` (a FROM item of one
 * column of customer ids: `unnest(…)`, a parenthesized SELECT), a row for every customer
 * merged into it, directly or through other merges, with when that one was recorded — the
 * rest of personIdsQuery's person, for many people in one recursion (a correlated
 * personIdsQuery would walk each one's merges apart). A root nobody was merged into has no row.
 */
export function mergedIntoQuery(roots: RawBuilder<unknown>) {
  return sql<{ person: string; id: string; created_at: Date }>`(WITH RECURSIVE merged(person, id, created_at) AS (
    SELECT r.id, c.id, c.created_at FROM ${roots} AS r(id) JOIN customers c ON c.merged_into = r.id
    UNION SELECT m.person, c.id, c.created_at FROM customers c JOIN merged m ON c.merged_into = m.id
  ) SELECT person, id, created_at FROM merged)`;
}

/**
 * Moves the merged customer's identities to the survivor, recording each as moved by this
 * merge (migration 0032): mergedHolding reads them, the merged row keeping only one card,
 * email and phone. Answers how many moved.
 */
export async function moveIdentities(trx: Tx, mergedId: string, survivorId: string): Promise<number> {
  await trx.insertInto('customer_merged_identities').columns(['kind', 'value', 'customer_id'])
    .expression((eb) => eb.selectFrom('customer_identities').select(['kind', 'value', 'customer_id']).where('customer_id', '=', mergedId))
    .onConflict((oc) => oc.doNothing()).execute();
  const moved = await trx.updateTable('customer_identities').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/**
 * The customer merged into `survivorId` (directly or through other merges) that brought
 * `identity`: the merge recorded it as moved from that customer (moveIdentities), so it tells
 * an identity the survivor got by a merge from one that was theirs anyway. An identity moved
 * on by later merges (the survivor of the first merged into a third) is recorded for each;
 * the one that held it before any merge is named, the one no merge brought it to. With when
 * it was merged into whom. Undefined for none.
 */
export async function mergedHolding(db: Db | Tx, survivorId: string, identity: Identity): Promise<{ id: string; merged_into: string; merged_at: Date } | undefined> {
  const { rows: [row] } = await sql<{ id: string; merged_into: string | null; updated_at: Date }>`
    SELECT c.id, c.merged_into, c.updated_at
      FROM customer_merged_identities m JOIN customers c ON c.id = m.customer_id
     WHERE m.kind = ${identity.kind} AND m.value = ${identity.value} AND c.status = 'merged' AND c.id IN ${personIdsQuery(survivorId)}
       AND NOT EXISTS (SELECT 1 FROM customer_merged_identities b JOIN customers bc ON bc.id = b.customer_id
                        WHERE b.kind = m.kind AND b.value = m.value AND bc.merged_into = c.id)
     ORDER BY c.updated_at DESC LIMIT 1`.execute(db);
  if (!row?.merged_into) return undefined;
  // The merge's record says when; a merge recorded by no merge of this product's, the row's last change.
  return { id: row.id, merged_into: row.merged_into, merged_at: (await mergedAt(db, row.id, row.merged_into)) ?? row.updated_at };
}

const MAX_HOPS = 100;

/**
 * CTEs `chain` and `ends` of a WITH RECURSIVE: from each `from` id, its merged_into links
 * to where they end (an active or erased customer); `ends` has a row (start, id, status)
 * per start. For another module's statement too (the loyalty writers lock the ends).
 */
export function mergeChainEnds(starts: string[], froms: string[]) {
  return sql`chain(start, id, status, merged_into, depth) AS (
      SELECT q.start, c.id, c.status, c.merged_into, 0
      FROM unnest(${starts}::uuid[], ${froms}::uuid[]) AS q(start, from_id)
      JOIN customers c ON c.id = q.from_id
      UNION ALL
      SELECT ch.start, c.id, c.status, c.merged_into, ch.depth + 1
      FROM chain ch JOIN customers c ON c.id = ch.merged_into
      WHERE ch.status = 'merged' AND ch.depth < ${MAX_HOPS}
    ), ends AS (
      SELECT DISTINCT ON (start) start, id, status FROM chain ORDER BY start, depth DESC
    )`;
}

/**
 * The customer whose records a read given `id` shows (the purchases, scores,
 * recommendations, loyalty account of a till or an app that may hold an id from before a
 * merge): an id merged into another stands for where its chain ends (the survivor, or the
 * survivor's erased row, so `status` says which); any other customer's id is answered as
 * given. A 404 for an id of no customer. `known`: the id's row (status, merged_into) as the
 * caller already read it, so only a merged id costs a look-up more, the rest of its chain
 * in one statement. Not locked: a read shows what is committed.
 */
export async function customerToRead(db: Db | Tx, id: string, known?: { status: string; merged_into: string | null; erased_at?: Date | null }): Promise<{ id: string; status: string; erasedAt?: Date | null }> {
  const row = known ?? (isUuid(id) ? await db.selectFrom('customers').select(['status', 'merged_into', 'erased_at']).where('id', '=', id).executeTakeFirst() : undefined);
  if (!row) throw customerNotFound(id);
  // An erased id's own row says when (customerNotFound); the end of a merged id's chain need not.
  if (row.status !== 'merged' || !row.merged_into) return { id, status: row.status, erasedAt: row.erased_at };
  // From the id itself: a chain whose next link is missing ends at its last row.
  const { rows } = await sql<{ id: string; status: string }>`WITH RECURSIVE ${mergeChainEnds([id], [id])} SELECT id, status FROM ends`.execute(db);
  return rows[0];
}

function ownersQuery(identities: Identity[], lock: boolean) {
  // Whether a phone's holder has an email (customer.ts, sharedPhone): read with the holder, by
  // the identities' index on customer_id, so telling a shared phone costs no statement more.
  const hasEmail = sql`CASE WHEN i.kind = 'phone' THEN EXISTS (SELECT 1 FROM customer_identities e WHERE e.customer_id = i.customer_id AND e.kind = 'email') END AS has_email`;
  return lock
    ? // After waiting for a lock, FOR UPDATE returns the customer's row as it is now (its
      // status), joined to the identity rows as they were before the wait.
      sql<OwnerRow>`
        SELECT i.kind, i.value, i.customer_id, ${hasEmail}, c.status
        FROM ${identitiesMatching(identities)}
        JOIN customers c ON c.id = i.customer_id
        ORDER BY c.id
        FOR UPDATE OF c`
    : sql<OwnerRow>`SELECT i.kind, i.value, i.customer_id, ${hasEmail} FROM ${identitiesMatching(identities)}`;
}

function ownersByIdentity(rows: OwnerRow[]): IdentityOwners {
  const owners = new IdentityOwners(rows.map((row) => [`${row.kind}:${row.value}`, row.customer_id]));
  for (const row of rows) if (row.has_email || row.kind === 'email') owners.withEmail.add(row.customer_id);
  return owners;
}

/** Each customer's identities, by kind and value, for all of them in one statement. */
export async function identitiesOfMany(db: Db | Tx, customerIds: string[]): Promise<Map<string, Identity[]>> {
  const out = new Map<string, Identity[]>(customerIds.map((id) => [id, []]));
  if (customerIds.length === 0) return out;
  const rows = await db
    .selectFrom('customer_identities')
    .select(['customer_id', 'kind', 'value'])
    .where('customer_id', 'in', customerIds)
    .orderBy('kind')
    .orderBy('value')
    .execute();
  for (const r of rows) out.get(r.customer_id)?.push({ kind: r.kind, value: r.value });
  return out;
}

/**
 * A new customer as insertCustomers sends it (as JSON: attributes and consent go as objects):
 * every column but those the statement sets (status, updated_at) and those only a merge or
 * an erasure sets. A column added to customers lands here, so newCustomerRow must fill it;
 * insertCustomers' column lists name it by hand.
 */
export type NewCustomerRow = Omit<Selectable<CustomersTable>, 'status' | 'updated_at' | 'merged_into' | 'erased_at'>;

/**
 * New customers, their identities, their consent log and the events announcing them, in
 * one statement (one JSON parameter each): on the purchase path every round trip counts.
 */
export async function insertCustomers(
  trx: Tx,
  rows: NewCustomerRow[],
  identities: { customer_id: string; kind: IdentityKind; value: string }[],
  { consent = [], events = [] }: { consent?: ConsentLogRow[]; events?: OutgoingEvent[] } = {},
): Promise<void> {
  if (rows.length === 0 && identities.length === 0) return;
  const consentPart = consent.length
    ? sql`, new_consent AS (
        INSERT INTO consent_log (customer_id, id, channel, status, source, recorded_at)
        SELECT customer_id, id, channel, status, source, recorded_at
        FROM json_to_recordset(${JSON.stringify(consent)}::json) AS t(customer_id uuid, id uuid, channel text, status text, source text, recorded_at timestamptz)
      )`
    : sql``;
  const eventsPart = events.length ? sql`, events_out AS (${outboxInsert(events)})` : sql``;
  // Nothing is read back: the statement goes out with the transaction's next one (pipeline.ts).
  await sendLater(trx, sql`
    WITH new_customers AS (
      INSERT INTO customers (id, external_id, email, phone, first_name, last_name, birthday, language, time_zone,
                             home_store_id, tags, attributes, consent, search_text, status, created_at, updated_at)
      SELECT id, external_id, email, phone, first_name, last_name, birthday, language, time_zone,
             home_store_id, COALESCE(tags, '{}'), attributes, consent, search_text, 'active', created_at, created_at
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(id uuid, external_id text, email text, phone text,
        first_name text, last_name text, birthday date, language text, time_zone text, home_store_id uuid, tags text[],
        attributes jsonb, consent jsonb, search_text text, created_at timestamptz)
    ), new_identities AS (
      INSERT INTO customer_identities (kind, value, customer_id)
      SELECT kind, value, customer_id FROM json_to_recordset(${JSON.stringify(identities)}::json) AS t(kind text, value text, customer_id uuid)
      ON CONFLICT (kind, value) DO NOTHING
    )${consentPart}${eventsPart}
    SELECT 1`);
}

/** Adds identities; one already owned by any customer is left where it is. */
export async function attachIdentities(trx: Tx, rows: { customer_id: string; kind: IdentityKind; value: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await trx
      .insertInto('customer_identities')
      .values(rows.slice(i, i + 5000))
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
  }
}

export interface ConsentLogRow {
  customer_id: string;
  id: string;
  channel: 'email' | 'sms';
  status: 'granted' | 'withdrawn';
  source: string;
  recorded_at: Date;
}

export async function insertConsentLog(trx: Tx, rows: ConsentLogRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await trx.insertInto('consent_log').values(rows.slice(i, i + 5000)).execute();
}

export interface ListFilter {
  query?: string;
  identity?: Identity;
  tag?: string;
  language?: string;
  storeId?: string;
  consent?: 'email' | 'sms';
  limit: number;
  order: CustomerOrder;
  descending: boolean;
  /** The last customer of the page before: its key as text (customer-order.ts), and id. */
  after?: { value: string | null; id: string };
}

/** A customer of the list, with the key it is sorted by, as text (for the next page's cursor). */
export type ListedRow = CustomerRow & { sort_key: string | null };

/**
 * A page of active customers in `order`, keyset-paginated on (key, id): ties by id in the
 * key's direction, customers without a key after all others (in either direction), by id,
 * so paging through gives each customer once.
 *
 * Read in two parts, each a plain ordered range an index can serve (migration 0026): the
 * customers with a key from the cursor on, then — when the page is not full yet — those
 * without one. One statement ordering both (`NULLS LAST`, a cursor condition with an OR)
 * would sort every customer for every page.
 */
export async function list(db: Db, filter: ListFilter): Promise<ListedRow[]> {
  const { order, descending, after, limit } = filter;
  const where = filtersOf(filter);
  const direction = sql.raw(descending ? 'DESC' : 'ASC');
  const beyond = sql.raw(descending ? '<' : '>');
  const tie = order.tie ?? sql`c.id`;
  // The key as text, exact to the microsecond for a time (a JavaScript Date keeps milliseconds).
  const keyText = order.type === 'timestamptz' ? sql`to_char(${order.key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sql`(${order.key})::text`;
  const read = async (conditions: RawBuilder<unknown>[], orderBy: RawBuilder<unknown>, count: number) => (await sql<ListedRow>`
    SELECT ${sql.join(COLUMNS.map((column) => sql.ref(`c.${column}`)))}, ${keyText} AS sort_key
    FROM customers c ${order.join ?? sql``}
    WHERE ${sql.join([...where, ...conditions], sql` AND `)}
    ORDER BY ${orderBy}
    LIMIT ${count}`.execute(db)).rows;

  const rows: ListedRow[] = [];
  if (!after || after.value !== null) {
    const keyed = [sql`${order.key} IS NOT NULL`];
    if (after) keyed.push(sql`(${order.key}, ${tie}) ${beyond} (${after.value}::${sql.raw(order.type)}, ${after.id}::uuid)`);
    rows.push(...(await read(keyed, sql`${order.key} ${direction}, ${tie} ${direction}`, limit)));
  }
  if (order.nullable && rows.length < limit) {
    const unkeyed = [sql`${order.key} IS NULL`];
    if (after?.value === null) unkeyed.push(sql`c.id ${beyond} ${after.id}::uuid`);
    rows.push(...(await read(unkeyed, sql`c.id ${direction}`, limit - rows.length)));
  }
  return rows;
}

/** The list's filters, as conditions on `customers c`. */
function filtersOf(filter: ListFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`c.status = 'active'`];
  if (filter.identity) {
    const { kind, value } = filter.identity;
    where.push(sql`c.id IN (SELECT customer_id FROM customer_identities WHERE kind = ${kind} AND value = ${value})`);
  } else if (filter.query) {
    const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
    for (const word of words) where.push(sql`c.search_text LIKE ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  if (filter.tag) where.push(sql`${filter.tag} = ANY(c.tags)`);
  if (filter.language) where.push(sql`c.language = ${filter.language}`);
  if (filter.storeId) where.push(sql`c.home_store_id = ${filter.storeId}`);
  if (filter.consent) where.push(sql`c.consent -> ${filter.consent} ->> 'status' = 'granted'`);
  return where;
}
