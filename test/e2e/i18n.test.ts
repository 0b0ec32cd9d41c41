import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluralRules } from '../../src/shared/plural.ts';
import { COUNTED, counted } from '../../src/web/i18n/counted.ts';
import type { ImportResult } from '../../src/web/api.ts';
import { CATALOGUES, createI18n, LANGUAGES, type Language } from '../../src/web/i18n/index.ts';
import { importPhase, importSummary } from '../../src/web/pages/import-summary.ts';
import { en } from '../../src/web/i18n/en/index.ts';

const WEB = path.resolve(import.meta.dirname, '../../src/web');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
}

describe('dashboard catalogues', () => {
  it('every language has exactly the English keys, none empty', () => {
    const keys = Object.keys(en).sort();
    for (const language of LANGUAGES) {
      const catalogue = CATALOGUES[language];
      expect(Object.keys(catalogue).sort(), language).toEqual(keys);
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('keeps every {placeholder} of the English text', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(en)) {
        const wanted = (text.match(/\{\w+\}/g) ?? []).sort();
        expect((CATALOGUES[language][key as keyof typeof en].match(/\{\w+\}/g) ?? []).sort(), `${language} ${key}`).toEqual(wanted);
      }
    }
  });

  it('a text that agrees with a number gives, in every language, each form its numbers take, each with the number', () => {
    for (const [key, texts] of Object.entries(COUNTED)) {
      for (const language of LANGUAGES) {
        const forms: Record<string, string> = texts[language];
        const categories = pluralRules(language).resolvedOptions().pluralCategories;
        expect(Object.keys(forms).sort(), `${language} ${key}`).toEqual([...categories].sort());
        for (const [category, text] of Object.entries(forms)) expect(text, `${language} ${key} ${category}`).toMatch(/^[^{}]*\{count\}[^{}]*$/);
      }
    }
  });

  it('every t("…") key used in the dashboard exists', () => {
    const used = new Set<string>();
    for (const file of sources(WEB)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^'`$]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  // A QA pass read "Preverjenih 4 vrstic … 2 vrstic ima napake", "Uvoženih 4 vrstic: 2 novih",
  // "в 1 строках ошибки", "1 rækker" and "1 rows" on the Import page.
  it('says an import’s counts with the words that agree with them', () => {
    const answer = (counts: Partial<ImportResult>): ImportResult => Object.assign(
      { kind: 'purchases', rows: 4, created: 2, duplicates: 2, invalid: 0, errors: [], errors_truncated: false, imported: true, dry_run: false, duration_ms: 0 } satisfies ImportResult,
      counts,
    );
    const say = (language: Language, counts: Partial<ImportResult>, skipInvalid = false) => importSummary(createI18n(language, () => undefined), answer(counts), skipInvalid);
    const refused = { dry_run: true, imported: false, invalid: 2 };

    expect(say('sl', refused)).toBe('Preverjene 4 vrstice, nič zapisano: 2 vrstici imata napake, zato uvoz ne bi dodal ničesar. Popravite jih v datoteki ali izberite izpuščanje neveljavnih vrstic.');
    expect(say('sl', {})).toBe('Uvožene 4 vrstice: 2 novi, 2 že obstoječi, 0 preskočenih.');
    expect(say('sl', { rows: 1, created: 1, duplicates: 0 })).toBe('Uvožena 1 vrstica: 1 nova, 0 že obstoječih, 0 preskočenih.');
    expect(say('sl', { rows: 5, created: 3, duplicates: 1, invalid: 1 })).toBe('Uvoženih 5 vrstic: 3 nove, 1 že obstoječa, 1 preskočena.');
    expect(say('sl', { rows: 102, created: 101, duplicates: 0, invalid: 1, orders: 103 })).toBe('Uvoženi 102 vrstici postavk, 103 naročila: 101 novo, 0 že obstoječih; 1 preskočena vrstica.');
    expect(say('sl', { imported: false, rows: 3, invalid: 1 })).toBe('Nič ni bilo uvoženo: 1 vrstica ima napake (3 vrstice v datoteki). Popravite jih v datoteki ali izberite preskok neveljavnih vrstic.');

    expect(say('ru', { dry_run: true, imported: false, rows: 5, invalid: 1 })).toMatch(/^Проверено 5 строк, ничего не записано: в 1 строке ошибки, /);
    expect(say('ru', { dry_run: true, imported: false, rows: 21, invalid: 2 })).toMatch(/^Проверена 21 строка, ничего не записано: в 2 строках ошибки, /);
    expect(say('ru', { rows: 3, created: 1, duplicates: 2, invalid: 0 })).toBe('Импортированы 3 строки: 1 новая, 2 уже были, 0 пропущено.');
    expect(say('ru', { rows: 3, created: 2, duplicates: 1, invalid: 0, orders: 3 })).toBe('Импортированы 3 строки товаров, 3 заказа: 2 новых, 1 уже был; 0 строк пропущено.');

    expect(say('da', { rows: 1, created: 1, duplicates: 0 })).toBe('1 række importeret: 1 ny, 0 fandtes allerede, 0 sprunget over.');
    expect(say('da', { dry_run: true, imported: false })).toBe('4 rækker kontrolleret, intet skrevet. Importen ville give: 2 nye, 2 findes allerede, 0 sprunget over.');
    expect(say('en', { rows: 1, created: 1, duplicates: 0 })).toBe('Imported 1 row: 1 new, 0 already there, 0 skipped.');
    expect(say('en', { imported: false, rows: 2, invalid: 1 })).toBe('Nothing was imported: 1 row has errors (2 rows in the file). Fix them in the file, or choose to skip invalid rows.');
    expect(say('en', { dry_run: true, imported: false, rows: 3, invalid: 1, orders: 2 }, true)).toBe('Checked 3 rows (2 orders), nothing written. Importing would give: 2 new, 2 already there; 1 row skipped.');
    expect(say('tr', { rows: 1, created: 1, duplicates: 0 })).toBe('1 satır içe aktarıldı: 1 yeni, 0 zaten vardı, 0 atlandı.');

    // QA: the same good file imported again read "Imported 3 rows: 0 new, 3 already there, 0 skipped": nothing new, said so.
    const again = { rows: 3, created: 0, duplicates: 3, invalid: 0 };
    expect(say('en', again)).toBe('Nothing new: all 3 rows were already there.');
    expect(say('en', { rows: 1, created: 0, duplicates: 1 })).toBe('Nothing new: the file’s 1 row was already there.');
    expect(say('sl', again)).toBe('Nič novega: vse 3 vrstice so že obstajale.');
    expect(say('sl', { rows: 2, created: 0, duplicates: 2 })).toBe('Nič novega: 2 vrstici sta že obstajali.');
    expect(say('sl', { rows: 5, created: 0, duplicates: 5 })).toBe('Nič novega: vseh 5 vrstic je že obstajalo.');
    expect(say('tr', again)).toBe('Yeni bir şey yok: 3 satırın hepsi zaten vardı.');
    expect(say('da', again)).toBe('Intet nyt: alle 3 rækker fandtes allerede.');
    expect(say('ru', again)).toBe('Ничего нового: все 3 строки уже были.');
    expect(say('ru', { rows: 21, created: 0, duplicates: 21 })).toBe('Ничего нового: 21 строка уже была.');
    expect(say('ru', { rows: 5, created: 0, duplicates: 5 })).toBe('Ничего нового: все 5 строк уже были.');
    // A line-item file counts its orders.
    expect(say('en', { rows: 7, created: 0, duplicates: 3, orders: 3 })).toBe('Nothing new: all 3 orders were already there.');
    expect(say('ru', { rows: 7, created: 0, duplicates: 5, orders: 5 })).toBe('Ничего нового: все 5 заказов уже были.');
    // Not when anything else happened: a row skipped, a refund recorded, an order left out as not paid, or only checked.
    expect(say('en', { rows: 4, created: 0, duplicates: 3, invalid: 1 }, true)).toBe('Imported 4 rows: 0 new, 3 already there, 1 skipped.');
    expect(say('en', { ...again, refunds_recorded: 1 })).toBe('Imported 3 rows: 0 new, 3 already there, 0 skipped.');
    expect(say('en', { rows: 3, created: 0, duplicates: 2, not_paid: 1 })).toMatch(/^Imported 3 rows: 0 new, 2 already there/);
    expect(say('en', { ...again, dry_run: true, imported: false })).toBe('Checked 3 rows, nothing written. Importing would give: 0 new, 3 already there, 0 skipped.');

    // Every sentence, in every language, for counts of every plural form: the numbers all there, no placeholder left.
    for (const language of LANGUAGES) {
      const i18n = createI18n(language, () => undefined);
      for (const count of [0, 1, 2, 3, 5, 21, 1000]) {
        const shapes: Partial<ImportResult>[] = [
          { rows: count, created: count, duplicates: count, invalid: count, dry_run: true, imported: false },
          { rows: count, created: count, duplicates: count, invalid: count, dry_run: true, imported: false, orders: count },
          { rows: count, created: count, duplicates: count, invalid: count },
          { rows: count, created: count, duplicates: count, invalid: count, orders: count },
          { rows: count, invalid: count, imported: false },
          { rows: count, created: 0, duplicates: count, invalid: 0 },
          { rows: count, created: 0, duplicates: count, invalid: 0, orders: count },
        ];
        const sentences = [
          ...shapes.flatMap((shape) => [importSummary(i18n, answer(shape), false), importSummary(i18n, answer(shape), true)]),
          importPhase(i18n, { phase: 'validate', rows: count, bytes: 0, total_bytes: 0 }),
          importPhase(i18n, { phase: 'import', rows: count, bytes: 0, total_bytes: 0 }),
        ];
        for (const sentence of sentences) {
          expect(sentence, `${language} ${count}`).not.toMatch(/[{}]/);
          expect(sentence, `${language} ${count}`).toContain(i18n.number(count));
        }
      }
    }
  });

  // QA: Russian analytics cards read "n = 450 (покупки)" and "n = 193 (клиенты)", the noun in brackets to dodge its plural.
  // QA: the Slovenian overview said "Neto prihodek" over the card that leads to Analytics' "Neto prihodki", the same figure.
  it('names the net revenue on the overview as Analytics names it, in every language', () => {
    for (const language of LANGUAGES) expect(CATALOGUES[language]['overview.revenue'], language).toBe(CATALOGUES[language]['analytics.kpi.revenue']);
  });

  it('says an analytics figure’s sample with its noun in the form the number takes', () => {
    const sample = (language: Language, key: 'sampleCustomers' | 'samplePurchases', n: number) => counted(createI18n(language, () => undefined), key, n);
    expect([1, 3, 5, 21, 193, 450].map((n) => sample('ru', 'samplePurchases', n))).toEqual(['n\u00a0=\u00a01 покупка', 'n\u00a0=\u00a03 покупки', 'n\u00a0=\u00a05 покупок', 'n\u00a0=\u00a021 покупка', 'n\u00a0=\u00a0193 покупки', 'n\u00a0=\u00a0450 покупок']);
    expect(sample('ru', 'sampleCustomers', 1502)).toBe('n\u00a0=\u00a01\u00a0502 клиента');
    expect([1, 2, 3, 5, 102].map((n) => sample('sl', 'sampleCustomers', n))).toEqual(['n\u00a0=\u00a01 stranka', 'n\u00a0=\u00a02 stranki', 'n\u00a0=\u00a03 stranke', 'n\u00a0=\u00a05 strank', 'n\u00a0=\u00a0102 stranki']);
    expect([1, 447].map((n) => sample('en', 'samplePurchases', n))).toEqual(['n\u00a0=\u00a01 purchase', 'n\u00a0=\u00a0447 purchases']);
    expect(sample('da', 'sampleCustomers', 1)).toBe('n\u00a0=\u00a01 kunde');
    expect(sample('tr', 'samplePurchases', 447)).toBe('n\u00a0=\u00a0447 alışveriş');
    for (const language of LANGUAGES) {
      for (const n of [0, 1, 2, 5, 1000]) expect(sample(language, 'sampleCustomers', n), language).not.toMatch(/[()]/);
    }
  });

  // QA: the Russian Probability alive tab read "Параметры модели из расчёта оценок от 7 дек. 2026 г..": a Russian date ends in "г.".
  it('ends a sentence that ends with a date with one full stop', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language, () => undefined);
      expect(i18n.t('analytics.alive.fromRun', { date: i18n.date('2026-12-07T10:00:00Z') }), language).not.toMatch(/\.\.$/);
    }
  });

  // QA: under a member's entries the Russian dashboard read "Сумма операций 9 377 = сохранённый баланс 9 377" while
  // its Balance card said 8 595: the stored points count the pending ones too, so the proof must not call them the balance.
  it('calls the figure the entries add up to the stored points, never the balance the card shows', () => {
    for (const language of LANGUAGES) {
      const say = CATALOGUES[language];
      const balance = say['loyalty.member.balance'].toLowerCase();
      for (const key of ['loyalty.entries.proof', 'loyalty.entries.mismatch'] as const) expect(say[key].toLowerCase(), `${language} ${key}`).not.toContain(balance);
    }
    expect(CATALOGUES.ru['loyalty.entries.proof']).toBe('Сумма операций {sum} = хранимое число баллов {stored}.');
  });

  // QA: the Russian dashboard wrapped "(n = 136)" between "n =" and "136", and a date's "г." onto a line of its own.
  it('keeps a sign, a unit or a percent sign on the line of the number it goes with, in every text of every language', () => {
    const texts = LANGUAGES.flatMap((language) => [
      ...Object.entries(CATALOGUES[language]).map(([key, text]) => [`${language} ${key}`, text] as const),
      ...Object.entries(COUNTED).flatMap(([key, forms]) => Object.values(forms[language] as Record<string, string>).map((text) => [`${language} ${key}`, text] as const)),
    ]);
    const units = /(\{\w+\}|\d) (s|ms|sn|с|мс|%)(?=$|[\s.,;)…])|\bn =|\bn\u00a0= /;
    for (const [name, text] of texts) expect(text, name).not.toMatch(units);
    const say = (language: Language) => createI18n(language, () => undefined);
    expect(say('ru').t('analytics.kpi.previous', { value: '1', n: say('ru').number(136) })).toBe('ранее: 1 (n\u00a0=\u00a0136)');
    expect(say('en').t('loyalty.program.simulating', { seconds: 12 })).toBe('Simulating… 12\u00a0s');
    expect(say('ru').date('2026-12-07')).toBe('7\u00a0дек.\u00a02026\u00a0г.');
  });
});
