import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';

// The activity log's one query: entries newest first, a page at a time, each filter an
// index range of migration 0023 — the family of actions by the expression the index is
// on (split_part written as a literal, so the planner matches it), the actor and the
// subject by their own indexes, the time by (at, id).

export interface AuditRow {
  id: number;
  /** The instant as the database holds it, to the microsecond (the cursor's key). */
  at_exact: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  action?: { family: string; exact?: string; prefix?: string };
  actor?: string;
  subject?: string;
  since?: Date;
  until?: Date;
  after?: { at: string; id: number };
  limit: number;
}

/** `%` and `_` are LIKE's wildcards and `\` its escape: a prefix is matched as written. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listEntries(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'subject', 'details'])
    .select(sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_exact'));
  if (f.action) {
    query = query.where(sql<boolean>`split_part(action, '.', 1) = ${f.action.family}`);
    if (f.action.exact) query = query.where('action', '=', f.action.exact);
    if (f.action.prefix) query = query.where('action', 'like', likePrefix(f.action.prefix));
  }
  if (f.actor !== undefined) query = query.where('actor', '=', f.actor);
  if (f.subject !== undefined) query = query.where('subject', '=', f.subject);
  if (f.since) query = query.where('at', '>=', f.since);
  if (f.until) query = query.where('at', '<', f.until);
  if (f.after) query = query.where(sql<boolean>`(at, id) < (${f.after.at}::timestamptz, ${f.after.id}::bigint)`);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ id: Number(r.id), at_exact: r.at_exact, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: (r.details ?? {}) as Record<string, unknown> }));
}

/**
 * The names of the customers a page's entries are about, as the gift cards' list names a
 * card's holder: first and last name, else email; an erased customer has none left.
 */
export async function customerNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'first_name', 'last_name', 'email', 'status']).where('id', 'in', [...new Set(ids)]).execute();
  const names = new Map<string, string>();
  for (const c of rows) {
    const name = c.status === 'erased' ? '' : [c.first_name, c.last_name].filter(Boolean).join(' ') || (c.email ?? '');
    if (name) names.set(c.id, name);
  }
  return names;
}
