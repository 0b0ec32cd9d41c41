import type { Counted } from './counted.ts';

// The Promotions tab's counts, each with the words that agree with it (counted.ts says how
// they are chosen): a campaign's codes, its limits, its uses that named no customer or did not tell their discount.
export const PROMOTIONS_COUNTED = {
  /** A campaign's generated codes: "Created with 50 unique codes". */
  promotionUniqueCodes: {
    en: { one: '{count} unique code', other: '{count} unique codes' },
    sl: { one: '{count} edinstvena koda', two: '{count} edinstveni kodi', few: '{count} edinstvene kode', other: '{count} edinstvenih kod' },
    tr: { one: '{count} benzersiz kod', other: '{count} benzersiz kod' },
    da: { one: '{count} unik kode', other: '{count} unikke koder' },
    ru: { one: '{count} уникальный код', few: '{count} уникальных кода', many: '{count} уникальных кодов', other: '{count} уникального кода' },
  },
  /** Uses each code allows. */
  promotionUsesPerCode: {
    en: { one: '{count} use per code', other: '{count} uses per code' },
    sl: { one: '{count} uporaba na kodo', two: '{count} uporabi na kodo', few: '{count} uporabe na kodo', other: '{count} uporab na kodo' },
    tr: { one: 'kod başına {count} kullanım', other: 'kod başına {count} kullanım' },
    da: { one: '{count} brug pr. kode', other: '{count} brug pr. kode' },
    ru: { one: '{count} использование на код', few: '{count} использования на код', many: '{count} использований на код', other: '{count} использования на код' },
  },
  /** Uses each customer may make of the campaign's codes. */
  promotionTimesPerCustomer: {
    en: { one: '{count} time per customer', other: '{count} times per customer' },
    sl: { one: '{count}-krat na stranko', two: '{count}-krat na stranko', few: '{count}-krat na stranko', other: '{count}-krat na stranko' },
    tr: { one: 'müşteri başına {count} kez', other: 'müşteri başına {count} kez' },
    da: { one: '{count} gang pr. kunde', other: '{count} gange pr. kunde' },
    ru: { one: '{count} раз на клиента', few: '{count} раза на клиента', many: '{count} раз на клиента', other: '{count} раза на клиента' },
  },
  /** Uses at a till that named no customer: not among the campaign's customers. */
  promotionUsesWithoutCustomer: {
    en: { one: '{count} use named no customer', other: '{count} uses named no customer' },
    sl: { one: '{count} uporaba ni navedla stranke', two: '{count} uporabi nista navedli stranke', few: '{count} uporabe niso navedle stranke', other: '{count} uporab ni navedlo stranke' },
    tr: { one: '{count} kullanımda müşteri belirtilmedi', other: '{count} kullanımda müşteri belirtilmedi' },
    da: { one: '{count} brug angav ingen kunde', other: '{count} brug angav ingen kunde' },
    ru: { one: 'в {count} использовании не указан клиент', few: 'в {count} использованиях не указан клиент', many: 'в {count} использованиях не указан клиент', other: 'в {count} использования не указан клиент' },
  },
  /** Uses whose discount the till did not tell (a percentage without the basket, a free product without its price): not in the discount shown. */
  promotionUsesWithoutDiscount: {
    en: { one: '{count} use did not tell its discount', other: '{count} uses did not tell their discount' },
    sl: { one: '{count} uporaba ni sporočila popusta', two: '{count} uporabi nista sporočili popusta', few: '{count} uporabe niso sporočile popusta', other: '{count} uporab ni sporočilo popusta' },
    tr: { one: '{count} kullanımda indirim bildirilmedi', other: '{count} kullanımda indirim bildirilmedi' },
    da: { one: '{count} brug oplyste ikke sin rabat', other: '{count} brug oplyste ikke deres rabat' },
    ru: { one: 'в {count} использовании не указана скидка', few: 'в {count} использованиях не указана скидка', many: 'в {count} использованиях не указана скидка', other: 'в {count} использования не указана скидка' },
  },
} as const satisfies Record<string, Counted>;
