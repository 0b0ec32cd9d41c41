import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../src/workflows/customer-lifecycle.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import type { Services } from '../../src/services.ts';
import { deliver } from '../helpers/deliver.ts';
import { useDashboard } from './browser.ts';

// The loyalty report page on the README's case worked by hand (API, "The liability is …";
// src/modules/loyalty/accounts/report-worked.test.ts holds the API to it): the figures a
// person reads, in English and Slovenian, and the pending points beside the liability that
// counts them (the page listed them only among the flows below).
const program = {
  name: 'Worked', point_value: '0.01', pending_days: 14, earning: { points_per_currency_unit: 1 },
  expiry: { policy: 'per_lot', months: 12 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
  tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'member', name: { en: 'Member', sl: 'Član' }, threshold: '0' }, { code: 'silver', name: { en: 'Silver', sl: 'Srebrni' }, threshold: '100.00' }] },
  rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'COF', points: 200 }],
};
const actor = { actor: 'test' };

async function seed(s: Services) {
  const buy = async (email: string, key: string, total: string, at: string) => {
    const [o] = await recordPurchases(s, [{ external_id: key, customer: { email }, occurred_at: at, total }], { source: 'api' });
    if (o.status === 'error') throw o.error;
    return o;
  };
  await s.loyalty.applyProgram({ program, effective_from: '2025-01-01T00:00:00Z' }, actor);
  const a = (await buy('a@example.com', 'a-old', '50.00', '2025-05-01T10:00:00Z')).customerId;
  await buy('a@example.com', 'a-1', '300.00', '2026-05-01T10:00:00Z');
  await s.loyalty.redeemReward(a, { reward: 'coffee', idempotency_key: 'a-coffee' }, actor);
  const { code } = await s.loyalty.referralCode(a);
  const f = await s.customers.upsert({ email: 'f@example.com' }, actor);
  await s.loyalty.claimReferral(f.customer.id, { code }, actor);
  await buy('f@example.com', 'f-1', '10.00', '2026-05-10T10:00:00Z');
  await buy('f@example.com', 'f-2', '20.00', '2026-05-28T10:00:00Z');
  const g = await s.customers.upsert({ email: 'g@example.com' }, actor);
  await s.loyalty.claimReferral(g.customer.id, { code }, actor);
  const g1 = await buy('g@example.com', 'g-1', '40.00', '2026-05-28T10:00:00Z');
  await deliver(s, 'loyalty.referral_qualified');
  await s.commerce.refund(g1.purchaseId, { external_id: 'g-1-back' }, actor);
  await deliver(s, 'loyalty.referral_revoked');
  // G erased: no member any more, his ledger (nothing left in it) still in the figures.
  await eraseCustomer(s, g.customer.id, actor);
}

const dashboard = useDashboard({ seed });
const text = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).replace(/\s+/g, ' ').trim();

async function reportIn(page: Page, language: string) {
  await page.evaluate((l) => localStorage.setItem('regulars.language', l), language);
  await page.goto(new URL('/loyalty', dashboard.server.url).href);
  await page.getByTestId('loyalty-report').waitFor();
  return {
    members: await text(page, 'kpi-members'), outstanding: await text(page, 'kpi-outstanding'),
    redemption: await text(page, 'kpi-redemption'), breakage: await text(page, 'kpi-breakage'),
    issued: await text(page, 'points-issued'), tiers: (await page.getByTestId('tier-table').locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()),
  };
}

describe('the loyalty report page on a case worked by hand', () => {
  it('shows the liability with its pending points, the rates and the tiers, in English and Slovenian', async () => {
    const page = await dashboard.logIn();
    expect(await reportIn(page, 'en')).toEqual({
      members: 'Members 2',
      outstanding: 'Outstanding points 880 Liability €8.80 770 of them pending, not spendable yet',
      redemption: 'Redemption rate 17.7% of the points issued',
      breakage: 'Breakage 4.4% of the points issued',
      issued: expect.stringContaining('Points issued: 1,130'),
      tiers: ['Member 1 50%', 'Silver 1 50%'],
    });
    const sl = await reportIn(page, 'sl');
    expect(sl).toEqual({
      members: 'Člani 2',
      outstanding: 'Neporabljene točke 880 Obveznost 8,80 € 770 od tega v čakanju, še ne za porabo',
      redemption: expect.stringMatching(/^Delež unovčenih 17,7 %/),
      breakage: expect.stringMatching(/^Delež zapadlih 4,4 %/),
      issued: expect.stringContaining('Izdane točke: 1130'),
      tiers: ['Član 1 50 %', 'Srebrni 1 50 %'],
    });
  });
});
