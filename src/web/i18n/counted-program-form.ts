import type { Counted } from './counted.ts';

// The program form's one-line summaries (program-form/summaries.ts), each count with the
// words that agree with it (counted.ts says how they are chosen). A phrase whose noun
// follows a preposition ("od 250 točk", "от 2 баллов", "po 12 mesecih") is given whole,
// in the case the preposition asks for, not as a counted noun put after a word.
export const PROGRAM_FORM_COUNTED = {
  programPoints: {
    en: { one: '{count} point', other: '{count} points' },
    sl: { one: '{count} točka', two: '{count} točki', few: '{count} točke', other: '{count} točk' },
    tr: { one: '{count} puan', other: '{count} puan' },
    da: { one: '{count} point', other: '{count} point' },
    ru: { one: '{count} балл', few: '{count} балла', many: '{count} баллов', other: '{count} балла' },
  },
  /** A tier's threshold when points earned qualify. */
  programFromPoints: {
    en: { one: 'from {count} point', other: 'from {count} points' },
    sl: { one: 'od {count} točke', two: 'od {count} točk', few: 'od {count} točk', other: 'od {count} točk' },
    tr: { one: 'en az {count} puan', other: 'en az {count} puan' },
    da: { one: 'fra {count} point', other: 'fra {count} point' },
    ru: { one: 'от {count} балла', few: 'от {count} баллов', many: 'от {count} баллов', other: 'от {count} балла' },
  },
  /** A tier's threshold when purchases qualify. */
  programFromPurchases: {
    en: { one: 'from {count} purchase', other: 'from {count} purchases' },
    sl: { one: 'od {count} nakupa', two: 'od {count} nakupov', few: 'od {count} nakupov', other: 'od {count} nakupov' },
    tr: { one: 'en az {count} alışveriş', other: 'en az {count} alışveriş' },
    da: { one: 'fra {count} køb', other: 'fra {count} køb' },
    ru: { one: 'от {count} покупки', few: 'от {count} покупок', many: 'от {count} покупок', other: 'от {count} покупки' },
  },
  programLevels: {
    en: { one: '{count} level', other: '{count} levels' },
    sl: { one: '{count} raven', two: '{count} ravni', few: '{count} ravni', other: '{count} ravni' },
    tr: { one: '{count} seviye', other: '{count} seviye' },
    da: { one: '{count} niveau', other: '{count} niveauer' },
    ru: { one: '{count} уровень', few: '{count} уровня', many: '{count} уровней', other: '{count} уровня' },
  },
  programRewards: {
    en: { one: '{count} reward', other: '{count} rewards' },
    sl: { one: '{count} nagrada', two: '{count} nagradi', few: '{count} nagrade', other: '{count} nagrad' },
    tr: { one: '{count} ödül', other: '{count} ödül' },
    da: { one: '{count} belønning', other: '{count} belønninger' },
    ru: { one: '{count} награда', few: '{count} награды', many: '{count} наград', other: '{count} награды' },
  },
  programChallenges: {
    en: { one: '{count} challenge', other: '{count} challenges' },
    sl: { one: '{count} izziv', two: '{count} izziva', few: '{count} izzivi', other: '{count} izzivov' },
    tr: { one: '{count} görev', other: '{count} görev' },
    da: { one: '{count} udfordring', other: '{count} udfordringer' },
    ru: { one: '{count} задание', few: '{count} задания', many: '{count} заданий', other: '{count} задания' },
  },
  programMultipliers: {
    en: { one: '{count} multiplier', other: '{count} multipliers' },
    sl: { one: '{count} množitelj', two: '{count} množitelja', few: '{count} množitelji', other: '{count} množiteljev' },
    tr: { one: '{count} çarpan', other: '{count} çarpan' },
    da: { one: '{count} multiplikator', other: '{count} multiplikatorer' },
    ru: { one: '{count} множитель', few: '{count} множителя', many: '{count} множителей', other: '{count} множителя' },
  },
  programPromotions: {
    en: { one: '{count} promotion', other: '{count} promotions' },
    sl: { one: '{count} akcija', two: '{count} akciji', few: '{count} akcije', other: '{count} akcij' },
    tr: { one: '{count} kampanya', other: '{count} kampanya' },
    da: { one: '{count} kampagne', other: '{count} kampagner' },
    ru: { one: '{count} акция', few: '{count} акции', many: '{count} акций', other: '{count} акции' },
  },
  programBonuses: {
    en: { one: '{count} bonus', other: '{count} bonuses' },
    sl: { one: '{count} bonus', two: '{count} bonusa', few: '{count} bonusi', other: '{count} bonusov' },
    tr: { one: '{count} bonus', other: '{count} bonus' },
    da: { one: '{count} bonus', other: '{count} bonusser' },
    ru: { one: '{count} бонус', few: '{count} бонуса', many: '{count} бонусов', other: '{count} бонуса' },
  },
  /** The server's refusals inside a closed section or list item, in its header. */
  programProblems: {
    en: { one: '{count} problem', other: '{count} problems' },
    sl: { one: '{count} napaka', two: '{count} napaki', few: '{count} napake', other: '{count} napak' },
    tr: { one: '{count} sorun', other: '{count} sorun' },
    da: { one: '{count} fejl', other: '{count} fejl' },
    ru: { one: '{count} ошибка', few: '{count} ошибки', many: '{count} ошибок', other: '{count} ошибки' },
  },
  /** Expiry by credit: each expires so many months after it was earned. */
  programExpiryPerLot: {
    en: { one: 'Each credit after {count} month', other: 'Each credit after {count} months' },
    sl: { one: 'Vsak pripis po {count} mesecu', two: 'Vsak pripis po {count} mesecih', few: 'Vsak pripis po {count} mesecih', other: 'Vsak pripis po {count} mesecih' },
    tr: { one: 'Her yükleme {count} ay sonra', other: 'Her yükleme {count} ay sonra' },
    da: { one: 'Hver optjening efter {count} måned', other: 'Hver optjening efter {count} måneder' },
    ru: { one: 'Каждое начисление через {count} месяц', few: 'Каждое начисление через {count} месяца', many: 'Каждое начисление через {count} месяцев', other: 'Каждое начисление через {count} месяца' },
  },
  /** Expiry by inactivity: all points, after so many months without a purchase. */
  programExpiryInactive: {
    en: { one: 'All after {count} month without a purchase', other: 'All after {count} months without a purchase' },
    sl: { one: 'Vse po {count} mesecu brez nakupa', two: 'Vse po {count} mesecih brez nakupa', few: 'Vse po {count} mesecih brez nakupa', other: 'Vse po {count} mesecih brez nakupa' },
    tr: { one: 'Tümü, {count} ay alışveriş yapılmazsa', other: 'Tümü, {count} ay alışveriş yapılmazsa' },
    da: { one: 'Alle efter {count} måned uden køb', other: 'Alle efter {count} måneder uden køb' },
    ru: { one: 'Все через {count} месяц без покупок', few: 'Все через {count} месяца без покупок', many: 'Все через {count} месяцев без покупок', other: 'Все через {count} месяца без покупок' },
  },
  /** A challenge's goal: so many visits… */
  programVisits: {
    en: { one: '{count} visit', other: '{count} visits' },
    sl: { one: '{count} obisk', two: '{count} obiska', few: '{count} obiski', other: '{count} obiskov' },
    tr: { one: '{count} ziyaret', other: '{count} ziyaret' },
    da: { one: '{count} besøg', other: '{count} besøg' },
    ru: { one: '{count} визит', few: '{count} визита', many: '{count} визитов', other: '{count} визита' },
  },
  /** …or so many different categories… */
  programCategories: {
    en: { one: '{count} category', other: '{count} categories' },
    sl: { one: '{count} kategorija', two: '{count} kategoriji', few: '{count} kategorije', other: '{count} kategorij' },
    tr: { one: '{count} kategori', other: '{count} kategori' },
    da: { one: '{count} kategori', other: '{count} kategorier' },
    ru: { one: '{count} категория', few: '{count} категории', many: '{count} категорий', other: '{count} категории' },
  },
  /** A condition's SKUs, when more than a few (the products are named when they are few). */
  programSkus: {
    en: { one: '{count} SKU', other: '{count} SKUs' },
    sl: { one: '{count} izdelek', two: '{count} izdelka', few: '{count} izdelki', other: '{count} izdelkov' },
    tr: { one: '{count} ürün', other: '{count} ürün' },
    da: { one: '{count} vare', other: '{count} varer' },
    ru: { one: '{count} товар', few: '{count} товара', many: '{count} товаров', other: '{count} товара' },
  },
  /** A condition's stores, when more than a few. */
  programStores: {
    en: { one: '{count} store', other: '{count} stores' },
    sl: { one: '{count} trgovina', two: '{count} trgovini', few: '{count} trgovine', other: '{count} trgovin' },
    tr: { one: '{count} mağaza', other: '{count} mağaza' },
    da: { one: '{count} butik', other: '{count} butikker' },
    ru: { one: '{count} магазин', few: '{count} магазина', many: '{count} магазинов', other: '{count} магазина' },
  },
  /** …within so many days. */
  programWithinDays: {
    en: { one: 'in {count} day', other: 'in {count} days' },
    sl: { one: 'v {count} dnevu', two: 'v {count} dneh', few: 'v {count} dneh', other: 'v {count} dneh' },
    tr: { one: '{count} gün içinde', other: '{count} gün içinde' },
    da: { one: 'på {count} dag', other: 'på {count} dage' },
    ru: { one: 'за {count} день', few: 'за {count} дня', many: 'за {count} дней', other: 'за {count} дня' },
  },
} as const satisfies Record<string, Counted>;
