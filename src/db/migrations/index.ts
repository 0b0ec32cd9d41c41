import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_loyalty.ts';
import * as m0003 from './0003_analytics.ts';
import * as m0004 from './0004_analytics_rollups.ts';
import * as m0005 from './0005_outbox_cursor.ts';
import * as m0006 from './0006_loyalty_write_cost.ts';
import * as m0007 from './0007_in_place_updates.ts';
import * as m0008 from './0008_long_histories.ts';
import * as m0009 from './0009_category_prefilter.ts';
import * as m0010 from './0010_vacuum_recent_history.ts';
import * as m0011 from './0011_admin_write_keys.ts';
import * as m0012 from './0012_merge_and_delivery_lookups.ts';
import * as m0013 from './0013_referral_codes_follow_merges.ts';
import * as m0014 from './0014_coupon_uses_by_campaign.ts';
import * as m0015 from './0015_chosen_coupon_codes.ts';
import * as m0016 from './0016_referral_revocation.ts';
import * as m0017 from './0017_referrer_revocation_done.ts';
import * as m0018 from './0018_capped_purchase_entries.ts';
import * as m0019 from './0019_partial_capture.ts';
import * as m0020 from './0020_refunds_of_expired_points.ts';
import * as m0021 from './0021_challenge_revocation.ts';
import * as m0022 from './0022_promotion_listings.ts';
import * as m0023 from './0023_activity_log.ts';
import * as m0024 from './0024_coupon_use_discounts.ts';
import * as m0025 from './0025_analytics_settings.ts';
import * as m0026 from './0026_customer_list_orders.ts';
import * as m0027 from './0027_coupon_use_amounts.ts';
import * as m0028 from './0028_gift_card_refunds.ts';
import * as m0029 from './0029_coupon_use_rollbacks.ts';
import * as m0030 from './0030_coupon_uses_by_order.ts';
import * as m0031 from './0031_purchase_referral_codes.ts';
import * as m0032 from './0032_merged_identities.ts';

// One global, forward-only order. A new migration is a new file added at the end here;
// a shipped migration is never edited.
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_loyalty': m0002,
  '0003_analytics': m0003,
  '0004_analytics_rollups': m0004,
  '0005_outbox_cursor': m0005,
  '0006_loyalty_write_cost': m0006,
  '0007_in_place_updates': m0007,
  '0008_long_histories': m0008,
  '0009_category_prefilter': m0009,
  '0010_vacuum_recent_history': m0010,
  '0011_admin_write_keys': m0011,
  '0012_merge_and_delivery_lookups': m0012,
  '0013_referral_codes_follow_merges': m0013,
  '0014_coupon_uses_by_campaign': m0014,
  '0015_chosen_coupon_codes': m0015,
  '0016_referral_revocation': m0016,
  '0017_referrer_revocation_done': m0017,
  '0018_capped_purchase_entries': m0018,
  '0019_partial_capture': m0019,
  '0020_refunds_of_expired_points': m0020,
  '0021_challenge_revocation': m0021,
  '0022_promotion_listings': m0022,
  '0023_activity_log': m0023,
  '0024_coupon_use_discounts': m0024,
  '0025_analytics_settings': m0025,
  '0026_customer_list_orders': m0026,
  '0027_coupon_use_amounts': m0027,
  '0028_gift_card_refunds': m0028,
  '0029_coupon_use_rollbacks': m0029,
  '0030_coupon_uses_by_order': m0030,
  '0031_purchase_referral_codes': m0031,
  '0032_merged_identities': m0032,
};
