import { beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { describeAccount } from './loyalty-account.ts';

// `regulars loyalty account` tells the member's referral code, and the link to share when
// REFERRAL_LINK is set, as the API's account and the dashboard's Loyalty tab give them.
const actor = { actor: 'test' };
const program = { name: 'Friends', earning: { points_per_currency_unit: 1 }, bonuses: { referral: { referrer: 500, friend: 250 } } };
const withLink = { REFERRAL_LINK: 'https://shop.example/?ref={code}' };

async function told(env: Record<string, string>, language: 'en' | 'ru') {
  const s = await openTestServices(env);
  try {
    await s.loyalty.applyProgram({ program }, actor);
    const [{ customerId: id }] = await recordAll(s, [{ external_id: 'o-1', customer: { email: 'ana@example.com', first_name: 'Ana' }, occurred_at: '2026-05-10T09:00:00Z', total: '2.00' }]);
    const lines = (account: Awaited<ReturnType<typeof s.loyalty.account>>) =>
      describeAccount(account, { who: 'ana@example.com', shown: 1 }, language, { timeZone: 'Europe/Ljubljana', currency: 'EUR' }).split('\n');
    const before = lines(await s.loyalty.account(id, { language }));
    const { code } = await s.loyalty.referralCode(id);
    return { code, before, after: lines(await s.loyalty.account(id, { language })) };
  } finally {
    await s.close();
  }
}

let linked: Awaited<ReturnType<typeof told>>;
let plain: Awaited<ReturnType<typeof told>>;
beforeAll(async () => {
  linked = await told(withLink, 'en');
  plain = await told({}, 'ru');
});

describe('regulars loyalty account and the referral code', () => {
  it('gives the code and the link to share when REFERRAL_LINK is set', () => {
    expect(linked.after).toContain(`Referral code: ${linked.code} — link: https://shop.example/?ref=${linked.code}`);
  });

  it('gives the code alone without REFERRAL_LINK, in the language, and nothing before the member has one', () => {
    expect(plain.after).toContain(`Реферальный код: ${plain.code}`);
    expect(plain.after.join('\n')).not.toContain('ссылка');
    expect(linked.before.join('\n')).not.toContain('Referral code');
  });
});
