import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { timeIn } from '../../shared/clock.ts';

// A program document or a version's date that cannot be right, over HTTP: refused with a
// 422 naming the field, in the request's language, and no version written. (QA: tiers with
// no levels answered 500; a version dated a few minutes back went behind the one in force.)

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const example = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));
const versions = async () => (await api.services.db.selectFrom('loyalty_programs').select('version').orderBy('version').execute()).map((r) => r.version);
const at = (ms: number) => new Date(ms).toISOString();

describe('a program with tiers but no levels', () => {
  const noLevels = structuredClone(example);
  noLevels.tiers.levels = [];
  for (const reward of noLevels.rewards) delete reward.tiers;

  it('is refused by the simulation and by applying it, naming program.tiers.levels, and nothing is written', async () => {
    for (const [url, body] of [['/api/v1/loyalty/program/simulate', { program: noLevels, since: '2026-05-01' }], ['/api/v1/loyalty/program', { program: noLevels }]] as const) {
      const res = await api.call('POST', url, { body });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().errors, url).toEqual([{ field: 'program.tiers.levels', reason: 'needs at least one level: the base level, with threshold 0' }]);
    }
    const sl = await api.call('POST', '/api/v1/loyalty/program', { body: { program: noLevels }, headers: { 'accept-language': 'sl' } });
    expect(sl.json().errors).toEqual([{ field: 'program.tiers.levels', reason: 'potrebuje vsaj eno raven: osnovno raven s pragom 0' }]);
    expect(await versions()).toEqual([]);
  });
});

describe("a version's effective_from", () => {
  const apply = (effective_from?: string, language?: string) =>
    api.call('POST', '/api/v1/loyalty/program', { body: { program: example, ...(effective_from ? { effective_from } : {}) }, headers: language ? { 'accept-language': language } : {} });

  it('may not be at or before the moment the version in force took effect, though within the clock allowance', async () => {
    const now = api.services.clock.now().getTime();
    expect((await apply()).json()).toMatchObject({ version: 1, effective_from: at(now) });
    // Applied again in the same instant: nothing happened under version 1, version 2 is in force.
    expect((await apply()).json()).toMatchObject({ version: 2, effective_from: at(now) });
    // Two minutes later, a version dated two minutes back would go behind version 2.
    api.services.clock.set(at(now + 2 * 60_000));
    // The times on the business's clock (Europe/Ljubljana), as the owner gives them.
    for (const from of [now - 60_000, now]) {
      const res = await apply(at(from));
      expect(res.statusCode, at(from)).toBe(422);
      expect(res.json().errors).toEqual([{
        field: 'effective_from',
        reason: `is ${timeIn(new Date(from), 'Europe/Ljubljana')}, not after ${timeIn(new Date(now), 'Europe/Ljubljana')}, when version 2 (the version in force) took effect: a new version cannot be dated back over it: give a time after ${timeIn(new Date(now), 'Europe/Ljubljana')}, or none to apply the program now`,
      }]);
    }
    const sl = await apply(at(now - 60_000), 'sl');
    expect(sl.json().errors[0].reason).toMatch(/^je .*, kar ni po .*, ko je začela veljati različica 2 \(ta, ki velja\)/);
    expect(await versions()).toEqual([1, 2]);
    // After it, within the allowance for a client's clock: applied, and in force now.
    const later = await apply(at(now + 60_000));
    expect(later.json()).toMatchObject({ version: 3, effective_from: at(now + 60_000) });
    expect((await api.call('GET', '/api/v1/loyalty/program')).json().current.version).toBe(3);
    // Longer back than the allowance: refused as before.
    const past = await apply(at(now - 10 * 60_000));
    expect([past.statusCode, past.json().errors[0].reason]).toEqual([422, expect.stringContaining('while version 3 has been in force since')]);
    // A date alone is its midnight in Ljubljana, and is told so, not as 23:00 the day before in UTC.
    const day = await apply('2026-01-01');
    expect(day.json().errors[0].reason).toMatch(/^is in the past \(2026-01-01T00:00:00\+01:00\), while version 3 has been in force since 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+0[12]:00 /);
    api.services.clock.set(at(now));
  });

  it('may come before a scheduled version: applied, with the warning that the scheduled one will never be in force', async () => {
    const now = api.services.clock.now().getTime();
    api.services.clock.set(at(now + 5 * 60_000));
    const scheduled = await apply(at(now + 30 * 86_400_000));
    expect(scheduled.statusCode).toBe(201);
    const before = await apply(at(now + 86_400_000));
    expect(before.statusCode).toBe(201);
    expect(before.json().warnings).toEqual([expect.objectContaining({ code: 'scheduled_version_overridden', version: scheduled.json().version })]);
    api.services.clock.set(at(now));
  });
});

describe('a simulation asked with a field it does not take', () => {
  it('is refused naming the field, as applying a program is', async () => {
    const res = await api.call('POST', '/api/v1/loyalty/program/simulate', { body: { program: example, since: '2026-05-01', tier_policy: 'reevaluate_now' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: '(body)', reason: 'unknown field "tier_policy"' }]);
  });
});
