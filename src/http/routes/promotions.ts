import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CampaignCodesQuery, CampaignListQuery, CODE_CSV_COLUMNS, GiftCardListQuery } from '../../modules/loyalty/index.ts';
import type { Services } from '../../services.ts';
import { parseInput } from '../../shared/validation.ts';
import { route } from '../route.ts';
import { CampaignCodePage, CampaignPage, CampaignSummary, GiftCardPage } from '../responses/promotions.ts';

// The promotions' read side over HTTP: the campaigns of promotion coupons with their
// figures, a campaign's codes (JSON a page at a time, or all as a CSV download), and every
// gift card. The writes are in routes/loyalty.ts (POST /coupons/campaigns, /gift-cards).

type IdParams = { id: string };

/** Whether a request asks for CSV: ?format=csv, or an Accept that names text/csv before JSON (a browser's link sends neither, so the link says format=csv). */
function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = request.headers.accept ?? '';
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv >= 0 && (json < 0 || csv < json);
}

export function promotionRoutes(app: FastifyInstance, s: Services, prefix: string) {
  const L = s.loyalty;

  route(app, prefix, {
    method: 'GET', path: '/coupons/campaigns', tag: 'loyalty', scope: 'read',
    summary: 'The campaigns of promotion coupons, newest first, each with its figures and where it stands',
    description: 'Each campaign says what it gives, how it was made (unique codes or one shared code), its uses so far, the codes used, the distinct customers named at a use, ' +
      'the discount given as its uses told it (a fixed amount per use; a percentage of the order_subtotal a redemption sent; a free product\'s product_price), with the uses that did not tell it counted in uses_without_discount, and its status now. ' +
      'Paginated as GET /customers: pass next_cursor as `cursor`.',
    query: CampaignListQuery,
    responses: { 200: { description: 'A page of campaigns, newest first', schema: CampaignPage }, 422: 'A cursor this list did not give, or a limit out of 1–500' },
    handler: async (req) => L.campaigns(req.query),
  });
  route(app, prefix, {
    method: 'GET', path: '/coupons/campaigns/:id', tag: 'loyalty', scope: 'read', summary: 'One campaign of promotion coupons with its figures',
    responses: { 200: { description: 'The campaign', schema: CampaignSummary }, 404: 'Unknown campaign' },
    handler: async (req) => L.campaign((req.params as IdParams).id),
  });
  // Admin, not read: a campaign's unique codes are bearer secrets — whoever holds the list
  // can spend every code, as a till would — and a read key is given to reports and
  // dashboards that never need them. The campaign's figures (above) are read.
  route(app, prefix, {
    method: 'GET', path: '/coupons/campaigns/:id/codes', tag: 'loyalty', scope: 'admin',
    summary: "A campaign's codes with their uses: a page as JSON, or every code as a CSV download (Accept: text/csv or format=csv)",
    description: 'JSON: a page of codes in code order, each with its uses, whether it can be used now and when it was last used; pass next_cursor as `cursor`. ' +
      'CSV: every code of the campaign, one line each, for a mail merge; `state` is `usable` or why not (as a coupon check\'s problem_code); sent as it is read, a page of codes at a time (chunked, no Content-Length), with Cache-Control: no-store. ' +
      'Needs the admin scope: the codes are bearer secrets.',
    query: CampaignCodesQuery,
    responses: {
      200: { description: 'A page of codes (JSON), or all of them (CSV)', schema: CampaignCodePage, csv: { columns: CODE_CSV_COLUMNS } },
      404: 'Unknown campaign',
      422: 'A cursor this list did not give, a limit out of 1–500, or a format other than json or csv',
    },
    handler: async (req, reply) => {
      const { id } = req.params as IdParams;
      const query = parseInput(CampaignCodesQuery, req.query ?? {}, 'query');
      if (!wantsCsv(req, query.format)) return L.campaignCodes(id, req.query);
      // Written as the pages are read (a campaign may have 100,000 codes); an unknown
      // campaign is a 404 before anything is sent. The codes are bearer secrets: no cache
      // along the way may keep them.
      const { chunks, fileName } = await L.campaignCodesCsvStream(id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store')
        .send(Readable.from(chunks, { objectMode: false }));
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/gift-cards', tag: 'loyalty', scope: 'read', summary: 'Every gift card, newest first, with its balance, holder and status',
    description: 'Filter by `status`: active (can pay), used_up (nothing left), expired (a balance left past its expiry). Paginated as GET /customers: pass next_cursor as `cursor`.',
    query: GiftCardListQuery,
    responses: { 200: { description: 'A page of gift cards, newest first', schema: GiftCardPage }, 422: 'An unknown status, a cursor this list did not give, or a limit out of 1–500' },
    handler: async (req) => L.giftCards(req.query),
  });
}
