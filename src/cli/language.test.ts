import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The command line in the language it is asked to speak (--language, else REGULARS_LANGUAGE),
// as a user runs it on a fresh embedded data folder (QA: `regulars import` said "1 of 1 rows
// have errors" in English whatever the language). Counts agree with their words; --json
// stays English and machine-readable; a refusal is told in the language too.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/regulars.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-language-'));
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'REGULARS_LANGUAGE'));
const env = { ...baseEnv, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' };
const run = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extra }, cwd: work, encoding: 'utf8' });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const good = path.join(work, 'good.csv');
const bad = path.join(work, 'bad.csv');
fs.writeFileSync(good, 'external_id,customer_email,occurred_at,total\n1,a@example.com,2026-01-02,10.50\n2,b@example.com,2026-01-03,4.25\n3,c@example.com,2026-01-04,3.00\n');
fs.writeFileSync(bad, 'external_id,customer_email,occurred_at,total\n4,d@example.com,2026-01-05,1.999\n5,e@example.com,2026-01-05,2.00\n6,nope,2026-01-06,2.00\n7,f@example.com,2026-01-07,1.00\n8,g@example.com,2026-01-08,1.00\n');

describe('regulars in another language', () => {
  it('refuses a file in Slovenian with the forms its counts take, and imports one in Russian; --json stays English', () => {
    const refused = run(['import', 'purchases', bad, '--language', 'sl']);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(`V ${path.join(work, 'data')} je ustvarjena nova podatkovna baza Regulars (DATA_DIR).`);
    expect(refused.stdout).toContain('Nič ni bilo uvoženo: 2 vrstici imata napake (5 vrstic v datoteki). Popravite jih ali uporabite --skip-invalid.');
    expect(refused.stdout).toContain('  vrstica 2, stolpec total: "1.999" ima več decimalnih mest, kot jih dopušča EUR (2)');
    expect(refused.stdout).toContain('  vrstica 4, stolpec customer_email: ');

    // The option may come first, and the environment names the language as well.
    const imported = run(['import', 'purchases', good], { REGULARS_LANGUAGE: 'ru' });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Импорт покупок: 3 строки, 3 новые, 0 уже было, 0 неверных пропущено \(\d+,\d с\)\.\n$/);

    const json = run(['import', 'purchases', bad, '--json'], { REGULARS_LANGUAGE: 'ru' });
    expect(json.status).toBe(1);
    const answer = JSON.parse(json.stdout) as { rows: number; invalid: number; imported: boolean; errors: { line: number; column: string; reason: string }[] };
    expect(answer).toMatchObject({ rows: 5, invalid: 2, imported: false });
    expect(answer.errors[0]).toEqual({ line: 2, column: 'total', reason: '"1.999" has more than 2 decimals for EUR' });
  }, 180_000); // three runs, each starting the embedded database

  it('proves the ledger in Russian and in Danish, each with its plural', () => {
    const ru = run(['--language', 'ru', 'loyalty', 'verify']);
    expect(ru.status, ru.stderr).toBe(0);
    expect(ru.stdout).toMatch(/^OK: 0 счетов баллов, 0 записей журнала — каждый баланс совпадает со своим журналом \(\d+ мс\)\.\n$/);
    const da = run(['status'], { REGULARS_LANGUAGE: 'da' });
    expect(da.stdout).toMatch(/^Kunder: {4}3\nKøb: {7}3\nOmsætning: 17,75\u00a0€\n$/);
  }, 120_000);

  it('tells a refusal in the language asked, and refuses a language it does not speak', () => {
    const missing = run(['import', 'purchases', path.join(work, 'missing.csv'), '--language', 'tr']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`Hata: file: böyle bir dosya yok: ${path.join(work, 'missing.csv')}\n`);
    const unknown = run(['status'], { REGULARS_LANGUAGE: 'de' });
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("'de' from env 'REGULARS_LANGUAGE' is invalid. Allowed choices are en, sl, tr, da, ru.");
  }, 60_000);
});
