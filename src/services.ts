import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/index.ts';
import { systemClock, type Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';
import { withFields } from './shared/objects.ts';
import { createStoreService } from './modules/stores/index.ts';
import { createCustomerService } from './modules/customers/index.ts';
import { createCommerceService, customerStatsOrders } from './modules/commerce/index.ts';
import { createAuthService } from './modules/auth/index.ts';
import { createWebhookService } from './modules/webhooks/index.ts';
import { createLoyalty, customerDatesOf, customerSinceOrder, pointsOrder } from './modules/loyalty/index.ts';
import { createRecommendationService, createScoresService } from './modules/analytics/index.ts';
import { createAuditService } from './modules/audit/index.ts';

// The composition root's wiring: every service is built once here from its explicit
// dependencies (no global singletons), and handed to the HTTP app, the jobs and the CLI.
export function createServices({ config, database, clock = systemClock, logger, localCliToken }: {
  config: Config; database: DatabaseHandle; clock?: Clock; logger: Logger;
  /** A serving process's token for commands run on this machine (db/lock.ts). */
  localCliToken?: string;
}) {
  const { db } = database;
  const stores = createStoreService({ db, clock });
  // The customers list sorts by commerce's and loyalty's values through SQL those modules write (customer-order.ts);
  // by customer_since through the SQL its answers read it with (customer-dates.ts).
  const orders = withFields(customerStatsOrders, { points: pointsOrder, customer_since: customerSinceOrder });
  const customers = createCustomerService({ db, stores, clock, timeZone: config.timeZone, defaultRegion: config.phoneRegion, datesOf: customerDatesOf, orders });
  const loyalty = createLoyalty({ db, clock, currency: config.currency, timeZone: config.timeZone, referralLink: config.referralLink });
  const commerce = createCommerceService({
    db, customers, stores, clock, currency: config.currency, timeZone: config.timeZone,
    onRefund: (trx, refund) => loyalty.reverseForRefund(trx, refund),
    onRefundReplay: (trx, refund) => loyalty.refundAnswer(trx, refund),
    // A purchase refunded in full gives back the coupon uses made on its order (coupon-rollbacks.ts).
    onFullRefunds: (trx, refunds, told) => loyalty.rollbackUsesOfRefundedOrders(trx, refunds, told),
    onFullRefundReplay: (trx, refund) => loyalty.usesGivenBackBy(trx, refund),
  });
  const auth = createAuthService({ db, clock, localCliToken });
  const scores = createScoresService({ db, clock, timeZone: config.timeZone, currency: config.currency, logger });
  const recommendations = createRecommendationService({ db, clock });
  const webhooks = createWebhookService({ db, logger, clock });
  // The activity log names its actors and subjects from auth's users and keys and the webhooks' endpoints.
  const audit = createAuditService({ db, timeZone: config.timeZone, directory: { users: auth.listUsers, apiKeys: auth.listApiKeys, webhooks: webhooks.list } });
  return { config, database, db, clock, logger, stores, customers, commerce, loyalty, auth, webhooks, scores, recommendations, audit };
}

export type Services = ReturnType<typeof createServices>;
