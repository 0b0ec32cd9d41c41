import { sql } from 'kysely';
import type { Db } from '../../../../db/index.ts';
import { notFound } from '../../../../shared/errors.ts';
import { isUuid } from '../../../../shared/ids.ts';
import { say } from '../../../../shared/messages/index.ts';
import { parseInput } from '../../../../shared/validation.ts';
import type { LoyaltyCore } from '../../loyalty.core.ts';
import { couponProblem, normalizeCode, shownCode } from '../codes.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { CampaignCodesQuery } from './listings.schema.ts';

// A campaign's codes with their uses: a page at a time for a screen, or all of them as
// CSV for a business to mail-merge ("Dear Ana, your code is …"). Unique codes are bearer
// secrets — whoever holds the list can spend every one — so the route asks for the admin
// scope (src/http/routes/promotions.ts).

type CodeRow = { code: string; chosen_code: string | null; status: string; uses: number; max_uses: number; valid_from: Date | null; expires_at: Date | null };

/** RFC 4180: a field with a comma, a quote or a line break goes in quotes, its quotes doubled. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** How many codes a page of the CSV download reads: what one download holds at a time, whatever the campaign's size. */
export const CSV_PAGE = 1000;

/** The CSV's columns, in order: the code as its holder types it first, for a mail merge's field. */
export const CODE_CSV_COLUMNS = ['code', 'state', 'uses', 'max_uses', 'last_used_at', 'valid_from', 'expires_at'] as const;

/** A file name for the download from a campaign's name: its letters and digits (ASCII, so every mail client keeps it), else its id. */
export function codesFileName(campaign: { id: string; name: string }): string {
  const slug = campaign.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || campaign.id}-codes.csv`;
}

export function createCampaignCodes(core: LoyaltyCore) {
  const { db, clock, timeZone } = core.deps;

  async function requireCampaign(id: string) {
    const campaign = isUuid(id) ? await db.selectFrom('coupon_campaigns').select(['id', 'name']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!campaign) throw notFound(say('campaign.not_found', { id }));
    return campaign;
  }

  /** When each of the codes given was last used (by a use that stands: one rolled back is not a use). */
  async function lastUses(d: Db, campaignId: string, codes: string[]): Promise<Map<string, Date>> {
    if (codes.length === 0) return new Map();
    const rows = await d.selectFrom('coupon_uses').select(['code', sql<Date>`max(used_at)`.as('at')]).where('campaign_id', '=', campaignId).where('code', 'in', codes)
      .where('rolled_back_at', 'is', null).groupBy('code').execute();
    return new Map(rows.map((r) => [r.code, new Date(r.at)]));
  }

  const view = (c: CodeRow, lastUsed: Date | undefined, now: Date) => {
    const problem = couponProblem(c, now, timeZone);
    return {
      code: shownCode(c), uses: c.uses, max_uses: c.max_uses, usable: problem === null, problem_code: problem?.code ?? null,
      last_used_at: lastUsed?.toISOString() ?? null, valid_from: c.valid_from?.toISOString() ?? null, expires_at: c.expires_at?.toISOString() ?? null,
    };
  };

  const CODE_COLUMNS = ['code', 'chosen_code', 'status', 'uses', 'max_uses', 'valid_from', 'expires_at'] as const;
  /** A code's line of the CSV (CODE_CSV_COLUMNS), without its line end. */
  const csvLine = (c: ReturnType<typeof view>) =>
    [c.code, c.problem_code ?? 'usable', String(c.uses), String(c.max_uses), c.last_used_at ?? '', c.valid_from ?? '', c.expires_at ?? ''].map(csvField).join(',');

  /**
   * Every code of a campaign as CSV (CODE_CSV_COLUMNS, a header line first, CRLF lines),
   * with the file name to offer it under, as chunks of text to write as they come: the
   * codes are read a page at a time in code order (by keyset on the campaign's code
   * index), each page with its codes' last uses, so a download of 100,000 codes holds one
   * page, never the whole list. The campaign is looked up before the first chunk (an
   * unknown id is a 404 before anything is sent). The pages are read one after another,
   * not in one transaction: on PGlite a transaction would hold the only connection for as
   * long as the slowest client takes to read, so a code used during the download shows
   * its uses as its page found them, as a page of the JSON list does. `state` is `usable`
   * or why not, as a coupon check's problem_code says it, as of the download's start.
   */
  async function csvStream(id: string, { pageSize = CSV_PAGE }: { pageSize?: number } = {}) {
    const campaign = await requireCampaign(id);
    const now = clock.now();
    async function* chunks(): AsyncGenerator<string> {
      yield `${CODE_CSV_COLUMNS.join(',')}\r\n`;
      let after: string | undefined;
      for (;;) {
        let select = db.selectFrom('coupons').select(CODE_COLUMNS).where('campaign_id', '=', campaign.id);
        if (after !== undefined) select = select.where('code', '>', after);
        const rows = await select.orderBy('code').limit(pageSize).execute();
        if (rows.length === 0) return;
        const used = await lastUses(db, campaign.id, rows.filter((c) => c.uses > 0).map((c) => c.code));
        yield rows.map((row) => `${csvLine(view(row, used.get(row.code), now))}\r\n`).join('');
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1].code;
      }
    }
    return { fileName: codesFileName(campaign), chunks: chunks() };
  }

  return {
    /** A page of a campaign's codes in code order, each with its uses and whether it can be used now. */
    async campaignCodes(id: string, query: unknown) {
      const q = parseInput(CampaignCodesQuery, query ?? {}, 'query');
      const campaign = await requireCampaign(id);
      let select = db.selectFrom('coupons').select(CODE_COLUMNS).where('campaign_id', '=', campaign.id);
      if (q.cursor) {
        // A stored code (upper case, no dashes): what normalizeCode leaves of it is itself.
        const [after] = decodeCursor(q.cursor, [(code) => code.length > 0 && normalizeCode(code) === code]);
        select = select.where('code', '>', after);
      }
      const rows = await select.orderBy('code').limit(q.limit + 1).execute();
      const page = rows.slice(0, q.limit);
      const used = await lastUses(db, campaign.id, page.filter((c) => c.uses > 0).map((c) => c.code));
      const now = clock.now();
      const last = page[page.length - 1];
      return { items: page.map((c) => view(c, used.get(c.code), now)), next_cursor: rows.length > q.limit && last ? encodeCursor([last.code]) : null };
    },

    /** Every code as CSV, a page at a time (csvStream): for the download route. */
    campaignCodesCsvStream: csvStream,

    /** The same download as one text (the command line's local path, and tests). */
    async campaignCodesCsv(id: string) {
      const { fileName, chunks } = await csvStream(id);
      let csv = '';
      for await (const chunk of chunks) csv += chunk;
      return { fileName, csv };
    },
  };
}
