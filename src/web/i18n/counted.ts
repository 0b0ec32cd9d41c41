import { countedName, type PluralForms } from '../../shared/plural.ts';
import { ACTIVITY_COUNTED } from './counted-activity.ts';
import { IMPORT_COUNTED } from './counted-import.ts';
import { PROGRAM_FORM_COUNTED } from './counted-program-form.ts';
import { PROMOTIONS_COUNTED } from './counted-promotions.ts';
import { SETTINGS_COUNTED } from './counted-settings.ts';
import type { I18n, Language } from './index.ts';

// Texts that agree with a number: "1 member moves up", "2 člana se premaknejo" is wrong,
// "2 člana se premakneta" right. A catalogue holds one text per key, so a text whose words
// change with the number is here instead, each language by the plural forms its numbers take
// (shared/plural.ts chooses the form, as it does for the points' name); {count} is where the
// number goes. test/e2e/i18n.test.ts checks that every language gives each form its plural
// rules use.
export type Counted = Readonly<Record<Language, PluralForms>>;

export const COUNTED = {
  /** Members a published program would move up a tier. */
  movesUp: {
    en: { one: '{count} member moves up', other: '{count} members move up' },
    sl: { one: '{count} član se premakne navzgor', two: '{count} člana se premakneta navzgor', few: '{count} člani se premaknejo navzgor', other: '{count} članov se premakne navzgor' },
    tr: { one: '{count} üye yükselir', other: '{count} üye yükselir' },
    da: { one: '{count} medlem rykker op', other: '{count} medlemmer rykker op' },
    ru: {
      one: '{count} участник перейдёт на более высокий уровень', few: '{count} участника перейдут на более высокий уровень',
      many: '{count} участников перейдут на более высокий уровень', other: '{count} участника перейдут на более высокий уровень',
    },
  },
  /** Members a published program would move down a tier. */
  movesDown: {
    en: { one: '{count} member moves down', other: '{count} members move down' },
    sl: { one: '{count} član se premakne navzdol', two: '{count} člana se premakneta navzdol', few: '{count} člani se premaknejo navzdol', other: '{count} članov se premakne navzdol' },
    tr: { one: '{count} üye düşer', other: '{count} üye düşer' },
    da: { one: '{count} medlem rykker ned', other: '{count} medlemmer rykker ned' },
    ru: {
      one: '{count} участник перейдёт на более низкий уровень', few: '{count} участника перейдут на более низкий уровень',
      many: '{count} участников перейдут на более низкий уровень', other: '{count} участника перейдут на более низкий уровень',
    },
  },
  /**
   * An analytics figure's sample, the customers it counts (QA: "n = 193 (клиенты)", the
   * noun in brackets so that it need not agree with the number).
   */
  sampleCustomers: {
    en: { one: 'n\u00a0=\u00a0{count} customer', other: 'n\u00a0=\u00a0{count} customers' },
    sl: { one: 'n\u00a0=\u00a0{count} stranka', two: 'n\u00a0=\u00a0{count} stranki', few: 'n\u00a0=\u00a0{count} stranke', other: 'n\u00a0=\u00a0{count} strank' },
    tr: { one: 'n\u00a0=\u00a0{count} müşteri', other: 'n\u00a0=\u00a0{count} müşteri' },
    da: { one: 'n\u00a0=\u00a0{count} kunde', other: 'n\u00a0=\u00a0{count} kunder' },
    ru: { one: 'n\u00a0=\u00a0{count} клиент', few: 'n\u00a0=\u00a0{count} клиента', many: 'n\u00a0=\u00a0{count} клиентов', other: 'n\u00a0=\u00a0{count} клиента' },
  },
  /** The customers in a cell of the probability-alive heatmap, as its title names them (QA: "…, 1 customers."). */
  cellCustomers: {
    en: { one: '{count} customer', other: '{count} customers' },
    sl: { one: '{count} stranka', two: '{count} stranki', few: '{count} stranke', other: '{count} strank' },
    tr: { one: '{count} müşteri', other: '{count} müşteri' },
    da: { one: '{count} kunde', other: '{count} kunder' },
    ru: { one: '{count} клиент', few: '{count} клиента', many: '{count} клиентов', other: '{count} клиента' },
  },
  /** An analytics figure's sample, the purchases it counts. */
  samplePurchases: {
    en: { one: 'n\u00a0=\u00a0{count} purchase', other: 'n\u00a0=\u00a0{count} purchases' },
    sl: { one: 'n\u00a0=\u00a0{count} nakup', two: 'n\u00a0=\u00a0{count} nakupa', few: 'n\u00a0=\u00a0{count} nakupi', other: 'n\u00a0=\u00a0{count} nakupov' },
    tr: { one: 'n\u00a0=\u00a0{count} alışveriş', other: 'n\u00a0=\u00a0{count} alışveriş' },
    da: { one: 'n\u00a0=\u00a0{count} køb', other: 'n\u00a0=\u00a0{count} køb' },
    ru: { one: 'n\u00a0=\u00a0{count} покупка', few: 'n\u00a0=\u00a0{count} покупки', many: 'n\u00a0=\u00a0{count} покупок', other: 'n\u00a0=\u00a0{count} покупки' },
  },
  // The Import page's (counted-import.ts).
  ...IMPORT_COUNTED,
  // Loyalty's Promotions tab's (counted-promotions.ts).
  ...PROMOTIONS_COUNTED,
  // The Settings page's (counted-settings.ts).
  ...SETTINGS_COUNTED,
  // The program form's summaries (counted-program-form.ts).
  ...PROGRAM_FORM_COUNTED,
  // Settings → Activity's (counted-activity.ts).
  ...ACTIVITY_COUNTED,
} as const satisfies Record<string, Counted>;

/** The text in the dashboard's language in the form that agrees with `count`, the number written as the language writes it. */
export const counted = (i18n: I18n, key: keyof typeof COUNTED, count: number): string =>
  countedName(COUNTED[key], i18n.language, count).replace('{count}', i18n.number(count));
