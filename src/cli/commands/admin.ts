import type { Command } from 'commander';
import type { Services } from '../../services.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import { StoreInput } from '../../modules/stores/index.ts';
import { print, list, throughServerOr } from '../context.ts';
import { business, whenText } from '../dates.ts';
import { cliLanguage, inCli } from '../language.ts';
import { callServer } from '../remote.ts';
import { table } from './table.ts';
import { userCommands } from './users.ts';

type ListedKey = Awaited<ReturnType<Services['auth']['listApiKeys']>>[number];

/** The API keys, one a row: id, name, scopes, active or revoked when, last used. */
export function keyTable(items: ListedKey[], timeZone: string, language: Language): string {
  if (items.length === 0) return say('cli.no_keys').in(language);
  const headings = (['cli.promotions.id', 'cli.users.name', 'cli.keys.scopes', 'cli.keys.state', 'cli.promotions.last_used'] as const).map((code) => say(code).in(language));
  return table([
    headings,
    ...items.map((k) => [
      k.id, k.name, k.scopes.join(','),
      (k.revoked_at ? say('cli.keys.revoked_at', { at: whenText(k.revoked_at, timeZone) }) : say('cli.key_active')).in(language),
      k.last_used_at ? whenText(k.last_used_at, timeZone) : say('cli.users.never').in(language),
    ]),
  ]);
}

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
      await print(items, Boolean(o.json), async () => keyTable(items, (await business()).timeZone, cliLanguage()));
    });
  keys
    .command('revoke')
    .description('revoke an API key: requests with it are refused from now on')
    .argument('<id>', "the key's id, as keys list shows it")
    .action(async (id: string) => {
      await throughServerOr('keys revoke', (server) => callServer(server, 'DELETE', `/keys/${encodeURIComponent(id)}`), (s) => s.auth.revokeApiKey(id, { actor: 'cli' }));
      console.log(inCli(say('cli.key_revoked_id', { id })));
    });

  userCommands(program);

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
