import type { Tx } from '../../db/index.ts';
import { newId } from '../../shared/ids.ts';
import { IdentityOwners, namedCustomer, searchTextOf, type Identity } from './customer.ts';
import { applyConsent, consentLogRows, type PreparedProfile } from './customer.profile.ts';
import * as repo from './customer.repository.ts';

// Set-based identity resolution: a batch of purchases names its customers by any
// identity; known ones are found in one query, unknown ones are created in one insert.
// Each claim is resolved as its own request would be (namedCustomer, the one rule of every
// way customers arrive), in the batch's order, seeing the customers the claims before it
// created: two purchases of a new customer in one batch create one customer, not two, and
// a phone shared with someone of another email (sharedPhone) names no one in a batch either.
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
export async function resolveCustomers(trx: Tx, claims: CustomerClaim[], { now, owners }: { now: Date; owners?: IdentityOwners }): Promise<Resolution[]> {
  const known = owners ?? (await repo.findByIdentities(trx, claims.flatMap((c) => c.identities), { lock: true }));
  // The holders as the batch goes: the stored ones, then those the claims before added.
  const held = new IdentityOwners(known);
  for (const id of known.withEmail) held.withEmail.add(id);

  const results: Resolution[] = [];
  const rows: repo.NewCustomerRow[] = [];
  const newIdentities: { customer_id: string; kind: Identity['kind']; value: string }[] = [];
  const consentRows: ReturnType<typeof consentLogRows> = [];
  for (const claim of claims) {
    let customerId = namedCustomer(claim.identities, held);
    const isNew = !customerId;
    if (!customerId) {
      const row = newCustomerRow(claim, now);
      rows.push(row);
      customerId = row.id;
      if (claim.profile) consentRows.push(...consentLogRows(row.id, claim.profile.consentChanges, now));
    }
    for (const identity of claim.identities) {
      const key = `${identity.kind}:${identity.value}`;
      if (held.has(key)) continue; // held already, possibly by another customer (a shared phone stays its holder's)
      held.set(key, customerId);
      if (identity.kind === 'email') held.withEmail.add(customerId);
      newIdentities.push({ customer_id: customerId, ...identity });
    }
    results.push({ customerId, created: isNew });
  }

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
