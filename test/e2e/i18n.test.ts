import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pluralRules } from '../../src/shared/plural.ts';
import { COUNTED } from '../../src/web/i18n/counted.ts';
import { CATALOGUES, LANGUAGES } from '../../src/web/i18n/index.ts';
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
});
