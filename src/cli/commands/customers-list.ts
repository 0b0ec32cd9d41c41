import type { Command } from 'commander';
import { CustomerSearch } from '../../modules/customers/index.ts';
import { say, textIn, type Language } from '../../shared/messages/index.ts';
import { moneyIn } from '../../shared/money.ts';
import { listCustomers } from '../../workflows/customer-list.ts';
import { print, throughServerOr } from '../context.ts';
import { business, whenText } from '../dates.ts';
import { cliLanguage, count } from '../language.ts';
import { namingOptions } from '../option-names.ts';
import { given, pagedQuery, readPages, type Page as PageOf } from '../pages.ts';
import { callServer, queryOf } from '../remote.ts';
import { table } from './table.ts';

// `regulars customers list`: the customers list as GET /customers answers it and the
// dashboard's Customers page shows it — a search, filters, the sorts of its headers — one
// line a customer: who, their id, since when a customer, purchases, net spend, last purchase,
// points and tier (the columns the sorts read, so a sorted list shows what it is sorted by).
// A page is 1–500 customers (GET /customers's limit): --limit beyond that, and --all, read
// page after page, and a page with more behind it says how to go on (as `regulars audit`).

type Listed = Awaited<ReturnType<typeof listCustomers>>['items'][number];
type Page = PageOf<Listed>;

/** GET /customers's largest page. */
const PAGE = 500;

type ListOptions = { search?: string; tag?: string; store?: string; consent?: string; sort?: string; limit?: string; cursor?: string; all?: boolean; json?: boolean };

/** The query's fields as the command's options: a refusal, the server's or the service's, names what was typed. */
const OPTIONS = { query: '--search', tag: '--tag', store: '--store', consent: '--consent', sort: '--sort', limit: '--limit', cursor: '--cursor', all: '--all' };

/** The query as GET /customers takes it, checked as the service checks it, every bad option at once; the customers wanted (Infinity: all). */
function queryOfOptions(o: ListOptions): { filters: Record<string, string | undefined>; wanted: number } {
  const filters = { query: o.search, tag: o.tag, store: o.store, consent: o.consent, sort: o.sort, cursor: o.cursor };
  return { filters, wanted: pagedQuery(o, filters, { schema: CustomerSearch, pageSize: PAGE }) };
}

export function customerListCommand(customers: Command) {
  customers
    .command('list')
    .description('the customers, as the dashboard lists them: who, customer since, purchases, net spend, last purchase, points and tier; searched, filtered and sorted')
    .option('--search <text>', 'only customers whose name, email, phone or card number matches this (an exact email, phone or card number finds that customer)')
    .option('--tag <tag>', 'only customers with this tag')
    .option('--store <store>', "only customers of this home store: its code or id")
    .option('--consent <channel>', 'only customers who agreed to hear from the business on this channel: email or sms')
    .option('--sort <sort>', 'the order: created_at (the default, newest first), customer_since (the longest-standing customers first), name, last_purchase_at, net_spend, purchases or points; a leading - for descending (-net_spend: the best customers first)')
    .option('--limit <n>', 'at most this many customers (default 50)')
    .option('--cursor <cursor>', 'go on after the customers a run before printed, from the cursor it printed')
    .option('--all', 'every customer that matches, however many')
    .option('--json', 'machine-readable output')
    .action(namingOptions(OPTIONS, async (o: ListOptions) => {
      const { filters, wanted } = queryOfOptions(o);
      const page = await throughServerOr(
        'customers list',
        (server) => readPages({ wanted, pageSize: PAGE }, filters, (q) => callServer<Page>(server, 'GET', `/customers${queryOf(q)}`)),
        (s) => readPages({ wanted, pageSize: PAGE }, filters, (q) => listCustomers(s, given(q))),
      );
      const language = cliLanguage();
      await print(page, Boolean(o.json), async () => [
        customerTable(page.items, language, await business()),
        ...(page.next_cursor ? [say('cli.customers.list.more', { cursor: page.next_cursor }).in(language)] : []),
      ].join('\n'));
    }));
}

/** A tier's name in `language` (the program's text, one for all or one per language), else its code. */
function tierText(loyalty: NonNullable<Listed['loyalty']>, language: Language): string {
  const name = loyalty.tier_name as string | Partial<Record<Language, string>> | null;
  return (name === null ? '' : textIn(name, language)) || (loyalty.tier ?? '—');
}

/** The customers as a table: who, their id, customer since, purchases, net spend, last purchase, points to spend and tier. */
export function customerTable(items: Listed[], language: Language, { timeZone, currency }: { timeZone: string; currency: string }): string {
  if (items.length === 0) return say('cli.customers.list.none').in(language);
  const t = (code: 'cli.customers.col.customer' | 'cli.customers.col.id' | 'cli.customers.col.since' | 'cli.metrics.purchases_row' | 'cli.customers.col.last_purchase' | 'cli.customers.col.points' | 'cli.customers.col.tier') => say(code).in(language);
  return table([
    [t('cli.customers.col.customer'), t('cli.customers.col.id'), t('cli.customers.col.since'), t('cli.metrics.purchases_row'), say('cli.customers.col.net_spend').in(language), t('cli.customers.col.last_purchase'), t('cli.customers.col.points'), t('cli.customers.col.tier')],
    ...items.map((c) => [
      displayName(c, language), c.id, whenText(c.customer_since, timeZone), count(c.stats.purchases, language), moneyIn(language, c.stats.net_spend, currency), c.stats.last_purchase_at ? whenText(c.stats.last_purchase_at, timeZone) : '—',
      c.loyalty ? count(c.loyalty.points, language) : '—', c.loyalty?.tier ? tierText(c.loyalty, language) : '—',
    ]),
  ], 'lllrrlrl');
}

/** A customer as the dashboard names them: their name, else their email, phone or card number. */
export const displayName = (c: { first_name: string | null; last_name: string | null; email: string | null; phone: string | null; external_id: string | null }, language: Language) =>
  [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.phone || c.external_id || say('cli.customers.unnamed').in(language);
