import type { Command } from 'commander';
import { ROLES } from '../../modules/auth/index.ts';
import type { Services } from '../../services.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import { print, throughServerOr } from '../context.ts';
import { business, whenText } from '../dates.ts';
import { cliLanguage, inCli } from '../language.ts';
import { callServer } from '../remote.ts';
import { table } from './table.ts';

// `regulars users …`: the staff who log in to the dashboard, managed as its Settings page
// manages them — created, listed, given a new password, a role changed, logins stopped and
// allowed again — by the same service calls (PATCH /users/{email} through a running
// server), so the last active owner is kept and the activity log records each change alike,
// the command line as its actor. The operator at the command line may make an owner without
// being asked: what changed is printed instead.

type Auth = Services['auth'];
type User = Awaited<ReturnType<Auth['updateUser']>>;
type ListedUser = Awaited<ReturnType<Auth['listUsers']>>[number];
type Change = { role?: string; disabled?: boolean };

const userPath = (email: string) => `/users/${encodeURIComponent(email)}`;

const roleIn = (role: string, language: Language) =>
  ((ROLES as readonly string[]).includes(role) ? say(`cli.users.role.${role as (typeof ROLES)[number]}`).in(language) : role);

/**
 * Changes a user as PATCH /users/{email} does, with the user as they were before (to say
 * what changed). The last-owner refusal is told in the command's words, naming the user
 * and what to do; every other refusal (no such user, a role that is none) is the service's.
 */
async function changeUser(command: string, email: string, change: Change): Promise<{ before: ListedUser | undefined; after: User }> {
  try {
    return await throughServerOr(
      command,
      async (server) => {
        const listed = await callServer<{ items: ListedUser[] }>(server, 'GET', '/users');
        const before = listed.items.find((u) => u.email === email.trim().toLowerCase());
        return { before, after: await callServer<User>(server, 'PATCH', userPath(email.trim()), change) };
      },
      async (s) => {
        const before = (await s.auth.listUsers()).find((u) => u.email === email.trim().toLowerCase());
        return { before, after: await s.auth.updateUser(email.trim(), change, { actor: 'cli' }) };
      },
    );
  } catch (error) {
    const language = cliLanguage();
    const lastOwner = say('user.last_owner').in(language);
    if (isAppError(error) && error.kind === 'invalid' && error.in(language).problems.some((p) => p.reason === lastOwner)) {
      throw new AppError('invalid', say('cli.users.last_owner', { email: email.trim().toLowerCase() }));
    }
    throw error;
  }
}

/** What `users role` did: the role set (an owner's rights said), or that it was the user's already. */
export function describeRoleChange(before: { role: string } | undefined, after: { email: string; role: string }, language: Language): string {
  if (before?.role === after.role) return say('cli.users.role_unchanged', { email: after.email, role: roleIn(after.role, language) }).in(language);
  const changed = say('cli.users.role_changed', { email: after.email, role: roleIn(after.role, language), was: before ? roleIn(before.role, language) : '—' }).in(language);
  return after.role === 'owner' ? `${changed}\n${say('cli.users.owner_may').in(language)}` : changed;
}

/** What `users disable` / `users enable` did, or that the logins were so already. */
export function describeLogins(
  before: { disabled_at: Date | string | null } | undefined, after: { email: string; disabled_at: Date | string | null }, timeZone: string, language: Language,
): string {
  const wasStopped = before ? before.disabled_at !== null : undefined;
  if (after.disabled_at !== null) {
    return (wasStopped ? say('cli.users.already_disabled', { email: after.email, since: whenText(after.disabled_at, timeZone) }) : say('cli.users.disabled', { email: after.email })).in(language);
  }
  return (wasStopped === false ? say('cli.users.already_enabled', { email: after.email }) : say('cli.users.enabled', { email: after.email })).in(language);
}

/** The users, one a row: email, name, role, whether they may log in, their last login. */
export function userTable(items: ListedUser[], timeZone: string, language: Language): string {
  if (items.length === 0) return say('cli.users.none').in(language);
  const headings = (['cli.users.email', 'cli.users.name', 'cli.users.role', 'cli.users.logins', 'cli.users.last_login'] as const).map((code) => say(code).in(language));
  return table([
    headings,
    ...items.map((u) => [
      u.email, u.name ?? '', roleIn(u.role, language),
      u.disabled_at === null ? say('cli.users.allowed').in(language) : say('cli.users.stopped_since', { since: whenText(u.disabled_at, timeZone) }).in(language),
      u.last_login_at === null ? say('cli.users.never').in(language) : whenText(u.last_login_at, timeZone),
    ]),
  ]);
}

export function userCommands(program: Command) {
  const users = program.command('users').description('staff who log in to the dashboard');
  users
    .command('create')
    .description('add a staff user who logs in to the dashboard')
    .requiredOption('--email <email>', 'their email address, which they log in with')
    .requiredOption('--role <role>', 'owner, manager or staff')
    .option('--name <name>', 'their name, as the dashboard shows it')
    .option('--password <password>', 'at least 10 characters; generated when omitted')
    .option('--json', 'machine-readable output')
    .action(async (o: { email: string; role: string; name?: string; password?: string; json?: boolean }) => {
      const input = { email: o.email, role: o.role, name: o.name, password: o.password };
      const created = await throughServerOr('users create', (server) => callServer(server, 'POST', '/users', input), (s) => s.auth.createUser(input, { actor: 'cli' }));
      print(created, Boolean(o.json), () =>
        [say('cli.user_created', { role: created.user.role, email: created.user.email }), ...(created.password ? [say('cli.password', { password: created.password })] : [])].map(inCli).join('\n'));
    });
  users
    .command('list')
    .description('list the staff users: their roles, whether they may log in, their last login')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const items = await throughServerOr('users list', async (server) => (await callServer<{ items: ListedUser[] }>(server, 'GET', '/users')).items, (s) => s.auth.listUsers());
      await print(items, Boolean(o.json), async () => userTable(items, (await business()).timeZone, cliLanguage()));
    });
  users
    .command('reset-password')
    .description('make a new password and end the user\'s sessions')
    .argument('<email>', "the user's email address")
    .action(async (email: string) => {
      const { password } = await throughServerOr(
        'users reset-password',
        (server) => callServer(server, 'POST', `${userPath(email)}/password-reset`),
        (s) => s.auth.resetPassword(email, { actor: 'cli' }),
      );
      console.log(inCli(say('cli.password_reset', { email, password })));
    });
  users
    .command('role')
    .description("change a staff user's role; the last active owner keeps theirs")
    .argument('<email>', "the user's email address")
    .argument('<role>', 'owner, manager or staff')
    .option('--json', 'machine-readable output')
    .action(async (email: string, role: string, o: { json?: boolean }) => {
      const { before, after } = await changeUser('users role', email, { role: role.trim() });
      print(after, Boolean(o.json), () => describeRoleChange(before, after, cliLanguage()));
    });
  users
    .command('disable')
    .description('stop a staff user from logging in and end their sessions; the last active owner cannot be stopped')
    .argument('<email>', "the user's email address")
    .option('--json', 'machine-readable output')
    .action(async (email: string, o: { json?: boolean }) => {
      const { before, after } = await changeUser('users disable', email, { disabled: true });
      await print(after, Boolean(o.json), async () => describeLogins(before, after, (await business()).timeZone, cliLanguage()));
    });
  users
    .command('enable')
    .description('allow a stopped staff user to log in again, with their password')
    .argument('<email>', "the user's email address")
    .option('--json', 'machine-readable output')
    .action(async (email: string, o: { json?: boolean }) => {
      const { before, after } = await changeUser('users enable', email, { disabled: false });
      await print(after, Boolean(o.json), async () => describeLogins(before, after, (await business()).timeZone, cliLanguage()));
    });
}
