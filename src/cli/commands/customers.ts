import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Services } from '../../services.ts';
import { invalidField, isAppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { say, told, type Language, type Said } from '../../shared/messages/index.ts';
import { money, moneyIn } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import { eraseCustomer, exportCustomer, mergeCustomers } from '../../workflows/customer-lifecycle.ts';
import { print, throughServerOr } from '../context.ts';
import { customerId } from '../customers.ts';
import { business, dayText, whenText } from '../dates.ts';
import { cliLanguage, count, inCli } from '../language.ts';
import { callServer, callServerOnce, queryOf, type RunningServer } from '../remote.ts';
import { customerListCommand, displayName } from './customers-list.ts';
import { table } from './table.ts';

// `regulars customers …`: one customer as the dashboard's profile shows them, and what a
// business does for a person's data request or a duplicate — the export (everything
// stored, GET /customers/{id}/export), the erasure (personal data gone, anonymous
// purchases and totals kept; DELETE /customers/{id}) and a merge of a duplicate
// (POST /customers/{id}/merge) — on the embedded database or through a running server,
// the writes audited as the command line's ('cli'). The two that cannot be undone, erase
// and merge, only say what they would do unless --yes is given. `customers list` is in
// customers-list.ts.

type Customer = Awaited<ReturnType<Services['customers']['get']>>;
type Stats = Awaited<ReturnType<Services['commerce']['statsOf']>>;
type Account = Awaited<ReturnType<Services['loyalty']['account']>>;
type Merged = Awaited<ReturnType<typeof mergeCustomers>>;
type Erased = Awaited<ReturnType<typeof eraseCustomer>>;
type Moved = Merged['moved'];

/** A customer with their running stats, as GET /customers/{id} answers. */
type Profile = Customer & { stats: Stats };

/** The customer a person named (an id, email, phone or card number), through the server or on the database; `option` names it in a refusal. */
const findCustomer = (given: string, where: RunningServer | Services, option = 'customer') =>
  customerId(given, (query) => ('url' in where ? callServer(where, 'GET', `/customers${queryOf({ query, limit: 2 })}`) : where.customers.search({ query, limit: 2 })), option)
    .then((id) => id!);

/** The customer merged into `survivor` from whom a merge moved the identity `given` (GET /customers/{id}/merged), if one was. */
async function mergedHolding(survivor: string, given: string, where: RunningServer | Services): Promise<{ id: string; merged_into: string; merged_at: string } | undefined> {
  if ('url' in where) return (await callServer<{ items: { id: string; merged_into: string; merged_at: string }[] }>(where, 'GET', `/customers/${survivor}/merged${queryOf({ identity: given })}`)).items[0];
  const held = await where.customers.mergedHolding(survivor, given);
  return held && withFields(held, { merged_at: held.merged_at.toISOString() });
}

/** The customer and their loyalty account, as the API's two reads give them. */
async function profileOf(id: string, where: RunningServer | Services, language: Language): Promise<{ customer: Profile; account: Account }> {
  if ('url' in where) {
    const customer = await callServer<Profile>(where, 'GET', `/customers/${id}`);
    return { customer, account: await callServer<Account>(where, 'GET', `/customers/${id}/loyalty${queryOf({ language })}`) };
  }
  const customer = withFields(await where.customers.get(id), { stats: await where.commerce.statsOf(id) });
  return { customer, account: await where.loyalty.account(id, { language }) };
}

export function customerCommands(program: Command) {
  const customers = program.command('customers').description("the customers list, and one customer: their profile, a copy of everything stored about them, erasing their personal data, merging a duplicate");

  customerListCommand(customers);

  customers
    .command('show')
    .description('a customer: profile, identities, consent, purchases at a glance and loyalty points and tier')
    .argument('<customer>', 'their id, email, phone or card number')
    .option('--json', 'machine-readable output')
    .action(async (given: string, o: { json?: boolean }) => {
      const language = cliLanguage();
      const read = (where: RunningServer | Services) => findCustomer(given, where).then((id) => profileOf(id, where, language));
      const { customer, account } = await throughServerOr('customers show', read, read);
      // The member's standing without the ledger's entries: `loyalty account` explains those.
      const loyalty = account.member
        ? { balance: account.balance, pending: account.pending, owed: account.owed, tier: account.tier ? { code: account.tier.code, name: account.tier.name } : null, next_expiry: account.next_expiry }
        : null;
      await print(withFields(customer, { loyalty }), Boolean(o.json), async () => describeCustomer(customer, account, language, await business()));
    });

  customers
    .command('export')
    .description('everything stored about a customer, as JSON (a data access request): to standard output, or to a file')
    .argument('<customer>', 'their id, email, phone or card number')
    .option('--out <file>', 'write it to this file (readable by you alone) instead of standard output')
    .action(async (given: string, o: { out?: string }) => {
      const exported = await throughServerOr(
        'customers export',
        async (server) => callServer<Record<string, unknown>>(server, 'GET', `/customers/${await findCustomer(given, server)}/export`),
        async (s) => exportCustomer(s, await findCustomer(given, s), { actor: 'cli' }),
      );
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (!o.out) return void process.stdout.write(text);
      // Personal data: the file is its owner's alone, as a key's or a password's would be.
      fs.writeFileSync(o.out, text, { mode: 0o600 });
      fs.chmodSync(o.out, 0o600);
      const id = (exported.profile as { id: string }).id;
      process.stdout.write(`${inCli(say('cli.customers.exported', { customer: who(given, id), file: path.resolve(o.out) }))}\n`);
    });

  customers
    .command('erase')
    .description('erase a customer\'s personal data (a request to be forgotten): purchases and totals stay, anonymous; their points are forfeited; cannot be undone')
    .argument('<customer>', 'their id, email, phone or card number')
    .option('--yes', 'erase: without it the command only says what it would erase, and changes nothing')
    .option('--json', 'machine-readable output')
    .action(async (given: string, o: { yes?: boolean; json?: boolean }) => {
      const language = cliLanguage();
      // Without --yes, what it would erase, as the customer reads now; with it, what the
      // erasure did, as its own transaction answers (DELETE /customers/{id}): the points a
      // read before it would tell can differ (a checkout reservation held or settled meanwhile).
      const erase = async (where: RunningServer | Services): Promise<{ preview: { customer: Profile; points: number } } | { erased: Erased }> => {
        const id = await findCustomer(given, where);
        if (!o.yes) {
          const { customer, account } = await profileOf(id, where, language);
          return { preview: { customer, points: account.member ? account.balance + account.pending : 0 } };
        }
        return { erased: 'url' in where ? await callServer<Erased>(where, 'DELETE', `/customers/${id}`) : await eraseCustomer(where, id, { actor: 'cli' }) };
      };
      const done = await throughServerOr('customers erase', erase, erase);
      if ('preview' in done) {
        const { customer, points } = done.preview;
        const identities = customer.identities.map((i) => i.value).join(', ') || '—';
        throw invalidField('--yes', say('cli.customers.erase_would', { customer: who(given, customer.id), identities, purchases: customer.stats.purchases, points }));
      }
      const { erased } = done;
      print(withFields({ erased: true }, erased), Boolean(o.json), () => [
        say('cli.customers.erased', { customer: who(given, erased.customer_id), points: count(erased.loyalty_points_forfeited, language) }),
        ...(erased.loyalty_points_held > 0 ? [say('cli.customers.erased_held', { points: count(erased.loyalty_points_held, language) })] : []),
        ...(erased.merged_customers_erased > 0 ? [say('cli.customers.erased_merged', { count: erased.merged_customers_erased })] : []),
      ].map((line) => line.in(language)).join('\n'));
    });

  customers
    .command('merge')
    .description('merge a duplicate into a customer: its identities, purchases, points and history move to the customer kept; cannot be undone')
    .argument('<survivor>', 'the customer kept: their id, email, phone or card number')
    .argument('<duplicate>', 'the duplicate merged into it (it answers no more, except to say where it went): its id, email, phone or card number')
    .option('--yes', 'merge: without it the command only shows both customers side by side, says what it would merge, and changes nothing')
    .option('--json', 'machine-readable output')
    .action(async (survivorGiven: string, duplicateGiven: string, o: { yes?: boolean; json?: boolean }) => {
      const language = cliLanguage();
      type Side = { customer: Profile; account: Account };
      type Before = { survivor: string; from: string; mergedAt: string | undefined };
      const merge = async (where: RunningServer | Services): Promise<{ preview: [Side, Side] } | { before: Before } | (Merged & { from: string })> => {
        const survivor = await findCustomer(survivorGiven, where, 'survivor');
        let from = await findCustomer(duplicateGiven, where, 'duplicate');
        if (survivor === from && !isUuid(duplicateGiven.trim())) {
          // The duplicate's email or card finds the survivor once merged: the same command run
          // again names the customer a merge moved it from, as a retry by id would.
          const held = await mergedHolding(survivor, duplicateGiven, where);
          if (held && held.merged_into !== survivor) return { before: { survivor: held.merged_into, from: held.id, mergedAt: held.merged_at } };
          if (held) from = held.id;
        }
        // Refused before anything is read, as the merge refuses it (a preview showed one customer twice).
        if (survivor === from) throw invalidField('duplicate', say('customer.merge_into_itself'));
        if (!o.yes) {
          // The duplicate first: merged into this survivor already, there is nothing to show
          // side by side, as the merge itself answers it (a replay) before anything else.
          const duplicate = await profileOf(from, where, language).catch((error: unknown) => {
            const merged = isAppError(error) && error.kind === 'not_found' ? error.extensions : undefined;
            if (merged?.merged_into === survivor) return { before: { survivor, from, mergedAt: merged.merged_at } };
            throw error;
          });
          return 'before' in duplicate ? duplicate : { preview: [await profileOf(survivor, where, language), duplicate] };
        }
        if ('url' in where) {
          // The same merge done before answers as it did, with Idempotent-Replayed: true.
          const { answer, replayed } = await callServerOnce<Omit<Merged, 'replayed'>>(where, 'POST', `/customers/${survivor}/merge`, { from });
          return withFields(answer, { replayed, from });
        }
        return withFields(await mergeCustomers(where, survivor, { from }, { actor: 'cli' }), { from });
      };
      const done = await throughServerOr('customers merge', merge, merge);
      if ('before' in done) {
        // Nothing to do, as the merge sent again says (and exits 0), with when it was done.
        const { survivor, from, mergedAt } = done.before;
        const at = mergedAt ? whenText(mergedAt, (await business()).timeZone) : '—';
        const names = { duplicate: who(duplicateGiven, from), survivor: who(survivorGiven, survivor), at };
        return print({ merged_id: from, merged_into: survivor, merged_at: mergedAt ?? null, already_merged: true }, Boolean(o.json), () => say('cli.customers.merged_already', names).in(language));
      }
      if ('preview' in done) {
        const [kept, duplicate] = done.preview;
        const would = say('cli.customers.merge_would', { duplicate: who(duplicateGiven, duplicate.customer.id), survivor: who(survivorGiven, kept.customer.id) });
        const { currency } = await business();
        throw invalidField('--yes', told((l) => `${would.in(l)}\n${sideBySide([kept, duplicate], l, currency)}`));
      }
      const { customer, moved, replayed, from } = done;
      const names = { duplicate: who(duplicateGiven, from), survivor: who(survivorGiven, customer.id), moved: movedText(moved, language) };
      print({ customer, merged_id: from, moved, replayed }, Boolean(o.json), () => (replayed ? say('cli.customers.merged_before', names) : say('cli.customers.merged', names)).in(language));
    });
}

/** A customer as the person named them, and their id when they named them otherwise. */
const who = (given: string, id: string) => (given.trim() === id ? id : `${given.trim()} (${id})`);

const MOVED: Record<keyof Moved, Parameters<typeof say>[0]> = {
  identities: 'cli.customers.moved.identities', purchases: 'cli.customers.moved.purchases', loyalty_points: 'cli.customers.moved.loyalty_points',
  duplicate_bonuses: 'cli.customers.moved.duplicate_bonuses', duplicate_bonus_points: 'cli.customers.moved.duplicate_bonus_points',
  duplicate_birthday_gifts: 'cli.customers.moved.duplicate_birthday_gifts', referral_codes: 'cli.customers.moved.referral_codes', coupons: 'cli.customers.moved.coupons',
  coupon_uses: 'cli.customers.moved.coupon_uses', gift_cards: 'cli.customers.moved.gift_cards', referrals: 'cli.customers.moved.referrals',
  referrals_rejected: 'cli.customers.moved.referrals_rejected', challenge_progress: 'cli.customers.moved.challenge_progress', tier_history: 'cli.customers.moved.tier_history',
};

/**
 * The two customers of a merge side by side, the one kept first: who, how they are known,
 * their purchases and net spend, the points they hold (a merge adds the duplicate's to the
 * kept one's, less a once-per-person bonus both had).
 */
function sideBySide(sides: { customer: Profile; account: Account }[], language: Language, currency: string): string {
  const t = (code: Parameters<typeof say>[0], params?: Record<string, string>) => (say as (c: string, p?: Record<string, string>) => Said)(code, params).in(language);
  const points = ({ account }: { account: Account }, of: 'balance' | 'pending') => (account.member ? count(account[of], language) : '—');
  return table([
    ['', t('cli.customers.merge.kept'), t('cli.customers.merge.duplicate')],
    [t('cli.customers.col.customer'), ...sides.map(({ customer }) => `${displayName(customer, language)} (${customer.id})`)],
    [t('cli.customers.col.identities'), ...sides.map(({ customer }) => customer.identities.map((i) => i.value).join(', ') || '—')],
    [t('cli.metrics.purchases_row'), ...sides.map(({ customer }) => count(customer.stats.purchases, language))],
    [t('cli.customers.col.net_spend'), ...sides.map(({ customer }) => moneyIn(language, customer.stats.net_spend, currency))],
    [t('cli.customers.col.points'), ...sides.map((side) => points(side, 'balance'))],
    [t('cli.customers.col.pending'), ...sides.map((side) => points(side, 'pending'))],
  ]);
}

/** What a merge moved, the counts that are not 0, in the order the API lists them. */
function movedText(moved: Moved, language: Language): string {
  const parts = (Object.keys(MOVED) as (keyof Moved)[]).filter((k) => moved[k]).map((k) => (say as (code: string, p: { count: number }) => Said)(MOVED[k], { count: moved[k] }).in(language));
  return parts.length ? parts.join(', ') : say('cli.customers.moved_nothing').in(language);
}

/** The profile for people: who, how they are known and reached, what they bought, their points. */
export function describeCustomer(c: Profile, account: Account, language: Language, { timeZone, currency }: { timeZone: string; currency: string }): string {
  const name = displayName(c, language);
  const identities = c.identities.map((i) => say(`cli.customers.kind.${i.kind}` as 'cli.customers.kind.email', { value: i.value }).in(language)).join(', ') || '—';
  const consent = (given: Profile['consent']['email']) =>
    given ? say(given.status === 'granted' ? 'cli.customers.consent.granted' : 'cli.customers.consent.withdrawn', { source: given.source, at: whenText(given.at, timeZone) }) : say('cli.customers.consent.unknown');
  const s = c.stats;
  const lines = [
    say('cli.customers.heading', { name, id: c.id }),
    say('cli.customers.identities', { identities }),
    say('cli.customers.consent', { email: consent(c.consent.email), sms: consent(c.consent.sms) }),
    say('cli.customers.profile', {
      language: c.language ?? '—', zone: c.time_zone ?? '—', birthday: c.birthday ? dayText(c.birthday) : '—', store: c.home_store?.name ?? '—', tags: c.tags.join(', ') || '—',
    }),
    say('cli.customers.since', { date: whenText(c.customer_since, timeZone) }),
    s.purchases === 0 ? say('cli.customers.no_purchases')
      : say('cli.customers.stats', { purchases: s.purchases, days: s.purchase_days, net: money(s.net_spend, currency), refunded: money(s.refunded, currency), last: s.last_purchase_at ? whenText(s.last_purchase_at, timeZone) : '—' }),
    account.member
      ? say('cli.customers.member', {
        points: count(account.balance, language), pending: count(account.pending, language), tier: account.tier?.name ?? account.tier?.code ?? '—',
        since: whenText(c.member_since ?? account.joined_at, timeZone),
      })
      : say('cli.customers.not_member'),
  ];
  return lines.map((line) => line.in(language)).join('\n');
}
