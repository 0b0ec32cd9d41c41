import type { FastifyInstance } from 'fastify';
import { AuditQuery } from '../../modules/audit/index.ts';
import type { Services } from '../../services.ts';
import { route } from '../route.ts';
import { AuditPage } from '../responses/audit.ts';

// The activity log over HTTP. Admin: it names the staff and the keys and what each did
// (a points adjustment's reason, who erased a customer), which a till's or a report's key
// has no need to read.
export function auditRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'GET', path: '/audit', tag: 'admin', scope: 'admin',
    summary: 'The activity log: every admin and staff write, who made it and what it was about, newest first',
    description: 'Points adjusted by hand with their reason, program versions published, API keys created and revoked, staff users created and changed, ' +
      'passwords reset, webhooks, customers created, changed, merged and erased, coupon campaigns, coupon uses and their rollbacks, gift cards issued, charged and refunded, refunds… ' +
      'Filter by `action` (exact, or a family ending in a dot: `loyalty.`, `user.`), `actor`, `subject`, `since` and `until`. ' +
      'Paginated as GET /customers: pass next_cursor as `cursor`.',
    query: AuditQuery,
    responses: {
      200: { description: 'A page of entries, newest first', schema: AuditPage },
      422: 'A filter that is not one (each named), since not before until, a cursor this list did not give, or a limit out of 1–200',
    },
    handler: async (req) => s.audit.list(req.query),
  });
}
