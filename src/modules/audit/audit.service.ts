import type { Db } from '../../db/index.ts';
import { instantOf } from '../../shared/clock.ts';
import { invalidField } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { say } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import { actionFilter, actorParts, decodeCursor, encodeCursor, subjectTypeOf, type ActorKind, type SubjectType } from './audit.ts';
import { AuditQuery } from './audit.schema.ts';
import { customerNames, listEntries, type AuditRow } from './audit.repository.ts';

// The activity log as an owner reads it (GET /audit, the dashboard's Settings → Activity):
// who did what to what, newest first. An actor is recorded by name (user:<email>,
// key:<name>); the staff user or key it names is looked up in the directory the
// composition gives (auth's users and keys, webhooks' endpoints: small tables, this
// module reads none of them itself), so an entry says whose name a user has now and
// whether the key was revoked since. A customer an entry is about is named as the gift
// cards' list names one (an erased customer no longer has a name).

/** The small lists the entries' names are found in (services.ts gives auth's and webhooks'). */
export interface AuditDirectory {
  users(): Promise<readonly { email: string; name: string | null; role: string; disabled_at: Date | null }[]>;
  apiKeys(): Promise<readonly { id: string; name: string; prefix: string; revoked_at: Date | null }[]>;
  webhooks(): Promise<readonly { id: string; url: string }[]>;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  by: {
    kind: ActorKind;
    name: string;
    user: { email: string; name: string | null; role: string; active: boolean } | null;
    key: { id: string; prefix: string; revoked_at: Date | null } | null;
  };
  action: string;
  subject: string | null;
  subject_type: SubjectType | null;
  subject_name: string | null;
  details: Record<string, unknown>;
}

export function createAuditService({ db, timeZone, directory }: { db: Db; timeZone: string; directory: AuditDirectory }) {
  /** The directory's lists this page's entries need, each read once (none for a page of imports). */
  async function namesFor(rows: readonly AuditRow[]) {
    const kinds = new Set(rows.map((r) => actorParts(r.actor).kind));
    const types = new Set(rows.map((r) => subjectTypeOf(r.action)));
    const customerIds = rows.filter((r) => subjectTypeOf(r.action) === 'customer' && r.subject !== null && isUuid(r.subject)).map((r) => r.subject!);
    const [users, keys, webhooks, customers] = await Promise.all([
      kinds.has('user') ? directory.users() : [],
      kinds.has('key') || types.has('api_key') ? directory.apiKeys() : [],
      types.has('webhook') ? directory.webhooks() : [],
      customerNames(db, customerIds),
    ]);
    // A key's name need not be unique: an actor names the key only when one key has it.
    const keysByName = new Map<string, (typeof keys)[number] | null>();
    for (const k of keys) keysByName.set(k.name, keysByName.has(k.name) ? null : k);
    return {
      user: (email: string) => users.find((u) => u.email === email.toLowerCase()),
      keyNamed: (name: string) => keysByName.get(name) ?? undefined,
      keyById: (id: string) => keys.find((k) => k.id === id),
      webhook: (id: string) => webhooks.find((w) => w.id === id),
      customer: (id: string) => customers.get(id),
    };
  }

  function entryOf(r: AuditRow, names: Awaited<ReturnType<typeof namesFor>>): AuditEntry {
    const { kind, name } = actorParts(r.actor);
    const user = kind === 'user' ? names.user(name) : undefined;
    const key = kind === 'key' ? names.keyNamed(name) : undefined;
    const subjectType = subjectTypeOf(r.action);
    // A customer, a key's revocation and a webhook's removal are recorded by id: a name, and a URL, are what a reader knows them by.
    const subjectName = r.subject === null || !isUuid(r.subject) ? null
      : subjectType === 'customer' ? (names.customer(r.subject) ?? null)
      : subjectType === 'api_key' ? (names.keyById(r.subject)?.name ?? null)
      : subjectType === 'webhook' ? (names.webhook(r.subject)?.url ?? null)
      : null;
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      by: {
        kind,
        name,
        user: user ? { email: user.email, name: user.name, role: user.role, active: user.disabled_at === null } : null,
        key: key ? { id: key.id, prefix: key.prefix, revoked_at: key.revoked_at } : null,
      },
      action: r.action,
      subject: r.subject,
      subject_type: subjectType,
      subject_name: subjectName,
      details: r.details,
    };
  }

  return {
    /** A page of the activity log, newest first, filtered (AuditQuery); next_cursor gives the next page. */
    async list(query: unknown): Promise<{ items: AuditEntry[]; next_cursor: string | null }> {
      const q = parseInput(AuditQuery, query ?? {}, 'query');
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      const since = q.since ? instantOf(q.since, timeZone) : undefined;
      const until = q.until ? instantOf(q.until, timeZone) : undefined;
      if (since && until && since.getTime() >= until.getTime()) throw invalidField('since', say('audit.since_before_until'));
      const rows = await listEntries(db, {
        action: q.action ? actionFilter(q.action) : undefined,
        actor: q.actor,
        subject: q.subject,
        since,
        until,
        after,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const names = await namesFor(page);
      const last = page[page.length - 1];
      return { items: page.map((r) => entryOf(r, names)), next_cursor: rows.length > q.limit && last ? encodeCursor(last.at_exact, last.id) : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
