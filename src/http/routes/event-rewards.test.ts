import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// QA: an event reward's name was given in five languages and its invitation text in one
// ("Coffee tasting with our roaster" beside "Večer pokušine kave"). The text is now a
// localized text as the name is: one string, or one per language, kept as given in the
// catalogue and in the coupon's benefit, for the reader's language to be picked where
// it is shown (the dashboard, a till).

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const tasting = { en: 'Coffee tasting with our roaster', sl: 'Pokušina kave z našim pražarjem', ru: 'Дегустация кофе с нашим обжарщиком' };
const program = {
  name: 'Evenings',
  earning: { points_per_currency_unit: 10 },
  bonuses: { sign_up: 500 },
  rewards: [
    { code: 'tasting', name: { en: 'Coffee tasting evening', sl: 'Večer pokušine kave' }, type: 'event', event: tasting, points: 300 },
    { code: 'lounge', name: 'Lounge', type: 'event', event: 'Lounge evening', points: 100 },
  ],
};

let mia: string;

beforeAll(async () => {
  expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program } })).statusCode).toBe(201);
  mia = (await api.call('POST', '/api/v1/customers', { body: { email: 'mia@example.com' } })).json().id;
  expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/enrol`)).json().balance).toBe(500);
});

describe('an event reward with its text per language', () => {
  it('is served in the catalogue as given, a text in one language still as one text', async () => {
    const rewards = (await api.call('GET', '/api/v1/loyalty/rewards?language=sl')).json().rewards;
    expect(rewards.map((r: { event: unknown }) => r.event)).toEqual([tasting, 'Lounge evening']);
  });

  it("goes with the coupon its redemption issues, and the coupon check shows it so", async () => {
    const redeemed = await api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: 'tasting', idempotency_key: 'tasting-1' } });
    expect(redeemed.statusCode).toBe(201);
    const code = redeemed.json().coupon.code as string;
    expect(redeemed.json().coupon.benefit).toEqual({ type: 'event', event: tasting, name: program.rewards[0].name });
    expect((await api.call('GET', `/api/v1/coupons/${code}`)).json()).toMatchObject({ usable: true, benefit: { type: 'event', event: tasting } });
  });

  it('is refused in a language the product does not speak, as a name is', async () => {
    const refused = await api.call('POST', '/api/v1/loyalty/program', { body: { program: { ...program, rewards: [{ ...program.rewards[0], event: { de: 'Kaffeeverkostung' } }] } } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain('program.rewards.0.event');
  });
});
