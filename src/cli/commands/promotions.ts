import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { CampaignInput, CouponRollbackInput, GIFT_CARD_STATES, GiftCardChargeInput, GiftCardIssueInput, GiftCardRefundInput } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { invalidField, isAppError, type AppError } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { money } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import { parseInput, refusedTogether } from '../../shared/validation.ts';
import { print, throughServerOr } from '../context.ts';
import { namingOptions } from '../option-names.ts';
import { customerId, writeKey } from '../customers.ts';
import { business } from '../dates.ts';
import { cliLanguage, countIn } from '../language.ts';
import { callServer, queryOf } from '../remote.ts';
import {
  campaignTable, codeTable, describeCampaign, describeGiftCard, giftCardTable, type Campaign, type CampaignCode, type GiftCard, type ListedGiftCard,
} from './promotions-text.ts';

// `regulars coupons …` and `regulars gift-cards …`: promotion coupons in bulk and gift
// cards, made and reviewed as the API's POST /coupons/campaigns, POST /gift-cards and their
// lists do it (the same services; through a running server, its routes). What they make is
// stored value, so each write carries an idempotency key — --key, or one generated and told
// on stderr before anything is sent, so an interrupted command is run again safely.

type Loyalty = Services['loyalty'];
type CampaignMade = Awaited<ReturnType<Loyalty['createCampaign']>>;
type GiftCardIssued = Awaited<ReturnType<Loyalty['issueGiftCard']>>;
type GiftCardCharged = Awaited<ReturnType<Loyalty['chargeGiftCard']>>;
type GiftCardRefunded = Awaited<ReturnType<Loyalty['refundGiftCard']>>;
type CouponRolledBack = Awaited<ReturnType<Loyalty['rollbackCouponUse']>>;
type Page<T> = { items: T[]; next_cursor: string | null };
type PageQuery = { limit: number | string; cursor?: string };

const path = (route: string, id: string) => `${route}/${encodeURIComponent(id)}`;

/** A number option as a number when it is written as one; otherwise as typed, for the schema to refuse by its field. */
const numeric = (value: string | undefined): number | string | undefined => (value !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);

/** An amount written as a number not above 0: refused before a key is told or anything sent, as the service would refuse it. */
function notPositive(amount: string | undefined): AppError[] {
  const value = numeric(amount);
  return typeof value === 'number' && value <= 0 ? [invalidField('amount', say('field.positive'))] : [];
}

/** Every item of a paged list (newest first), or the first `limit` of them: pages of up to 500, the lists' largest. */
async function allPages<T>(limit: string | undefined, page: (query: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const wanted = limit === undefined ? Infinity : Number(limit);
  // Not a count: the list's own refusal of it ("limit: …"), as the API gives it.
  if (limit !== undefined && !(/^\d+$/.test(limit) && wanted > 0)) return (await page({ limit })).items;
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page({ limit: Math.min(500, wanted - items.length), cursor });
    items.push(...next.items);
    cursor = next.next_cursor ?? undefined;
  } while (cursor && items.length < wanted);
  return items;
}

/**
 * Checks an input as the service will, before a database is opened or a key told: every bad
 * field at once, with `known` (the options' own refusals). `parse` is parseInput with its
 * subject written out, as every call of it names its subject (validation.test.ts).
 */
function check(what: 'campaign' | 'gift card' | 'gift card charge' | 'gift card refund' | 'coupon rollback', parse: () => unknown, known: AppError[] = []) {
  const errors = [...known];
  try {
    parse();
  } catch (error) {
    if (!isAppError(error)) throw error;
    errors.push(error);
  }
  if (errors.length > 0) throw refusedTogether(what, errors);
}

type CreateOptions = {
  name: string; count?: string; code?: string; amount?: string; percent?: string; sku?: string; maxUses?: string; perCustomer?: string;
  validFrom?: string; expiresAt?: string; key?: string; json?: boolean;
};

// A campaign's fields as the options of coupons create that set them, in its refusals (the
// benefit's own message names its three options).
const CAMPAIGN_OPTIONS = {
  name: '--name', count: '--count', code: '--code', 'benefit.amount': '--amount', 'benefit.percent': '--percent', 'benefit.sku': '--sku',
  max_uses: '--max-uses', per_customer_limit: '--per-customer', valid_from: '--valid-from', expires_at: '--expires-at', idempotency_key: '--key',
};

function couponCommands(program: Command) {
  const coupons = program.command('coupons').description('promotion coupons: campaigns of unique codes or of one shared code');

  coupons
    .command('create')
    .description('create a campaign of coupons: unique codes to hand out (--count), or one shared code (--code)')
    .requiredOption('--name <name>', "the campaign's name, as the lists show it")
    .option('--count <n>', 'this many unique codes (1–100000)')
    .option('--code <code>', 'one shared code customers type in, e.g. SUMMER25 (instead of --count)')
    .option('--amount <amount>', 'an amount off per use, e.g. 5.00')
    .option('--percent <percent>', 'a percentage off, e.g. 10')
    .option('--sku <sku>', 'a free product, by its SKU')
    .option('--max-uses <n>', 'uses per code (default 1: each code once)')
    .option('--per-customer <n>', 'uses per customer across the whole campaign (a till then names the customer)')
    .option('--valid-from <when>', "YYYY-MM-DD (from the start of that day in the business's time zone) or an ISO timestamp the codes can be used from (default now)")
    .option('--expires-at <when>', "YYYY-MM-DD (usable through that day in the business's time zone) or an ISO timestamp the codes stop working (default never)")
    .option('--key <key>', 'idempotency key: the same command with the same key makes nothing twice, so a retry is safe (generated and printed when omitted)')
    .option('--json', 'machine-readable output')
    .action(namingOptions(CAMPAIGN_OPTIONS, async (o: CreateOptions) => {
      const benefits = [
        ...(o.amount !== undefined ? [{ type: 'fixed_discount', amount: o.amount }] : []),
        ...(o.percent !== undefined ? [{ type: 'percent_discount', percent: numeric(o.percent) }] : []),
        ...(o.sku !== undefined ? [{ type: 'free_product', sku: o.sku }] : []),
      ];
      const { key, announce } = writeKey(o.key);
      const input = {
        name: o.name, idempotency_key: key, benefit: benefits[0], count: numeric(o.count), code: o.code, max_uses: numeric(o.maxUses),
        per_customer_limit: numeric(o.perCustomer), valid_from: o.validFrom, expires_at: o.expiresAt,
      };
      // Checked before a database is opened or a key told, as the service checks it; a
      // benefit given twice or not at all is said in the options' words, with the rest
      // (the schema then reads a stand-in benefit, to name every other bad field).
      const oneBenefit = benefits.length === 1 ? [] : [invalidField('benefit', say('cli.coupons.one_benefit'))];
      check('campaign', () => parseInput(CampaignInput, oneBenefit.length ? withFields(input, { benefit: { type: 'free_product', sku: 'x' } }) : input, 'campaign'), oneBenefit);
      const { made, campaign } = await throughServerOr(
        'coupons create',
        async (server) => {
          announce();
          const made = await callServer<CampaignMade>(server, 'POST', '/coupons/campaigns', input);
          return { made, campaign: await callServer<Campaign>(server, 'GET', path('/coupons/campaigns', made.id)) };
        },
        async (s) => {
          announce();
          const made = await s.loyalty.createCampaign(input, { actor: 'cli' });
          return { made, campaign: await s.loyalty.campaign(made.id) };
        },
      );
      const language = cliLanguage();
      await print(withFields(made, { idempotency_key: key }), Boolean(o.json), async () => [
        describeCampaign(campaign, say(made.created ? 'cli.coupons.created' : 'cli.coupons.replayed', { name: campaign.name, id: campaign.id }).in(language), (await business()).timeZone, language),
        ...(campaign.kind === 'unique_codes' ? [say('cli.coupons.get_codes', { id: campaign.id }).in(language)] : []),
      ].join('\n'));
    }));

  coupons
    .command('list')
    .description('list the campaigns with their uses, codes used, customers, discount given and status')
    .option('--limit <n>', 'at most this many, newest first (default: all)')
    .option('--json', 'machine-readable output')
    .action(async (o: { limit?: string; json?: boolean }) => {
      const items = await throughServerOr(
        'coupons list',
        (server) => allPages(o.limit, (q) => callServer<Page<Campaign>>(server, 'GET', `/coupons/campaigns${queryOf(q)}`)),
        (s) => allPages(o.limit, (q) => s.loyalty.campaigns(q)),
      );
      print(items, Boolean(o.json), () => campaignTable(items, cliLanguage()));
    });

  coupons
    .command('show')
    .description("a campaign's figures: uses, codes used, customers, discount given, status")
    .argument('<id>', "the campaign's id, as coupons list shows it")
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { json?: boolean }) => {
      const campaign = await throughServerOr('coupons show', (server) => callServer(server, 'GET', path('/coupons/campaigns', id)), (s) => s.loyalty.campaign(id));
      const language = cliLanguage();
      await print(campaign, Boolean(o.json), async () => describeCampaign(campaign, say('cli.coupons.heading', { name: campaign.name, id: campaign.id }).in(language), (await business()).timeZone, language));
    });

  coupons
    .command('codes')
    .description("a campaign's codes with their uses, or all of them as CSV for a mail merge")
    .argument('<id>', "the campaign's id, as coupons list shows it")
    .option('--csv [file]', 'write them as CSV to this file (to stdout without one)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { csv?: string | true; json?: boolean }) => {
      if (o.csv !== undefined) return writeCodesCsv(id, o.csv, Boolean(o.json));
      const items = await throughServerOr(
        'coupons codes',
        (server) => allPages(undefined, (q) => callServer<Page<CampaignCode>>(server, 'GET', `${path('/coupons/campaigns', id)}/codes${queryOf(q)}`)),
        (s) => allPages(undefined, (q) => s.loyalty.campaignCodes(id, q)),
      );
      await print(items, Boolean(o.json), async () => codeTable(items, (await business()).timeZone, cliLanguage()));
    });

  // No key of its own: a use is rolled back once, so the use's key names the rollback, and
  // running the command again answers the rollback it made.
  coupons
    .command('rollback')
    .description("give a coupon's use back (a voided sale, a cancelled order): the coupon can be used again and the use counts nowhere")
    .argument('<code>', "the coupon's code")
    .requiredOption('--use <key>', "the use's idempotency key (the key it was redeemed with)")
    .option('--reason <text>', 'why it is given back (kept in the activity log)')
    .option('--json', 'machine-readable output')
    .action(namingOptions({ use_key: '--use', reason: '--reason' }, async (code: string, o: { use: string; reason?: string; json?: boolean }) => {
      const body = { use_key: o.use, reason: o.reason };
      check('coupon rollback', () => parseInput(CouponRollbackInput, body, 'coupon rollback'));
      const r = await throughServerOr(
        'coupons rollback',
        (server) => callServer<CouponRolledBack>(server, 'POST', `${path('/coupons', code)}/rollbacks`, body),
        (s) => s.loyalty.rollbackCouponUse(code, body, { actor: 'cli' }),
      );
      const told = { use: r.use.idempotency_key, code: r.coupon.code, uses: String(r.coupon.uses), max_uses: String(r.coupon.max_uses) };
      await print(r, Boolean(o.json), () => {
        const language = cliLanguage();
        const lines = [say(r.created ? 'cli.coupons.rolled_back' : 'cli.coupons.rollback_replayed', told).in(language)];
        if (!r.coupon.usable) lines.push(say('cli.coupons.still_unusable').in(language));
        return lines.join('\n');
      });
    }));
}

/** Every code of a campaign as the API's CSV download: to `file`, or (true) to stdout alone. */
async function writeCodesCsv(id: string, file: string | true, json: boolean) {
  const csv = await throughServerOr(
    'coupons codes',
    (server) => callServer<string>(server, 'GET', `${path('/coupons/campaigns', id)}/codes?format=csv`),
    async (s) => (await s.loyalty.campaignCodesCsv(id)).csv,
  );
  if (file === true) return void process.stdout.write(csv);
  try {
    fs.writeFileSync(file, csv);
  } catch (error) {
    throw invalidField('csv', say('cli.coupons.cannot_write', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  // Lines end with CRLF, the last one too; the first is the heading.
  const codes = csv.split('\r\n').length - 2;
  const language = cliLanguage();
  print({ file, codes }, json, () => say('cli.coupons.csv_written', { codes: countIn('codes', codes, language), file }).in(language));
}

// The fields of a gift card's issue, charge and refund as the options that set them, in their refusals.
const GIFT_CARD_OPTIONS = {
  amount: '--amount', customer: '--customer', customer_id: '--customer', expires_at: '--expires-at', order_ref: '--order-ref', charge_key: '--charge', reason: '--reason', idempotency_key: '--key',
};

function giftCardCommands(program: Command) {
  const giftCards = program.command('gift-cards').description("gift cards: stored value in the business's money");

  giftCards
    .command('issue')
    .description('issue a gift card; its code is printed (whoever holds the code can pay with it)')
    .requiredOption('--amount <amount>', "the card's value, e.g. 20.00")
    .option('--customer <who>', 'whose card it is: their id, email, phone or card number (default: nobody\'s)')
    .option('--expires-at <when>', "YYYY-MM-DD (usable through that day in the business's time zone) or an ISO timestamp (default never)")
    .option('--key <key>', 'idempotency key: the same command with the same key makes nothing twice, so a retry is safe (generated and printed when omitted)')
    .option('--json', 'machine-readable output')
    .action(namingOptions(GIFT_CARD_OPTIONS, async (o: { amount: string; customer?: string; expiresAt?: string; key?: string; json?: boolean }) => {
      const { key, announce } = writeKey(o.key);
      const input = { amount: o.amount, idempotency_key: key, expires_at: o.expiresAt };
      check('gift card', () => parseInput(GiftCardIssueInput, input, 'gift card'), notPositive(o.amount));
      // The customer is found first: a refusal of --customer tells no key, as nothing was sent.
      const card = await throughServerOr(
        'gift-cards issue',
        async (server) => {
          const body = withFields(input, { customer_id: await customerId(o.customer, (query) => callServer(server, 'GET', `/customers${queryOf({ query, limit: 2 })}`)) });
          announce();
          return callServer<GiftCardIssued>(server, 'POST', '/gift-cards', body);
        },
        async (s) => {
          const body = withFields(input, { customer_id: await customerId(o.customer, (query) => s.customers.search({ query, limit: 2 })) });
          announce();
          return s.loyalty.issueGiftCard(body, { actor: 'cli' });
        },
      );
      const language = cliLanguage();
      const heading = card.created
        ? say('cli.gift_cards.issued', { code: card.code, amount: money(card.initial, card.currency) })
        : say('cli.gift_cards.replayed', { code: card.code });
      await print(withFields(card, { idempotency_key: key }), Boolean(o.json), async () => describeGiftCard(card, heading.in(language), (await business()).timeZone, language));
    }));

  giftCards
    .command('list')
    .description('list the gift cards with their balances, holders and status, newest first')
    .addOption(new Option('--status <status>', 'only the cards that can be used (active), have nothing left (used_up) or are past their expiry (expired)').choices(GIFT_CARD_STATES))
    .option('--limit <n>', 'at most this many, newest first (default: all)')
    .option('--json', 'machine-readable output')
    .action(async (o: { status?: string; limit?: string; json?: boolean }) => {
      const items = await throughServerOr(
        'gift-cards list',
        (server) => allPages(o.limit, (q) => callServer<Page<ListedGiftCard>>(server, 'GET', `/gift-cards${queryOf(withFields(q, { status: o.status }))}`)),
        (s) => allPages(o.limit, (q) => s.loyalty.giftCards(withFields(q, { status: o.status }))),
      );
      await print(items, Boolean(o.json), async () => giftCardTable(items, (await business()).timeZone, cliLanguage()));
    });

  giftCards
    .command('show')
    .description('a gift card and its balance')
    .argument('<code>', "the gift card's code")
    .option('--json', 'machine-readable output')
    .action(async (code: string, o: { json?: boolean }) => {
      const card = await throughServerOr('gift-cards show', (server) => callServer<GiftCard>(server, 'GET', path('/gift-cards', code)), (s) => s.loyalty.giftCard(code));
      const language = cliLanguage();
      await print(card, Boolean(o.json), async () => describeGiftCard(card, say('cli.gift_cards.heading', { code: card.code }).in(language), (await business()).timeZone, language));
    });

  giftCards
    .command('charge')
    .description('pay (part of) an order from a gift card: the amount comes off its balance')
    .argument('<code>', "the gift card's code")
    .requiredOption('--amount <amount>', 'how much to take, e.g. 12.50')
    .option('--order-ref <ref>', 'the order it pays, kept with the charge')
    .option('--key <key>', 'idempotency key: the same command with the same key makes nothing twice, so a retry is safe (generated and printed when omitted)')
    .option('--json', 'machine-readable output')
    .action(namingOptions(GIFT_CARD_OPTIONS, async (code: string, o: { amount: string; orderRef?: string; key?: string; json?: boolean }) => {
      const { key, announce } = writeKey(o.key);
      const body = { amount: o.amount, idempotency_key: key, order_ref: o.orderRef };
      check('gift card charge', () => parseInput(GiftCardChargeInput, body, 'gift card charge'), notPositive(o.amount));
      announce();
      const r = await throughServerOr(
        'gift-cards charge',
        (server) => callServer<GiftCardCharged>(server, 'POST', `${path('/gift-cards', code)}/charge`, body),
        (s) => s.loyalty.chargeGiftCard(code, body, { actor: 'cli' }),
      );
      const g = r.gift_card;
      const told = { code: g.code, amount: money(r.charged, g.currency), balance: money(g.balance, g.currency) };
      await print(withFields(r, { idempotency_key: key }), Boolean(o.json), () => say(r.created ? 'cli.gift_cards.charged' : 'cli.gift_cards.charge_replayed', told).in(cliLanguage()));
    }));

  giftCards
    .command('refund')
    .description('give (part of) a gift card charge back to the card: an order paid with it, cancelled or returned')
    .argument('<code>', "the gift card's code")
    .requiredOption('--charge <key>', "the charge's idempotency key (its --key)")
    .option('--amount <amount>', 'how much to give back, e.g. 20.00 (default: what is left of that charge)')
    .option('--reason <text>', 'why it is given back (kept in the activity log)')
    .option('--key <key>', 'idempotency key: the same command with the same key makes nothing twice, so a retry is safe (generated and printed when omitted)')
    .option('--json', 'machine-readable output')
    .action(namingOptions(GIFT_CARD_OPTIONS, async (code: string, o: { charge: string; amount?: string; reason?: string; key?: string; json?: boolean }) => {
      const { key, announce } = writeKey(o.key);
      const body = { charge_key: o.charge, amount: o.amount, idempotency_key: key, reason: o.reason };
      check('gift card refund', () => parseInput(GiftCardRefundInput, body, 'gift card refund'), notPositive(o.amount));
      announce();
      const r = await throughServerOr(
        'gift-cards refund',
        (server) => callServer<GiftCardRefunded>(server, 'POST', `${path('/gift-cards', code)}/refunds`, body),
        (s) => s.loyalty.refundGiftCard(code, body, { actor: 'cli' }),
      );
      const g = r.gift_card;
      const told = {
        code: g.code, amount: money(r.refunded, g.currency), balance: money(g.balance, g.currency),
        charge: r.charge.idempotency_key, charged: money(r.charge.charged, g.currency), refundable: money(r.charge.refundable, g.currency),
      };
      await print(withFields(r, { idempotency_key: key }), Boolean(o.json), () => say(r.created ? 'cli.gift_cards.refunded' : 'cli.gift_cards.refund_replayed', told).in(cliLanguage()));
    }));
}

export function promotionCommands(program: Command) {
  couponCommands(program);
  giftCardCommands(program);
}
