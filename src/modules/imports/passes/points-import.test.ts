import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { importCsv, previewCsv, suggestMap } from '../index.ts';
import { pointsAdjuster } from '../../../workflows/import-points.ts';

// Opening points balances brought from another platform (points-pass.ts): a row per member,
// each a staff adjustment keyed by the row, so the same file twice adds nothing; a debit
// beyond what the member has is a row error naming it; members the file creates get no
// sign-up bonus; a dry run forecasts what the import does; the ledger's proof holds.

const files = csvFiles('points-import');
let s: Awaited<ReturnType<typeof openTestServices>>;
const idOf = async (email: string) => (await s.customers.findByIdentity({ kind: 'email', value: email }))!;
const balanceOf = async (email: string) => (await s.loyalty.account(await idOf(email))).balance;

beforeAll(async () => {
  s = await openTestServices();
  // Automatic enrolment with a sign-up bonus, lots that expire 12 months after they are credited.
  await s.loyalty.applyProgram({ program: {
    name: 'Points import', enrolment: 'automatic', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 100 }, expiry: { policy: 'per_lot', months: 12 },
  } }, { actor: 'test' });
  // Cy is a member already, with 300 points: an adjustment through the API of 200, which
  // enrolled Cy with the sign-up bonus of 100.
  const cy = (await s.customers.upsert({ email: 'cy@example.com' }, { actor: 'test' })).customer.id;
  await s.loyalty.adjust(cy, { points: 200, reason: 'welcome gift', idempotency_key: 'cy-200' }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

describe('a points file', () => {
  const file = () => files.write([
    'email,points,reason,expires_at',
    'ana@example.com,500,,',
    'bo@example.com,1250,Smile.io balance,2027-03-31',
    'cy@example.com,-100,,',
    'dan@example.com,abc,,',
  ], 'balances.csv');

  it('names a bad row by line and column and imports nothing, unless told to skip it', async () => {
    const refused = await importFile(s, { kind: 'points', file: file() });
    expect(refused).toMatchObject({ kind: 'points', rows: 4, created: 0, invalid: 1, imported: false });
    expect(refused.errors).toEqual([{ line: 5, column: 'points', reason: 'must be a whole number of points (positive to add, negative to take away), not "abc"' }]);
    expect(await s.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' })).toBeUndefined();
    expect(await balanceOf('cy@example.com')).toBe(300);
  });

  it('forecasts in a dry run what the import then does: balances 500, 1,250 and 200, the expiry as given, no sign-up bonus', async () => {
    const dry = await importFile(s, { kind: 'points', file: file(), skipInvalid: true, dryRun: true });
    expect(dry).toMatchObject({ rows: 4, created: 3, duplicates: 0, invalid: 1, dry_run: true, points: { members: 3, credited: 1750, debited: 100 } });
    expect(await s.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' })).toBeUndefined();

    const done = await importFile(s, { kind: 'points', file: file(), skipInvalid: true });
    expect(done).toMatchObject({ rows: 4, created: dry.created, duplicates: dry.duplicates, invalid: 1, imported: true, points: dry.points });
    await deliver(s, 'customer.created'); // automatic enrolment
    expect([await balanceOf('ana@example.com'), await balanceOf('bo@example.com'), await balanceOf('cy@example.com')]).toEqual([500, 1250, 200]);

    const bo = await s.loyalty.account(await idOf('bo@example.com'));
    if (!bo.member) throw new Error('Bo is no member');
    // One entry: the file's credit, with its reason and expiry (the business's midnight) — no sign-up bonus.
    expect(bo.explanation.entries.map((e) => [e.points, e.reason])).toEqual([[1250, 'Smile.io balance']]);
    expect(bo.next_expiry).toMatchObject({ points: 1250, at: '2027-03-30T22:00:00.000Z' });
    // Imported points are no earnings: lifetime earned (and a tier by points) leaves them out.
    expect(bo.lifetime.earned).toBe(0);
    const ana = await s.loyalty.account(await idOf('ana@example.com'));
    if (!ana.member) throw new Error('Ana is no member');
    expect(ana.explanation.entries.map((e) => [e.points, e.reason])).toEqual([[500, 'Opening balance (import)']]);
    // Without expires_at, the program's rule from the day of the import: 12 months.
    expect(ana.next_expiry).toMatchObject({ points: 500, at: '2027-06-01T12:00:00.000Z' });
    const audit = await s.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'loyalty.adjust').where('actor', '=', 'import').execute();
    expect(audit).toHaveLength(3);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('adds nothing when run again, in a dry run or for real, from another language too', async () => {
    const dry = await importFile(s, { kind: 'points', file: file(), skipInvalid: true, dryRun: true });
    expect(dry).toMatchObject({ created: 0, duplicates: 3, points: { members: 0, credited: 0, debited: 0 } });
    const again = await importFile(s, { kind: 'points', file: file(), skipInvalid: true, language: 'sl' });
    expect(again).toMatchObject({ created: 0, duplicates: 3, invalid: 1 });
    expect([await balanceOf('ana@example.com'), await balanceOf('bo@example.com'), await balanceOf('cy@example.com')]).toEqual([500, 1250, 200]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('refuses a debit larger than what the member has, naming it, counting the rows above it; the other rows go on', async () => {
    const result = await importFile(s, { kind: 'points', skipInvalid: true, file: files.write([
      'email,points',
      'ana@example.com,-400', // 500 → 100
      'ana@example.com,-150', // only 100 left
      'eve@example.com,-1', // a new customer has nothing
      'bo@example.com,+50',
    ]) });
    expect(result).toMatchObject({ created: 2, invalid: 2, points: { members: 2, credited: 50, debited: 400 } });
    expect(result.errors).toEqual([
      { line: 3, column: 'points', reason: "would take away 150 where the member has 100 points to spend (with the file's rows above)" },
      { line: 4, column: 'points', reason: "would take away 1 where the member has 0 points to spend (with the file's rows above)" },
    ]);
    expect([await balanceOf('ana@example.com'), await balanceOf('bo@example.com')]).toEqual([100, 1300]);
    expect(await s.customers.findByIdentity({ kind: 'email', value: 'eve@example.com' })).toBeUndefined();
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('names a zero, an expiry past or on a debit, and a missing customer at their columns', async () => {
    const result = await importFile(s, { kind: 'points', file: files.write([
      'email,points,expires_at',
      'ana@example.com,0,',
      'ana@example.com,10,2026-01-01',
      'ana@example.com,-10,2027-01-01',
      ',10,',
    ]) });
    expect(result.imported).toBe(false);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([[2, 'points'], [3, 'expires_at'], [4, 'expires_at'], [5, 'email']]);
  });
});

describe('a points import stopped halfway', () => {
  it('is finished by running the file again, each row once — two identical rows stay two', async () => {
    const file = files.write(['email,points', 'hal@example.com,10', 'ivo@example.com,20', 'hal@example.com,10', 'jan@example.com,30']);
    // The process dies as the third row is written: the two before it are committed (a
    // batch of two, then the process dies before the next batch commits).
    const adjust = pointsAdjuster(s);
    const dying = async (rows: Parameters<typeof adjust>[0]) => {
      await adjust(rows.slice(0, 2));
      throw new Error('killed');
    };
    await expect(importCsv({ deps: s, record: async () => [], adjustPoints: dying, kind: 'points', file })).rejects.toThrow('killed');
    expect(await balanceOf('hal@example.com')).toBe(10);
    const dry = await importFile(s, { kind: 'points', file, dryRun: true });
    expect(dry).toMatchObject({ created: 2, duplicates: 2, points: { members: 2, credited: 40, debited: 0 } });
    const resumed = await importFile(s, { kind: 'points', file });
    expect(resumed).toMatchObject({ created: 2, duplicates: 2, points: dry.points });
    expect([await balanceOf('hal@example.com'), await balanceOf('ivo@example.com'), await balanceOf('jan@example.com')]).toEqual([20, 20, 30]);
    expect(await importFile(s, { kind: 'points', file })).toMatchObject({ created: 0, duplicates: 4 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('a points export from another platform', () => {
  it('maps without a manual mapping: Smile.io\'s "Email" and "Points balance", LoyaltyLion\'s "email" and "points"', async () => {
    expect(suggestMap(['First name', 'Email', 'Points balance'], 'points')).toEqual({ email: 'Email', points: 'Points balance' });
    expect(suggestMap(['email', 'points', 'reason'], 'points')).toEqual({ email: 'email', points: 'points', reason: 'reason' });
    expect(suggestMap(['Customer ID', 'Email', 'Points', 'Expiry date'], 'points')).toEqual({ external_id: 'Customer ID', email: 'Email', points: 'Points', expires_at: 'Expiry date' });
    const smile = files.write(['First name,Email,Points balance', 'Fay,fay@example.com,75']);
    expect((await previewCsv(smile, 'points')).suggested_map).toEqual({ email: 'Email', points: 'Points balance' });
    expect(await importFile(s, { kind: 'points', file: smile, map: { email: 'Email', points: 'Points balance' } })).toMatchObject({ created: 1, imported: true });
    expect(await balanceOf('fay@example.com')).toBe(75);
  });

  it('reads expires_at in the file\'s date format, in the business\'s zone', async () => {
    const result = await importFile(s, { kind: 'points', format: { dateFormat: 'D.M.YYYY H:mm' }, file: files.write(['email,points,expires_at', 'gal@example.com,20,31.12.2027 23:59']) });
    expect(result).toMatchObject({ created: 1, imported: true });
    const gal = await s.loyalty.account(await idOf('gal@example.com'));
    if (!gal.member) throw new Error('Gal is no member');
    expect(gal.next_expiry).toMatchObject({ points: 20, at: '2027-12-31T22:59:00.000Z' });
  });
});

describe('a member who spends points between the passes', () => {
  it('has the debit refused in the import pass, naming what they have, and the batch\'s other rows written', async () => {
    await importFile(s, { kind: 'points', file: files.write(['email,points', 'kim@example.com,100']) });
    const file = files.write(['email,points', 'lee@example.com,10', 'kim@example.com,-80', 'kim@example.com,5', 'mo@example.com,20']);
    // Kim redeems 50 of the 100 after pass 1 allowed the debit of 80, before pass 2 writes it.
    const adjust = pointsAdjuster(s);
    const spending = async (rows: Parameters<typeof adjust>[0]) => {
      await s.loyalty.adjust(await idOf('kim@example.com'), { points: -50, reason: 'redeemed meanwhile', idempotency_key: 'kim-spent' }, { actor: 'test' });
      return adjust(rows);
    };
    const result = await importCsv({ deps: s, record: async () => [], adjustPoints: spending, kind: 'points', file });
    expect(result).toMatchObject({ created: 3, points: { members: 3, credited: 35, debited: 0 } });
    expect(result.errors).toEqual([{ line: 3, column: 'points', reason: 'would take the balance below zero: 50 points are available' }]);
    expect([await balanceOf('lee@example.com'), await balanceOf('kim@example.com'), await balanceOf('mo@example.com')]).toEqual([10, 55, 20]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('a member the points import enrols', () => {
  it('joins with loyalty.member_joined saying source import, as one enrolled by staff says enrolment', async () => {
    await importFile(s, { kind: 'points', file: files.write(['email,points', 'noa@example.com,40']) });
    const noa = await idOf('noa@example.com');
    const oli = (await s.customers.upsert({ email: 'oli@example.com' }, { actor: 'test' })).customer.id;
    await s.loyalty.enrol(oli, { actor: 'test' });
    const joined = await s.db.selectFrom('events').select(['customer_id', 'payload']).where('type', '=', 'loyalty.member_joined').where('customer_id', 'in', [noa, oli]).execute();
    expect(Object.fromEntries(joined.map((e) => [e.customer_id, (e.payload as { source: string }).source]))).toEqual({ [noa]: 'import', [oli]: 'enrolment' });
  });
});
