import type { Counted } from './counted.ts';

// The Import page's counts, each with the words that agree with it: "1 row has errors",
// "2 vrstici imata napake", "в 1 строке ошибки", "1 ny" (counted.ts says how they are
// chosen). The catalogue's sentences (i18n/<language>/import.ts) put them together. A
// count of rows and one of orders take other forms where the words have a gender (a
// Slovenian vrstica, naročilo; a Russian строка, заказ), and "already there" a tense
// where the language has one for a check and another for an import done.
export const IMPORT_COUNTED = {
  /** Rows of the file, as a noun phrase: "Checking the file: 5 rows", "(4 rows in the file)". */
  importRows: {
    en: { one: '{count} row', other: '{count} rows' },
    sl: { one: '{count} vrstica', two: '{count} vrstici', few: '{count} vrstice', other: '{count} vrstic' },
    tr: { one: '{count} satır', other: '{count} satır' },
    da: { one: '{count} række', other: '{count} rækker' },
    ru: { one: '{count} строка', few: '{count} строки', many: '{count} строк', other: '{count} строки' },
  },
  /** A check's rows, with its verb: the sentence begins with it. */
  importChecked: {
    en: { one: 'Checked {count} row', other: 'Checked {count} rows' },
    sl: { one: 'Preverjena {count} vrstica', two: 'Preverjeni {count} vrstici', few: 'Preverjene {count} vrstice', other: 'Preverjenih {count} vrstic' },
    tr: { one: '{count} satır denetlendi', other: '{count} satır denetlendi' },
    da: { one: '{count} række kontrolleret', other: '{count} rækker kontrolleret' },
    ru: { one: 'Проверена {count} строка', few: 'Проверены {count} строки', many: 'Проверено {count} строк', other: 'Проверено {count} строки' },
  },
  /** An import's rows, with its verb. */
  importImported: {
    en: { one: 'Imported {count} row', other: 'Imported {count} rows' },
    sl: { one: 'Uvožena {count} vrstica', two: 'Uvoženi {count} vrstici', few: 'Uvožene {count} vrstice', other: 'Uvoženih {count} vrstic' },
    tr: { one: '{count} satır içe aktarıldı', other: '{count} satır içe aktarıldı' },
    da: { one: '{count} række importeret', other: '{count} rækker importeret' },
    ru: { one: 'Импортирована {count} строка', few: 'Импортированы {count} строки', many: 'Импортировано {count} строк', other: 'Импортировано {count} строки' },
  },
  /** A line-item file's rows, imported. */
  importImportedLines: {
    en: { one: 'Imported {count} row of line items', other: 'Imported {count} rows of line items' },
    sl: { one: 'Uvožena {count} vrstica postavk', two: 'Uvoženi {count} vrstici postavk', few: 'Uvožene {count} vrstice postavk', other: 'Uvoženih {count} vrstic postavk' },
    tr: { one: '{count} kalem satırı içe aktarıldı', other: '{count} kalem satırı içe aktarıldı' },
    da: { one: '{count} varelinje importeret', other: '{count} varelinjer importeret' },
    ru: { one: 'Импортирована {count} строка товаров', few: 'Импортированы {count} строки товаров', many: 'Импортировано {count} строк товаров', other: 'Импортировано {count} строки товаров' },
  },
  /** The orders a line-item file's rows make. */
  importOrders: {
    en: { one: '{count} order', other: '{count} orders' },
    sl: { one: '{count} naročilo', two: '{count} naročili', few: '{count} naročila', other: '{count} naročil' },
    tr: { one: '{count} sipariş', other: '{count} sipariş' },
    da: { one: '{count} ordre', other: '{count} ordrer' },
    ru: { one: '{count} заказ', few: '{count} заказа', many: '{count} заказов', other: '{count} заказа' },
  },
  /** Rows with errors, with their verb. */
  importErrors: {
    en: { one: '{count} row has errors', other: '{count} rows have errors' },
    sl: { one: '{count} vrstica ima napake', two: '{count} vrstici imata napake', few: '{count} vrstice imajo napake', other: '{count} vrstic ima napake' },
    tr: { one: '{count} satırda hata var', other: '{count} satırda hata var' },
    da: { one: '{count} række har fejl', other: '{count} rækker har fejl' },
    ru: { one: 'в {count} строке ошибки', few: 'в {count} строках ошибки', many: 'в {count} строках ошибки', other: 'в {count} строки ошибки' },
  },
  /** New rows (a purchase, a customer, a refund each). */
  importNew: {
    en: { one: '{count} new', other: '{count} new' },
    sl: { one: '{count} nova', two: '{count} novi', few: '{count} nove', other: '{count} novih' },
    tr: { one: '{count} yeni', other: '{count} yeni' },
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новая', few: '{count} новые', many: '{count} новых', other: '{count} новой' },
  },
  /** New orders (a line-item file's). */
  importNewOrders: {
    en: { one: '{count} new', other: '{count} new' },
    sl: { one: '{count} novo', two: '{count} novi', few: '{count} nova', other: '{count} novih' },
    tr: { one: '{count} yeni', other: '{count} yeni' },
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новый', few: '{count} новых', many: '{count} новых', other: '{count} нового' },
  },
  /** Rows a check finds already there. */
  importThere: {
    en: { one: '{count} already there', other: '{count} already there' },
    sl: { one: '{count} že obstoječa', two: '{count} že obstoječi', few: '{count} že obstoječe', other: '{count} že obstoječih' },
    tr: { one: '{count} zaten var', other: '{count} zaten var' },
    da: { one: '{count} findes allerede', other: '{count} findes allerede' },
    ru: { one: '{count} уже есть', few: '{count} уже есть', many: '{count} уже есть', other: '{count} уже есть' },
  },
  /** Orders a check finds already there. */
  importThereOrders: {
    en: { one: '{count} already there', other: '{count} already there' },
    sl: { one: '{count} že obstoječe', two: '{count} že obstoječi', few: '{count} že obstoječa', other: '{count} že obstoječih' },
    tr: { one: '{count} zaten var', other: '{count} zaten var' },
    da: { one: '{count} findes allerede', other: '{count} findes allerede' },
    ru: { one: '{count} уже есть', few: '{count} уже есть', many: '{count} уже есть', other: '{count} уже есть' },
  },
  /** Rows an import found already there. */
  importWasThere: {
    en: { one: '{count} already there', other: '{count} already there' },
    sl: { one: '{count} že obstoječa', two: '{count} že obstoječi', few: '{count} že obstoječe', other: '{count} že obstoječih' },
    tr: { one: '{count} zaten vardı', other: '{count} zaten vardı' },
    da: { one: '{count} fandtes allerede', other: '{count} fandtes allerede' },
    ru: { one: '{count} уже была', few: '{count} уже были', many: '{count} уже было', other: '{count} уже было' },
  },
  /** Orders an import found already there. */
  importWasThereOrders: {
    en: { one: '{count} already there', other: '{count} already there' },
    sl: { one: '{count} že obstoječe', two: '{count} že obstoječi', few: '{count} že obstoječa', other: '{count} že obstoječih' },
    tr: { one: '{count} zaten vardı', other: '{count} zaten vardı' },
    da: { one: '{count} fandtes allerede', other: '{count} fandtes allerede' },
    ru: { one: '{count} уже был', few: '{count} уже были', many: '{count} уже было', other: '{count} уже было' },
  },
  /** An import whose rows were all there already (the same file again): the whole sentence, said as nothing new. */
  importNothingNew: {
    en: { one: 'Nothing new: the file’s {count} row was already there.', other: 'Nothing new: all {count} rows were already there.' },
    sl: { one: 'Nič novega: {count} vrstica je že obstajala.', two: 'Nič novega: {count} vrstici sta že obstajali.', few: 'Nič novega: vse {count} vrstice so že obstajale.', other: 'Nič novega: vseh {count} vrstic je že obstajalo.' },
    tr: { one: 'Yeni bir şey yok: {count} satır zaten vardı.', other: 'Yeni bir şey yok: {count} satırın hepsi zaten vardı.' },
    da: { one: 'Intet nyt: filens {count} række fandtes allerede.', other: 'Intet nyt: alle {count} rækker fandtes allerede.' },
    ru: { one: 'Ничего нового: {count} строка уже была.', few: 'Ничего нового: все {count} строки уже были.', many: 'Ничего нового: все {count} строк уже были.', other: 'Ничего нового: все {count} строки уже были.' },
  },
  /** A line-item file's import whose orders were all there already. */
  importNothingNewOrders: {
    en: { one: 'Nothing new: the file’s {count} order was already there.', other: 'Nothing new: all {count} orders were already there.' },
    sl: { one: 'Nič novega: {count} naročilo je že obstajalo.', two: 'Nič novega: {count} naročili sta že obstajali.', few: 'Nič novega: vsa {count} naročila so že obstajala.', other: 'Nič novega: vseh {count} naročil je že obstajalo.' },
    tr: { one: 'Yeni bir şey yok: {count} sipariş zaten vardı.', other: 'Yeni bir şey yok: {count} siparişin hepsi zaten vardı.' },
    da: { one: 'Intet nyt: filens {count} ordre fandtes allerede.', other: 'Intet nyt: alle {count} ordrer fandtes allerede.' },
    ru: { one: 'Ничего нового: {count} заказ уже был.', few: 'Ничего нового: все {count} заказа уже были.', many: 'Ничего нового: все {count} заказов уже были.', other: 'Ничего нового: все {count} заказа уже были.' },
  },
  /** Rows skipped, after the new and the already there. */
  importSkipped: {
    en: { one: '{count} skipped', other: '{count} skipped' },
    sl: { one: '{count} preskočena', two: '{count} preskočeni', few: '{count} preskočene', other: '{count} preskočenih' },
    tr: { one: '{count} atlandı', other: '{count} atlandı' },
    da: { one: '{count} sprunget over', other: '{count} sprunget over' },
    ru: { one: '{count} пропущена', few: '{count} пропущены', many: '{count} пропущено', other: '{count} пропущено' },
  },
  /** Rows skipped, named: after a count of orders, "skipped" alone would be read as orders. */
  importSkippedRows: {
    en: { one: '{count} row skipped', other: '{count} rows skipped' },
    sl: { one: '{count} preskočena vrstica', two: '{count} preskočeni vrstici', few: '{count} preskočene vrstice', other: '{count} preskočenih vrstic' },
    tr: { one: '{count} satır atlandı', other: '{count} satır atlandı' },
    da: { one: '{count} række sprunget over', other: '{count} rækker sprunget over' },
    ru: { one: '{count} строка пропущена', few: '{count} строки пропущены', many: '{count} строк пропущено', other: '{count} строки пропущено' },
  },
} as const satisfies Record<string, Counted>;
