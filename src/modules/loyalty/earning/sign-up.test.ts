import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Automatic enrolment of a customer who signs up without buying (the dashboard, POST
// /customers, a customers import): the customer.created subscriber enrols them with the
// sign-up bonus, then a complete profile earns its bonus, as a buyer gets both. Handlers
// are called the way the job queue calls them, with the stored events.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = (enrolment: 'automatic' | 'on_request') => ({
  name: 'Sign-up',
  enrolment,
  earning: { points_per_currency_unit: 1 },
  bonuses: { sign_up: 100, profile_completion: 70 },
});

const account = (id: string) => s.loyalty.account(id);

beforeAll(async () => {
  s = await openTestServices();
});
afterAll(() => s?.close());

describe('automatic enrolment at sign-up', () => {
  it('enrols a customer created without a purchase, with the sign-up and profile bonuses, once', async () => {
    await s.loyalty.applyProgram({ program: program('automatic') }, actor);
    const ana = (await s.customers.upsert({ email: 'ana@example.com', first_name: 'Ana', last_name: 'Kos', phone: '+38640111222', birthday: '1990-04-05' }, actor)).customer.id;
    expect((await account(ana)).member).toBe(false);
    await deliver(s, 'customer.created');
    await deliver(s, 'customer.created');
    const a = await account(ana);
    
    expect(a.balance).toBe(170);
    if (!a.member) throw new Error("not a member");
    expect(a.explanation.entries.map((e) => e.points).sort()).toEqual([100, 70]);
    // A buyer joined in the purchase's transaction: the event adds nothing.
    const [bo] = await recordAll(s, [{ external_id: 'b1', customer: { email: 'bo@example.com' }, occurred_at: '2026-05-20T10:00:00Z', total: '5.00' }]);
    await deliver(s, 'customer.created');
    expect((await account(bo.customerId)).balance).toBe(105);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('leaves a customer who signs up alone when members join on request, and gives a complete profile its bonus when they join', async () => {
    await s.loyalty.applyProgram({ program: program('on_request') }, actor);
    const cy = (await s.customers.upsert({ email: 'cy@example.com', first_name: 'Cy', last_name: 'Bor', phone: '+38640333444', birthday: '1985-01-02' }, actor)).customer.id;
    await deliver(s, 'customer.created');
    expect((await account(cy)).member).toBe(false);
    const { created } = await s.loyalty.enrol(cy, actor);
    expect(created).toBe(true);
    expect((await account(cy)).balance).toBe(170);
  });
});
