import { timingSafeEqual } from 'node:crypto';
import { audit, lockKeys, type Actor, type Db, type Role } from '../../db/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, invalidField, notFound, unauthorized } from '../../shared/errors.ts';
import { newId, newSecret } from '../../shared/ids.ts';
import { say } from '../../shared/messages/index.ts';
import { sha256 } from '../../shared/hash.ts';
import { parseInput } from '../../shared/validation.ts';
import { ApiKeyInput, LoginInput, ROLE_SCOPES, UserChange, UserInput, type Scope } from './auth.schema.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';

// Staff users log in to the dashboard with a password and get a session cookie; programs
// use API keys. Both secrets are stored only as hashes: a stolen database opens nothing.
// API keys are long random strings, so one SHA-256 suffices; passwords get scrypt.

export interface Principal {
  kind: 'user' | 'key';
  id: string;
  name: string;
  role?: Role;
  scopes: Scope[];
  /** Present for session logins: writes must echo it (CSRF protection). */
  csrfToken?: string;
  language?: string;
}

const SESSION_DAYS = 14;
/** Compares two secrets in time independent of where they differ. */
const sameSecret = (given: string, expected: string) => timingSafeEqual(Buffer.from(sha256(given), 'hex'), Buffer.from(sha256(expected), 'hex'));

/** Who a command run on the server's machine acts as (db/lock.ts, cli/remote.ts): the operator, with every scope. */
const LOCAL_CLI: Principal = { kind: 'key', id: 'local-cli', name: 'command line on this machine', scopes: ['read', 'write', 'admin'] };

/** The `regulars` command on the server's own machine, acting through the server with the lock file's token. */
export const isLocalCli = (p: Principal): boolean => p.kind === LOCAL_CLI.kind && p.id === LOCAL_CLI.id;

/**
 * Who the activity log says did it: `user:<email>`, `key:<name>`, or `cli` — the command line,
 * whether it opened the database itself or went through the server beside it. Only the
 * principal made from the lock file's token is the command line (its id is no API key's:
 * those are UUIDs); an API key named "cli" is still `key:cli`, never the command line.
 */
export const actorOf = (p: Principal): Actor => (isLocalCli(p) ? 'cli' : `${p.kind}:${p.name}`);

/** Where a change came in, as a customer's consent log records it: the dashboard (a signed-in user), the command line, or the API. */
export const sourceOf = (p: Principal): 'dashboard' | 'cli' | 'api' => (p.kind === 'user' ? 'dashboard' : isLocalCli(p) ? 'cli' : 'api');

export function createAuthService({ db, clock, localCliToken }: { db: Db; clock: Clock; localCliToken?: string }) {
  // last_used_at is written at most once a minute per key, not on every request.
  const lastTouched = new Map<string, number>();
  // A verified key is remembered for a few seconds, so a POS sending thousands of
  // purchases does not cost a key lookup each. Revoking through this process forgets it
  // at once; a revocation made by another process takes effect within KEY_CACHE_MS.
  // One look-up per key at a time, started before the entry expires (the requests in
  // between use the entry still): when every entry expired at once, each of the tills'
  // requests in flight looked the key up itself: 32 look-ups at once every 10 s under the
  // API benchmark, each on a pooled connection of its own.
  const verified = new Map<string, { principal: Principal; until: number }>();
  const lookups = new Map<string, Promise<Principal | undefined>>();
  // Bumped by a revocation: a look-up that started before it does not remember its key.
  let revocations = 0;
  const KEY_CACHE_MS = 10_000;
  const KEY_REFRESH_MS = 2_000;

  async function lookUpApiKey(key: string): Promise<Principal | undefined> {
    const match = /^rk_([A-Za-z0-9]+)_([A-Za-z0-9_-]+)$/.exec(key);
    if (!match) return undefined;
    const generation = revocations;
    const row = await db.selectFrom('api_keys').select(['id', 'name', 'secret_hash', 'scopes', 'revoked_at']).where('prefix', '=', match[1]).executeTakeFirst();
    if (!row || row.revoked_at || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(sha256(match[2]), 'hex'))) {
      verified.delete(key);
      return undefined;
    }
    const now = clock.now().getTime();
    if ((lastTouched.get(row.id) ?? 0) < now - 60_000) {
      lastTouched.set(row.id, now);
      await db.updateTable('api_keys').set({ last_used_at: new Date(now) }).where('id', '=', row.id).execute();
    }
    const principal: Principal = { kind: 'key', id: row.id, name: row.name, scopes: row.scopes as Scope[] };
    if (generation === revocations) verified.set(key, { principal, until: Date.now() + KEY_CACHE_MS });
    return principal;
  }

  /** The key's look-up in flight, or a new one. */
  function lookUpOnce(key: string): Promise<Principal | undefined> {
    let lookup = lookups.get(key);
    if (!lookup) {
      lookup = lookUpApiKey(key).finally(() => lookups.delete(key));
      lookups.set(key, lookup);
    }
    return lookup;
  }

  return {
    async createUser(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(UserInput, input, 'user');
      const email = data.email.toLowerCase();
      const password = data.password ?? generatePassword();
      const exists = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (exists) throw conflict(say('auth.user_exists', { email }));
      const id = newId();
      const language = data.language ?? 'en';
      const now = clock.now();
      await db.insertInto('users').values({ id, email, name: data.name ?? null, role: data.role, password_hash: await hashPassword(password), language, created_at: now, last_login_at: null, disabled_at: null }).execute();
      await audit(db, { at: now, actor, action: 'user.create', subject: email, details: { role: data.role } });
      // The user as a login and the user list show it.
      return { user: { id, email, name: data.name ?? null, role: data.role, language }, password: data.password ? undefined : password };
    },

    /** On the first start there is nobody to log in: create the owner and tell the operator. */
    async ensureOwner(email: string): Promise<{ email: string; password: string } | undefined> {
      const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (any) return undefined;
      const { password } = await this.createUser({ email, role: 'owner' }, { actor: 'system' });
      return { email, password: password! };
    },

    async resetPassword(email: string, { actor }: { actor: Actor }) {
      const user = await db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
      if (!user) throw notFound(say('user.not_found', { user: email }));
      const password = generatePassword();
      await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', user.id).execute();
      await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await audit(db, { at: clock.now(), actor, action: 'user.reset_password', subject: email });
      return { email, password };
    },

    async userById(id: string) {
      const user = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'language']).where('id', '=', id).executeTakeFirst();
      if (!user) throw notFound(say('user.not_found', { user: id }));
      return user;
    },

    async listUsers() {
      return db.selectFrom('users').select(['id', 'email', 'name', 'role', 'language', 'created_at', 'last_login_at', 'disabled_at']).orderBy('email').execute();
    },

    /**
     * Changes a user's role, or stops (or allows again) their logins; stopping ends their
     * sessions at once. The last active owner keeps both: without one, nobody could manage
     * users, keys or stores from the dashboard. Owners are counted under one lock, so two
     * owners demoting each other at the same moment cannot both succeed.
     */
    async updateUser(email: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(UserChange, input, 'user');
      return db.transaction().execute(async (trx) => {
        await lockKeys(trx, ['users:owners']);
        const user = await trx.selectFrom('users').select(['id', 'role', 'disabled_at']).where('email', '=', email.toLowerCase()).executeTakeFirst();
        if (!user) throw notFound(say('user.not_found', { user: email }));
        const role = data.role ?? user.role;
        const disabled = data.disabled ?? user.disabled_at !== null;
        if (user.role === 'owner' && user.disabled_at === null && (role !== 'owner' || disabled)) {
          const another = await trx.selectFrom('users').select('id')
            .where('role', '=', 'owner').where('disabled_at', 'is', null).where('id', '!=', user.id).limit(1).executeTakeFirst();
          if (!another) throw invalidField(role !== 'owner' ? 'role' : 'disabled', say('user.last_owner'));
        }
        const now = clock.now();
        const disabledAt = disabled ? (user.disabled_at ?? now) : null;
        if (role !== user.role || disabledAt !== user.disabled_at) {
          await trx.updateTable('users').set({ role, disabled_at: disabledAt }).where('id', '=', user.id).execute();
          if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
          // What changed, each field as it was and as it is now: the log tells "manager → owner"
          // (src/shared/audit-describe.ts). Entries written before hold the state alone: { role, disabled }.
          const wasDisabled = user.disabled_at !== null;
          const details: Record<string, { from: unknown; to: unknown }> = {};
          if (role !== user.role) details.role = { from: user.role, to: role };
          if (disabled !== wasDisabled) details.disabled = { from: wasDisabled, to: disabled };
          await audit(trx, { at: now, actor, action: 'user.update', subject: email.toLowerCase(), details });
        }
        return trx.selectFrom('users').select(['id', 'email', 'name', 'role', 'language', 'created_at', 'last_login_at', 'disabled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
      });
    },

    async login(input: unknown) {
      const data = parseInput(LoginInput, input, 'login');
      const user = await db.selectFrom('users').selectAll().where('email', '=', data.email.toLowerCase()).executeTakeFirst();
      // Verify against a dummy hash when the user is unknown, so timing does not reveal who exists.
      const ok = await verifyPassword(data.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at) throw unauthorized(say('auth.wrong_password'));
      const token = newSecret(32);
      const csrfToken = newSecret(24);
      const now = clock.now();
      await db.insertInto('sessions').values({ id: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: new Date(now.getTime() + SESSION_DAYS * 86400_000) }).execute();
      await db.updateTable('users').set({ last_login_at: now }).where('id', '=', user.id).execute();
      return { token, csrfToken, maxAgeSeconds: SESSION_DAYS * 86400, user: { id: user.id, email: user.email, name: user.name, role: user.role, language: user.language } };
    },

    async logout(token: string) {
      await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
    },

    async principalFromSession(token: string): Promise<Principal | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['users.id', 'users.email', 'users.role', 'users.language', 'users.disabled_at', 'sessions.csrf_token', 'sessions.expires_at'])
        .where('sessions.id', '=', sha256(token))
        .executeTakeFirst();
      if (!row || row.disabled_at || row.expires_at.getTime() < clock.now().getTime()) return undefined;
      return { kind: 'user', id: row.id, name: row.email, role: row.role, scopes: ROLE_SCOPES[row.role], csrfToken: row.csrf_token, language: row.language };
    },

    /** Returns the secret once; only its hash is kept. Format: rk_<prefix>_<secret>. */
    async createApiKey(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(ApiKeyInput, input, 'API key');
      const prefix = newSecret(6).replace(/[-_]/g, 'x');
      const secret = newSecret(24);
      const id = newId();
      const scopes = [...new Set(data.scopes)];
      const now = clock.now();
      await db.insertInto('api_keys').values({ id, name: data.name, prefix, secret_hash: sha256(secret), scopes, created_by: actor, created_at: now, last_used_at: null, revoked_at: null }).execute();
      await audit(db, { at: now, actor, action: 'api_key.create', subject: data.name, details: { scopes } });
      return { id, name: data.name, scopes, key: `rk_${prefix}_${secret}` };
    },

    async listApiKeys() {
      return db.selectFrom('api_keys').select(['id', 'name', 'prefix', 'scopes', 'created_by', 'created_at', 'last_used_at', 'revoked_at']).orderBy('created_at', 'desc').execute();
    },

    async revokeApiKey(id: string, { actor }: { actor: Actor }) {
      const now = clock.now();
      const result = await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      revocations++;
      for (const [key, entry] of verified) if (entry.principal.id === id) verified.delete(key);
      if (Number(result.numUpdatedRows) === 0) throw notFound(say('api_key.not_found', { id }));
      await audit(db, { at: now, actor, action: 'api_key.revoke', subject: id });
    },

    async principalFromApiKey(key: string): Promise<Principal | undefined> {
      if (localCliToken !== undefined && sameSecret(key, localCliToken)) return LOCAL_CLI;
      const cached = verified.get(key);
      const now = Date.now();
      if (cached && cached.until > now) {
        // Near the end, look it up again in the background; a failure leaves the entry to expire.
        if (cached.until - now < KEY_REFRESH_MS) lookUpOnce(key).catch(() => undefined);
        return cached.principal;
      }
      return lookUpOnce(key);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

// A real scrypt hash of a random password, so unknown users cost the same time.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
