import type { Command } from 'commander';
import { AdjustmentInput } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { say, textIn, type Language } from '../../shared/messages/index.ts';
import { moneyIn } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import { pluralRules } from '../../shared/plural.ts';
import { parseInput } from '../../shared/validation.ts';
import { positiveInt, print, throughServerOr } from '../context.ts';
import { customerId, writeKey } from '../customers.ts';
import { business, whenText } from '../dates.ts';
import { cliLanguage, count } from '../language.ts';
import { callServer, queryOf, type RunningServer } from '../remote.ts';
import { table } from './table.ts';

// `regulars loyalty account` and `regulars loyalty adjust`: one member's points on the
// command line — the balance, the tier, what expires next and every entry explained in
// words, the same account GET /customers/{id}/loyalty answers and the dashboard's member
// tab shows — and a staff adjustment with its reason, audited as the command line's. For
// the operator who has just seen `loyalty verify` fail, or a member ask why.

/** The account as the service answers it (and a server's JSON does). */
type Account = Awaited<ReturnType<Services['loyalty']['account']>>;
type MemberAccount = Extract<Account, { member: true }>;

const DEFAULT_ENTRIES = 20;

/** The customer a person named, through the server or on the database: an id, email, phone or card number. */
const findCustomer = (given: string, where: RunningServer | Services) =>
  customerId(given, (query) => ('url' in where ? callServer(where, 'GET', `/customers${queryOf({ query, limit: 2 })}`) : where.customers.search({ query, limit: 2 })), 'customer')
    .then((id) => id!);

export function loyaltyAccountCommands(loyalty: Command) {
  loyalty
    .command('account')
    .description("a member's points: balance, pending, tier, next expiry and the latest entries explained in words")
    .argument('<customer>', 'their id, email, phone or card number')
    .option('--entries <n>', `how many of the latest entries to print (default ${DEFAULT_ENTRIES})`, positiveInt('--entries'))
    .option('--all', 'print every entry')
    .option('--json', 'machine-readable output')
    .action(async (given: string, o: { entries?: number; all?: boolean; json?: boolean }) => {
      const shown = o.all ? Infinity : o.entries ?? DEFAULT_ENTRIES;
      const language = cliLanguage();
      const account = await throughServerOr(
        'loyalty account',
        async (server) => callServer<Account>(server, 'GET', `/customers/${await findCustomer(given, server)}/loyalty${queryOf({ language })}`),
        async (s) => s.loyalty.account(await findCustomer(given, s), { language }),
      );
      await print(account, Boolean(o.json), async () => describeAccount(account, { who: given, shown }, language, await business()));
    });

  loyalty
    .command('adjust')
    .description('add points to a member, or take them (a negative number), with the reason kept in the ledger and the activity log')
    .argument('<customer>', 'their id, email, phone or card number')
    .argument('<points>', 'whole points: 500 adds, -500 takes')
    .requiredOption('--reason <text>', 'why (at least 3 characters; the member may be shown it)')
    .option('--key <key>', 'idempotency key: the same command with the same key makes nothing twice, so a retry is safe (generated and printed when omitted)')
    .option('--json', 'machine-readable output')
    .action(async (given: string, pointsText: string, o: { reason: string; key?: string; json?: boolean }) => {
      const points = /^[+-]?\d+$/.test(pointsText.trim()) ? Number(pointsText) : Number.NaN;
      const { key, announce } = writeKey(o.key);
      const input = { points, reason: o.reason, idempotency_key: key };
      // Checked as the service will, before a database is opened or a key told.
      parseInput(AdjustmentInput, input, 'adjustment');
      const language = cliLanguage();
      const account = await throughServerOr(
        'loyalty adjust',
        async (server) => {
          const id = await findCustomer(given, server);
          announce();
          // The adjustment answers the account after it, told in the language asked: one request.
          return callServer<MemberAccount>(server, 'POST', `/customers/${id}/loyalty/adjustments${queryOf({ language })}`, input);
        },
        async (s) => {
          const id = await findCustomer(given, s);
          announce();
          // The adjustment answers the account after it, told in the command's language: not read a second time.
          return (await s.loyalty.adjust(id, input, { actor: 'cli', language })).account as MemberAccount;
        },
      );
      await print(withFields(account, { idempotency_key: key }), Boolean(o.json), async () =>
        [say('cli.account.adjusted', { points: signed(points, language) }).in(language), describeAccount(account, { who: given, shown: 1 }, language, await business())].join('\n'));
    });
}

const signed = (n: number, language: Language) => (n > 0 ? '+' : n < 0 ? '−' : '') + count(Math.abs(n), language);

/**
 * The account for people: who (as `who` named them, and their id) and what they hold, their
 * tier, what expires next, and the latest `shown` entries with their running balance.
 */
export function describeAccount(account: Account, { who, shown }: { who: string; shown: number }, language: Language, { timeZone, currency }: { timeZone: string; currency: string }): string {
  const customer = who.trim() === account.customer_id ? who.trim() : `${who.trim()} (${account.customer_id})`;
  if (!account.member) return say('cli.account.not_member', { customer }).in(language);
  const a = account;
  // The program's own name for its points, in the form the number takes in the language it is written in.
  const points = (n: number) => `${count(n, language)} ${a.points_name_forms[pluralRules(a.points_name_language).select(Math.abs(n)) as keyof typeof a.points_name_forms] ?? a.points_name}`;
  const lines = [
    say('cli.account.balance', { customer, balance: points(a.balance), pending: points(a.pending) }).in(language),
  ];
  // Points past their expiry date that the hourly maintenance has not written off yet are
  // neither to spend nor in lifetime.expired: said, or the account's figures do not add up.
  if (a.expiring_now > 0) lines.push(say('cli.account.expiring_now', { points: points(a.expiring_now) }).in(language));
  if (a.owed > 0) lines.push(say('cli.account.owed', { owed: points(a.owed) }).in(language));
  if (a.tier) {
    const since = a.tier.since ? whenText(a.tier.since, timeZone) : '—';
    lines.push(say('cli.account.tier', { tier: a.tier.name ?? a.tier.code ?? '—', since }).in(language));
    if (a.tier.next) {
      const missing = a.tier.metric === 'spend' ? moneyIn(language, a.tier.next.missing, currency) : count(Number(a.tier.next.missing), language);
      lines.push(say('cli.account.next_tier', { tier: a.tier.next.name, missing }).in(language));
    }
  }
  if (a.next_expiry) lines.push(say('cli.account.next_expiry', { points: points(a.next_expiry.points), at: whenText(a.next_expiry.at, timeZone) }).in(language));
  if (a.referral_code) {
    lines.push((a.referral_link ? say('cli.account.referral_link', { code: a.referral_code, link: a.referral_link }) : say('cli.account.referral_code', { code: a.referral_code })).in(language));
  }
  const l = a.lifetime;
  lines.push(say('cli.account.lifetime', { earned: count(l.earned, language), adjusted: signed(l.adjusted, language), redeemed: count(l.redeemed, language), reversed: count(l.reversed, language), expired: count(l.expired, language) }).in(language));
  // Where the member stands on each challenge, as the dashboard's Loyalty tab shows it: the
  // progress since the last completion within the window, and the completions that stand.
  for (const c of a.challenges) {
    const done = c.completed > 0 && c.last_completed_at ? say('cli.account.challenge_done', { count: count(c.completed, language), at: whenText(c.last_completed_at, timeZone) }).in(language) : '';
    lines.push(say('cli.account.challenge', { name: textIn(c.name, language), progress: count(c.progress, language), goal: count(c.goal.count, language), done }).in(language));
  }

  const entries = a.explanation.entries.slice(-Math.min(shown, a.explanation.entries.length));
  if (entries.length > 0) {
    // Every entry shown is not "the latest 1 of 1".
    const heading = entries.length === a.explanation.entries_total
      ? say('cli.account.entries_all', { total: count(entries.length, language) })
      : say('cli.account.entries', { shown: count(entries.length, language), total: count(a.explanation.entries_total, language) });
    lines.push('', heading.in(language));
    const headings = (['cli.account.column.when', 'cli.account.column.points', 'cli.account.column.balance', 'cli.account.column.what'] as const).map((code) => say(code).in(language));
    lines.push(table([headings, ...entries.map((e) => [whenText(e.at, timeZone), signed(e.points, language), count(e.balance_after, language), e.description])], 'lrrl'));
  }
  const proof = a.explanation.sum_of_entries === a.explanation.stored_points ? 'cli.account.adds_up' : 'cli.account.does_not_add_up';
  lines.push('', say(proof, { sum: count(a.explanation.sum_of_entries, language), stored: count(a.explanation.stored_points, language) }).in(language));
  return lines.join('\n');
}
