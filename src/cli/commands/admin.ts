import type { Command } from 'commander';
import { say } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import { StoreInput } from '../../modules/stores/index.ts';
import { print, list, throughServerOr } from '../context.ts';
import { inCli } from '../language.ts';
import { callServer } from '../remote.ts';

// keys, users and stores: the set-up a business does once.
export function adminCommands(program: Command) {
  const keys = program.command('keys').description('API keys for programs (POS, web store, scripts)');
  keys
    .command('create')
    .description('create an API key; the secret is printed once')
    .requiredOption('--name <name>', 'who uses the key, e.g. "POS Ljubljana"')
    .option('--scopes <scopes>', 'comma-separated: read, write, admin', 'read,write')
    .option('--json', 'machine-readable output')
    .action(async (o: { name: string; scopes: string; json?: boolean }) => {
      const input = { name: o.name, scopes: list(o.scopes) };
      const key = await throughServerOr('keys create', (server) => callServer(server, 'POST', '/keys', input), (s) => s.auth.createApiKey(input, { actor: 'cli' }));
      print(key, Boolean(o.json), () => inCli(say('cli.key_created', { name: key.name, scopes: key.scopes.join(', '), key: key.key, prefix: key.key.slice(0, 12) })));
    });
  keys
    .command('list')
    .description('list the API keys (never their secrets)')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const items = await throughServerOr('keys list', async (server) => (await callServer<{ items: unknown }>(server, 'GET', '/keys')).items, (s) => s.auth.listApiKeys());
      print(items, Boolean(o.json), () =>
        items.map((k) => `${k.id}  ${k.name.padEnd(24)} ${k.scopes.join(',').padEnd(16)} ${inCli(say(k.revoked_at ? 'cli.key_revoked' : 'cli.key_active'))}`).join('\n') || inCli(say('cli.no_keys')));
    });
  keys
    .command('revoke')
    .description('revoke an API key: requests with it are refused from now on')
    .argument('<id>', "the key's id, as keys list shows it")
    .action(async (id: string) => {
      await throughServerOr('keys revoke', (server) => callServer(server, 'DELETE', `/keys/${encodeURIComponent(id)}`), (s) => s.auth.revokeApiKey(id, { actor: 'cli' }));
      console.log(inCli(say('cli.key_revoked_id', { id })));
    });

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
    .description('list the staff users and their roles')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const items = await throughServerOr('users list', async (server) => (await callServer<{ items: unknown }>(server, 'GET', '/users')).items, (s) => s.auth.listUsers());
      print(items, Boolean(o.json), () => items.map((u) => `${u.email.padEnd(32)} ${u.role}`).join('\n'));
    });
  users
    .command('reset-password')
    .description('make a new password and end the user\'s sessions')
    .argument('<email>', "the user's email address")
    .action(async (email: string) => {
      const { password } = await throughServerOr(
        'users reset-password',
        (server) => callServer(server, 'POST', `/users/${encodeURIComponent(email)}/password-reset`),
        (s) => s.auth.resetPassword(email, { actor: 'cli' }),
      );
      console.log(inCli(say('cli.password_reset', { email, password })));
    });

  const stores = program.command('stores').description('locations');
  stores
    .command('create')
    .description('create or update a store by code')
    .requiredOption('--code <code>', 'the id your POS uses, e.g. lj-center')
    .requiredOption('--name <name>', "the store's name")
    .requiredOption('--time-zone <tz>', 'IANA time zone, e.g. Europe/Ljubljana')
    .option('--city <city>', 'the city it is in')
    .option('--json', 'machine-readable output')
    .action(async (o: { code: string; name: string; timeZone: string; city?: string; json?: boolean }) => {
      const input = { code: o.code, name: o.name, city: o.city, time_zone: o.timeZone };
      // Checked before a database is opened: a refused store must not leave a new, empty one behind.
      parseInput(StoreInput, input, 'store');
      const store = await throughServerOr('stores create', (server) => callServer(server, 'POST', '/stores', input), async (s) => (await s.stores.upsert(input, { actor: 'cli' })).store);
      print(store, Boolean(o.json), () => inCli(say('cli.store', { code: store.code, name: store.name, time_zone: store.time_zone })));
    });
  stores
    .command('list')
    .description('list the stores')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const items = await throughServerOr('stores list', async (server) => (await callServer<{ items: unknown }>(server, 'GET', '/stores')).items, (s) => s.stores.list());
      print(items, Boolean(o.json), () => items.map((x) => `${x.code.padEnd(20)} ${x.name.padEnd(28)} ${x.city ?? ''} ${x.time_zone}`).join('\n') || inCli(say('cli.no_stores')));
    });
}
