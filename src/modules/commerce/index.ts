export { PurchaseInput, RefundInput, PurchaseBatch, BATCH_LIMIT, PURCHASE_CHANNELS, ReferralCodeText, referralCodeOf } from './purchase.schema.ts';
export { isSameRequest, keptRequestOf, purchaseKeyLock, purchaseMeaning, withOrderId, type KeptRequest, type PreparedPurchase } from './purchase.prepare.ts';
export { preparedPurchaseView, type PurchaseView, type CustomerStatsView } from './purchase.view.ts';
export { createCommerceService, type CommerceService } from './purchase.service.ts';
export type { CouponUseGivenBack, FullRefund, RefundFacts } from './refund-record.ts';
export { CATEGORIES_KEPT } from './purchase.repository.ts';
export type { RefundChecker } from './refund-check.ts';
export {
  describePurchaseDifference, describeRefundDifference, purchaseConflict, refundConflict, recordedOfPrepared, type RecordedPurchase, type RecordedRefund,
} from './purchase-difference.ts';
export { linesAmountMinor } from './purchase-lines.ts';
export { atSkuAverage, valueOfLines, type BoughtLine, type PurchaseReturns, type ReturnedLine } from './refund-lines.ts';
export { customerStatsOrders } from './customer-orders.ts';
