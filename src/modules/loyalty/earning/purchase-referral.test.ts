import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';

// A purchase's referral code (referrals.ts claimWithPurchase, claimed in accrual.ts before
// the points): through the CSV import, whose `referral_code` column is the API's field, and
// the refusals only a purchase meets — a program that pays no referral bonus (or none in
// force), a customer who is not a member of an on-request program. The API's answers are
// in src/http/routes/purchase-referrals.test.ts.

type Services = Awaited<ReturnType<typeof openTestServices>>;
let s: Services;
const actor = { actor: 'test' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-referral-import-'));

const program = (over: Record<string, unknown> = {}) => ({
  name: 'Friends', earning: { points_per_currency_unit: 1 }, bonuses: { referral: { referrer: 500, friend: 250 } }, ...over,
});
const friendBonus = (customerId: string) =>
  s.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', customerId).where('idempotency_key', '=', 'bonus:referral:friend').execute();

beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a referral code with a purchase, beyond the single route', () => {
  let code: string;

  it('claims the code of a CSV row (column referral_code): the friend the row creates gets the bonus', async () => {
    await s.loyalty.applyProgram({ program: program() }, actor);
    const [mia] = await recordAll(s, [{ external_id: 'csv-mia-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-03-01T10:00:00Z', total: '10.00' }]);
    code = (await s.loyalty.referralCode(mia.customerId)).code;
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, ['external_id,customer_email,occurred_at,total,referral_code', `csv-ana-1,ana@example.com,2026-03-02T10:00:00Z,20.00,${code.toLowerCase()}`, 'csv-bo-1,bo@example.com,2026-03-02T11:00:00Z,20.00,'].join('\n') + '\n');
    expect(await importFile(s, { kind: 'purchases', file })).toMatchObject({ created: 2, invalid: 0 });
    const ana = (await s.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' }))!;
    expect(await s.db.selectFrom('loyalty_referrals').select(['referrer_id', 'status']).where('customer_id', '=', ana).executeTakeFirst()).toEqual({ referrer_id: mia.customerId, status: 'rewarded' });
    expect(await friendBonus(ana)).toEqual([{ points: 250 }]);
    // The same file again is the same purchases: nothing more claimed nor paid.
    expect(await importFile(s, { kind: 'purchases', file })).toMatchObject({ created: 0, duplicates: 2 });
    expect(await friendBonus(ana)).toEqual([{ points: 250 }]);
  });

  it("tells a row that sends a recorded order id with another code, or one twice in a file with two, naming the code: the key keeps it beside the hash", async () => {
    expect(await s.db.selectFrom('purchase_keys').select('referral_code').where('external_id', '=', 'csv-ana-1').executeTakeFirstOrThrow()).toEqual({ referral_code: code });
    const file = path.join(dir, 'other-codes.csv');
    fs.writeFileSync(file, [
      'external_id,customer_email,occurred_at,total,referral_code',
      'csv-ana-1,ana@example.com,2026-03-02T10:00:00Z,20.00,other-abc123',
      'csv-bo-1,bo@example.com,2026-03-02T11:00:00Z,20.00,OTHER-ABC123',
      'csv-cy-1,cy@example.com,2026-03-02T12:00:00Z,20.00,',
      'csv-cy-1,cy@example.com,2026-03-02T12:00:00Z,20.00,OTHER-ABC123',
      `csv-dan-1,dan@example.com,2026-03-02T13:00:00Z,20.00,${code.replace('-', '').toLowerCase()}`,
      `csv-dan-1,dan@example.com,2026-03-02T13:00:00Z,20.00,${code}`,
    ].join('\n') + '\n');
    const result = await importFile(s, { kind: 'purchases', file, dryRun: true });
    expect(result.errors).toEqual([
      { line: 2, column: 'external_id', reason: `order id csv-ana-1 was already recorded with other values: referral_code "${code}" (this request: "OTHER-ABC123")` },
      { line: 3, column: 'external_id', reason: 'order id csv-bo-1 was already recorded with other values: referral_code none (this request: "OTHER-ABC123")' },
      { line: 5, column: 'external_id', reason: 'order id csv-cy-1 is on line 4 too, with other values' },
    ]);
  });

  it('refuses the code when the program pays no referral bonus, and records the purchase', async () => {
    await s.loyalty.applyProgram({ program: program({ bonuses: {} }) }, actor);
    const [eva] = await recordAll(s, [{ external_id: 'ref-eva-1', customer: { email: 'eva@example.com' }, occurred_at: '2026-03-03T10:00:00Z', total: '20.00', referral_code: code }]);
    expect(eva.status).toBe('created');
    expect(eva.referral).toMatchObject({ code, status: 'refused', reason: expect.objectContaining({ code: 'referral.not_in_program' }) });
    expect(await s.db.selectFrom('loyalty_referrals').select('customer_id').where('customer_id', '=', eva.customerId).execute()).toEqual([]);
  });

  it('refuses the code of a customer who is not a member of an on-request program', async () => {
    await s.loyalty.applyProgram({ program: program({ enrolment: 'on_request' }) }, actor);
    const [ivo] = await recordAll(s, [{ external_id: 'ref-ivo-1', customer: { email: 'ivo@example.com' }, occurred_at: '2026-03-03T10:00:00Z', total: '20.00', referral_code: code }]);
    expect(ivo.loyalty).toBeNull();
    expect(ivo.referral).toMatchObject({ status: 'refused', reason: expect.objectContaining({ code: 'referral.not_member' }) });
    expect(ivo.referral!.reason!.in('da')).toBe('er til medlemmer af loyalitetsprogrammet; denne kunde er ikke tilmeldt programmet');
  });
});
