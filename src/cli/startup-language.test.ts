import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../test/helpers/services.ts';
import { startRegulars } from '../main.ts';
import type { Logger } from '../shared/logger.ts';

// What a business reads before anything runs — a bad environment variable, a command
// pointed at a folder with no database, the server's first start with the owner's
// password — in the language the command line is asked to speak (they were English
// whatever --language or REGULARS_LANGUAGE said).
const BIN = path.resolve(import.meta.dirname, '../../bin/regulars.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-startup-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'REGULARS_LANGUAGE' && k !== 'DATA_DIR'));
const run = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv, ...env }, cwd: work, encoding: 'utf8' });

describe('start-up in the language asked', () => {
  it('names every bad variable in it, and stays English when none is asked', () => {
    const env = { CURRENCY: 'eur', PHONE_REGION: 'si', DATABASE_URL: 'mysql://localhost/shop', DATA_DIR: path.join(work, 'data') };
    const danish = run(['status'], { ...env, REGULARS_LANGUAGE: 'da' });
    expect(danish.status).toBe(2);
    expect(danish.stderr).toBe('Ugyldig konfiguration:\n  DATABASE_URL: skal være en postgres://-URL\n  CURRENCY: skal være en ISO 4217-kode, f.eks. EUR\n  PHONE_REGION: skal være en landekode på to bogstaver, f.eks. SI\n');
    const turkish = run(['--language', 'tr', 'status'], { TIMEZONE: 'Europe/Nowhere', DATA_DIR: path.join(work, 'data') });
    expect(turkish.stderr).toBe('Geçersiz yapılandırma:\n  TIMEZONE: Europe/Ljubljana gibi bir IANA saat dilimi olmalıdır\n');
    const english = run(['status'], env);
    expect(english.stderr).toBe('Invalid configuration:\n  DATABASE_URL: must be a postgres:// URL\n  CURRENCY: must be an ISO 4217 code such as EUR\n  PHONE_REGION: must be a two-letter country code such as SI\n');
    expect(fs.existsSync(path.join(work, 'data'))).toBe(false);
  });

  it('says in it that a folder holds no database, and creates nothing', () => {
    const folder = path.join(work, 'nowhere');
    const russian = run(['loyalty', 'verify', '--language', 'ru'], { DATA_DIR: folder });
    expect(russian.status).toBe(2);
    expect(russian.stderr).toContain(`В DATA_DIR=${folder} нет базы данных Regulars: \`regulars loyalty verify\` работает с существующей базой данных и ничего не создала.`);
    const slovenian = run(['status'], { REGULARS_LANGUAGE: 'sl' });
    expect(slovenian.stderr).toContain(`V ${path.join(fs.realpathSync(work), 'data')} ni podatkovne baze Regulars (DATA_DIR ni nastavljen, zato ./data trenutne mape)`);
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('says in it that another process holds the data folder', () => {
    const folder = path.join(work, 'held');
    fs.mkdirSync(folder);
    // This test's own process, alive, as the holder.
    fs.writeFileSync(path.join(folder, 'regulars.lock'), JSON.stringify({ pid: process.pid, command: 'serve', port: 43210, since: '2026-12-05T10:00:00.000Z' }));
    // Since when: on the clock of the business's time zone, as the command line writes an instant.
    const turkish = run(['migrate', '--language', 'tr'], { DATA_DIR: folder, TIMEZONE: 'Europe/Ljubljana' });
    expect(turkish.status).toBe(1);
    expect(turkish.stderr).toContain(`Hata: ${folder} veri klasörü başka bir Regulars işlemi tarafından kullanılıyor: pid ${process.pid}, "serve" (43210 numaralı bağlantı noktasında hizmet veriyor), 2026-12-05 11:00 tarihinden beri.`);
  });

  // QA: an option's value refused as the line is parsed (before any command ran) was English,
  // and `demo` named its option without the dashes ("customers: must be a whole number").
  it('refuses a bad option value in it, naming the option, and creates nothing', () => {
    const folder = path.join(work, 'options');
    const slovenian = run(['--language', 'sl', 'demo', '--customers', 'abc'], { DATA_DIR: folder });
    expect(slovenian.status).toBe(1);
    expect(slovenian.stderr).toBe('Napaka: --customers: mora biti celo število ≥ 1, ne "abc"\n');
    const danish = run(['loyalty', 'account', 'ana@example.com', '--entries', '0'], { DATA_DIR: folder, REGULARS_LANGUAGE: 'da' });
    expect(danish.stderr).toBe('Fejl: --entries: skal være et helt tal ≥ 1, ikke "0"\n');
    // --json speaks English, as the command would.
    const json = run(['--language', 'ru', 'demo', '--seed', '0', '--json'], { DATA_DIR: folder });
    expect(json.stderr).toBe('Error: --seed: must be a whole number ≥ 1, not "0"\n');
    expect(fs.existsSync(folder)).toBe(false);
  });

  it("prints the server's address and the owner's first password in it", async () => {
    const services = await openTestServices({ PORT: '0', JOBS: 'off', OWNER_EMAIL: 'lastnica@example.com' });
    const lines: string[] = [];
    const logger: Logger = { debug: () => undefined, info: (message) => lines.push(message), warn: () => undefined, error: () => undefined };
    const running = await startRegulars({ services, logger, language: 'sl' });
    try {
      expect(lines[0]).toMatch(new RegExp(`^Regulars teče na ${running.url.replace(/[.:/]/g, '\\$&')} \\(podatkovna baza: (vgrajena, v .+|PostgreSQL)\\)$`));
      expect(lines[1]).toMatch(/^\nPrvi zagon — prijavite se v nadzorno ploščo na http:\/\/localhost:\d+ z\n {2}e-pošta: lastnica@example\.com\n {2}geslo: {3}\S{12,}\nGeslo shranite na varno: znova ne bo prikazano \(`npx regulars users reset-password lastnica@example\.com` ustvari novo\)\.\n$/);
    } finally {
      await running.stop();
      await services.close();
    }
  });
});
