import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliBusiness } from '../../../test/helpers/cli-process.ts';

// `regulars loyalty apply` and `regulars loyalty simulate` refusing what a new owner may
// mistype, as processes of their own (1–3 s each) on a business that has no database yet.
// Regression: their refusals named the API's fields ("tier_policy: …", "since: …"), not the
// options typed, and a refused apply on a fresh checkout left a new, empty database behind;
// a folder given for the file was refused in the system's English ("EISDIR: …").
const { run, work } = useCliBusiness('loyalty-apply');

const PROGRAM = {
  name: 'Small shop',
  points_name: { en: { one: 'point', other: 'points' } },
  point_value: '0.01', enrolment: 'automatic', pending_days: 0,
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: {},
  expiry: { policy: 'none' },
  tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'basic', name: { en: 'Basic' }, threshold: '0' }] },
  rewards: [],
};

describe('regulars loyalty apply and simulate refusing', () => {
  it('names the options typed, in the language asked, and creates no database', () => {
    fs.writeFileSync(path.join(work, 'program.json'), JSON.stringify(PROGRAM));
    const refused = run('loyalty', 'apply', 'program.json', '--tier-policy', 'sometimes', '--effective-from', '2026-02-30');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--tier-policy: must be one of upgrade_now, reevaluate_now');
    expect(refused.stderr).toContain('--effective-from: must be an ISO 8601 date or timestamp of a real day');
    expect(refused.stderr).not.toMatch(/tier_policy|effective_from|Created a new Regulars database/);
    const sl = run('--language', 'sl', 'loyalty', 'apply', 'program.json', '--tier-policy', 'sometimes');
    expect(sl.stderr).toContain('Napaka: Neveljavna uveljavitev programa: --tier-policy: mora biti ena od vrednosti upgrade_now, reevaluate_now');

    fs.writeFileSync(path.join(work, 'partial.json'), JSON.stringify({ name: 'No earning' }));
    const document = run('loyalty', 'apply', 'partial.json');
    expect(document.status).toBe(1);
    expect(document.stderr).toContain('Invalid program: program.earning: is required');
    expect(document.stderr).not.toContain('Created a new Regulars database');

    // A folder named for a file is told so, not with the system's "EISDIR: illegal operation on a directory".
    const folder = run('--language', 'sl', 'loyalty', 'apply', work);
    expect(folder.status).toBe(1);
    expect(folder.stderr.trim()).toBe(`Napaka: ${work} je mapa, ne datoteka`);
    const importFolder = run('import', 'purchases', work);
    expect(importFolder.status).toBe(1);
    expect(importFolder.stderr.trim()).toBe(`Error: file: ${work} is a folder, not a file`);

    // Nothing was created: a command that needs the data still finds none (exit code 2).
    expect(run('loyalty', 'verify').status).toBe(2);
  }, 120_000);

  // Audit: a file that is not JSON was told in the engine's English ("Expected property name or '}' in JSON at position 1").
  it('tells where a program file stops being JSON, in the language asked', () => {
    fs.writeFileSync(path.join(work, 'broken.json'), '{\n  "name": "Small shop",\n  points_name: {}\n}\n');
    const sl = run('--language', 'sl', 'loyalty', 'apply', 'broken.json');
    expect([sl.status, sl.stderr.trim()]).toEqual([1, 'Napaka: broken.json ni JSON: skladenjska napaka v vrstici 3, stolpec 3']);
    const en = run('loyalty', 'simulate', 'broken.json', '--since', '2026-01-01');
    expect([en.status, en.stderr.trim()]).toEqual([1, 'Error: broken.json is not JSON: a syntax error at line 3, column 3']);
    fs.writeFileSync(path.join(work, 'cut.json'), '{\n  "name": "Small shop",\n  "tiers": {\n\n');
    const ru = run('--language', 'ru', 'loyalty', 'apply', 'cut.json');
    expect([ru.status, ru.stderr.trim()]).toEqual([1, 'Ошибка: cut.json — не JSON: обрывается раньше времени, в строке 3, столбце 13: не закрыта скобка или кавычка']);
  }, 120_000);

  it('names --since where the date is refused, once the program is applied', () => {
    const applied = run('loyalty', 'apply', 'program.json');
    expect(applied.status, applied.stderr).toBe(0);
    const refused = run('loyalty', 'simulate', 'program.json', '--since', '2026-02-30');
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe('Error: --since: is not a day of the calendar (2026-02-30)');
    const ru = run('--language', 'ru', 'loyalty', 'simulate', 'program.json', '--since', 'yesterday');
    expect(ru.status).toBe(1);
    expect(ru.stderr).toMatch(/^Ошибка: --since: /);
  }, 120_000);

  // Audit: a version dated ahead with other tier rules was told "Tiers will be re-placed when
  // it takes effect", though its --tier-policy is never applied: members meet its rules one
  // by one, at a purchase or at the end of their tier period.
  it('says how a version dated ahead with other tier rules places members', () => {
    const gold = { ...PROGRAM, tiers: { ...PROGRAM.tiers, levels: [...PROGRAM.tiers.levels, { code: 'gold', name: { en: 'Gold' }, threshold: '500.00' }] } };
    fs.writeFileSync(path.join(work, 'gold.json'), JSON.stringify(gold));
    const applied = run('loyalty', 'apply', 'gold.json', '--effective-from', '2099-01-01', '--tier-policy', 'reevaluate_now');
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Nobody is re-placed at once: from when it takes effect, its tier rules place each member at their next purchase (up) and at the end of their tier period (down); --tier-policy applies to a version in force now.');
  }, 120_000);
});
