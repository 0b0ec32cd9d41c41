import type { Tx } from '../../db/index.ts';
import { newId } from '../../shared/ids.ts';
import { IDENTITY_PRECEDENCE, searchTextOf, type Identity } from './customer.ts';
import { applyConsent, consentLogRows, type PreparedProfile } from './customer.profile.ts';
import * as repo from './customer.repository.ts';

// Set-based identity resolution: a batch of purchases names its customers by any
// identity; known ones are found in one query, unknown ones are created in one insert.
// Claims in the batch that share an identity are the same person, so two purchases of a
// new customer in one batch create one customer, not two.
//
// The caller holds advisory locks on every identity key (lockKeys), so two transactions
// cannot create the same new customer twice. Known customers come back row-locked, so
// the caller can update their read models without another writer in between.

export interface CustomerClaim {
  identities: Identity[];
  /** Profile for a customer created by this claim; ignored for a known customer. */
  profile?: PreparedProfile;
}

export interface Resolution {
  customerId: string;
  created: boolean;
}

/**
 * `owners`: the owners of (at least) the claims' identities, read and row-locked by the
 * caller under the same identity locks (findByIdentitiesLater); read here when absent.
 */
export async function resolveCustomers(trx: Tx, claims: CustomerClaim[], { now, owners }: { now: Date; owners?: Map<string, string> }): Promise<Resolution[]> {
  const keyOf = (i: Identity) => `${i.kind}:${i.value}`;
  const known = owners ?? (await repo.findByIdentities(trx, claims.flatMap((c) => c.identities), { lock: true }));

  // Union-find over claims: claims sharing any identity end up in one group.
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstClaimOf = new Map<string, number>();
  claims.forEach((claim, i) => {
    for (const identity of claim.identities) {
      const key = keyOf(identity);
      const other = firstClaimOf.get(key);
      if (other === undefined) firstClaimOf.set(key, i);
      else parent[find(i)] = find(other);
    }
  });

  const ownCustomer = claims.map((claim) => {
    for (const kind of IDENTITY_PRECEDENCE) {
      const identity = claim.identities.find((i) => i.kind === kind);
      const owner = identity && known.get(keyOf(identity));
      if (owner) return owner;
    }
    return undefined;
  });
  const groupCustomer = new Map<number, string>();
  claims.forEach((_, i) => {
    const root = find(i);
    if (ownCustomer[i] && !groupCustomer.has(root)) groupCustomer.set(root, ownCustomer[i]!);
  });

  const results: Resolution[] = [];
  const created = new Map<number, repo.NewCustomerRow>();
  const newIdentities: { customer_id: string; kind: Identity['kind']; value: string }[] = [];
  const consentRows: ReturnType<typeof consentLogRows> = [];
  const claimed = new Set<string>(known.keys());
  claims.forEach((claim, i) => {
    const root = find(i);
    let customerId = ownCustomer[i] ?? groupCustomer.get(root);
    let isNew = false;
    if (!customerId) {
      const row = newCustomerRow(claim, now);
      created.set(root, row);
      groupCustomer.set(root, row.id);
      customerId = row.id;
      isNew = true;
      if (claim.profile) consentRows.push(...consentLogRows(row.id, claim.profile.consentChanges, now));
    }
    for (const identity of claim.identities) {
      const key = keyOf(identity);
      if (claimed.has(key)) continue; // owned already, possibly by another customer
      claimed.add(key);
      newIdentities.push({ customer_id: customerId, ...identity });
    }
    results.push({ customerId, created: isNew });
  });

  const rows = [...created.values()];
  await repo.insertCustomers(trx, rows, newIdentities, {
    consent: consentRows,
    events: rows.map((r) => ({ type: 'customer.created', customerId: r.id, payload: { customer_id: r.id } })),
  });
  return results;
}

function newCustomerRow(claim: CustomerClaim, now: Date): repo.NewCustomerRow {
  const identity = (kind: Identity['kind']) => claim.identities.find((i) => i.kind === kind)?.value ?? null;
  const fields = claim.profile?.fields ?? {};
  const row = {
    id: newId(),
    external_id: identity('external_id'),
    email: identity('email'),
    phone: identity('phone'),
    first_name: fields.first_name ?? null,
    last_name: fields.last_name ?? null,
    birthday: fields.birthday ?? null,
    language: fields.language ?? null,
    time_zone: fields.time_zone ?? null,
    home_store_id: fields.home_store_id ?? null,
    tags: fields.tags ?? [],
    attributes: fields.attributes ?? {},
    consent: applyConsent({}, claim.profile?.consentChanges ?? [], now),
    search_text: '',
    created_at: now,
  };
  row.search_text = searchTextOf(row);
  return row;
}
