import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A coupon's code as a customer brings it: copied out of an e-mail or a document whose
// editor turned the printed hyphens into en dashes, typed in lower case with spaces. The
// till's check and redeem find the coupon all the same (shared/codes.ts bareCode); before,
// an en dash answered 404 "no coupon".

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

describe('a coupon code written with other dashes, spaces or case', () => {
  it('is checked and redeemed as the code it stands for, once', async () => {
    const made = await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Typed codes', idempotency_key: 'typed', benefit: { type: 'percent_discount', percent: 10 }, count: 1, max_uses: 1 } });
    const [printed] = made.json().codes as string[];
    expect(printed).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    for (const typed of [printed.replaceAll('-', '\u2013'), printed.replaceAll('-', '\u2014'), printed.toLowerCase().replaceAll('-', ' ')]) {
      const check = await api.call('GET', `/api/v1/coupons/${encodeURIComponent(typed)}`);
      expect(check.statusCode, typed).toBe(200);
      expect(check.json()).toMatchObject({ code: printed, usable: true });
    }
    const used = await api.call('POST', `/api/v1/coupons/${encodeURIComponent(printed.replaceAll('-', '\u2013'))}/redeem`, { body: { idempotency_key: 'till-1', order_subtotal: '20.00' } });
    expect(used.statusCode).toBe(201);
    expect(used.json().discount_given).toBe('2.00');
    // Its one use is spent, by whichever spelling it comes next.
    const again = await api.call('POST', `/api/v1/coupons/${encodeURIComponent(printed)}/redeem`, { body: { idempotency_key: 'till-2', order_subtotal: '20.00' } });
    expect(again.statusCode).toBe(409);
  });
});
