import type { CountedEntry } from './languages.ts';

// The counts the command line's sentences (cli-*.ts) put in their places, each with the
// words that agree with it (counting, index.ts): "1 row has errors", "2 vrstici imata
// napake", "в 5 строках ошибки". A count sits in one place of a sentence, so each entry is
// written in the case that place takes in each language — a Slovenian or Russian locative
// after "pri"/"у", a genitive after another noun — and where English needs no word beside
// the number there ("would add {created}"), its forms are the number alone. Rows and
// orders differ where the words have a gender (vrstica, naročilo; строка, заказ).

const same = (text: string) => ({ one: text, other: text });
const sameRu = (text: string) => ({ one: text, few: text, many: text, other: text });

export const CLI_COUNTS = {
  // ── An import's file (data.ts) ──
  rows: {
    en: { one: '{count} row', other: '{count} rows' },
    sl: { one: '{count} vrstica', two: '{count} vrstici', few: '{count} vrstice', other: '{count} vrstic' },
    tr: same('{count} satır'),
    da: { one: '{count} række', other: '{count} rækker' },
    ru: { one: '{count} строка', few: '{count} строки', many: '{count} строк', other: '{count} строки' },
  },
  rowsOfLineItems: {
    en: { one: '{count} row of line items', other: '{count} rows of line items' },
    sl: { one: '{count} vrstica postavk', two: '{count} vrstici postavk', few: '{count} vrstice postavk', other: '{count} vrstic postavk' },
    tr: same('{count} kalem satırı'),
    da: { one: '{count} varelinje', other: '{count} varelinjer' },
    ru: { one: '{count} строка товаров', few: '{count} строки товаров', many: '{count} строк товаров', other: '{count} строки товаров' },
  },
  rowsWithErrors: {
    en: { one: '{count} row has errors', other: '{count} rows have errors' },
    sl: { one: '{count} vrstica ima napake', two: '{count} vrstici imata napake', few: '{count} vrstice imajo napake', other: '{count} vrstic ima napake' },
    tr: same('{count} satırda hata var'),
    da: { one: '{count} række har fejl', other: '{count} rækker har fejl' },
    ru: { one: 'в {count} строке ошибки', few: 'в {count} строках ошибки', many: 'в {count} строках ошибки', other: 'в {count} строки ошибки' },
  },
  orders: {
    en: { one: '{count} order', other: '{count} orders' },
    sl: { one: '{count} naročilo', two: '{count} naročili', few: '{count} naročila', other: '{count} naročil' },
    tr: same('{count} sipariş'),
    da: { one: '{count} ordre', other: '{count} ordrer' },
    ru: { one: '{count} заказ', few: '{count} заказа', many: '{count} заказов', other: '{count} заказа' },
  },
  refunds: {
    en: { one: '{count} refund', other: '{count} refunds' },
    sl: { one: '{count} vračilo', two: '{count} vračili', few: '{count} vračila', other: '{count} vračil' },
    tr: same('{count} iade'),
    da: { one: '{count} refundering', other: '{count} refunderinger' },
    ru: { one: '{count} возврат', few: '{count} возврата', many: '{count} возвратов', other: '{count} возврата' },
  },
  // A points file's (import-summary.ts): the members its rows adjust, after "for"/"pri"/"у"/"hos".
  membersAdjusted: {
    en: { one: '{count} member', other: '{count} members' },
    sl: { one: '{count} članu', two: '{count} članih', few: '{count} članih', other: '{count} članih' },
    tr: same('{count} üye'),
    da: { one: '{count} medlem', other: '{count} medlemmer' },
    ru: { one: '{count} участника', few: '{count} участников', many: '{count} участников', other: '{count} участников' },
  },
  // The demo's: rewards its members redeemed.
  rewardsRedeemed: {
    en: { one: '{count} reward redeemed', other: '{count} rewards redeemed' },
    sl: { one: '{count} unovčena nagrada', two: '{count} unovčeni nagradi', few: '{count} unovčene nagrade', other: '{count} unovčenih nagrad' },
    tr: same('{count} ödül kullanıldı'),
    da: { one: '{count} belønning indløst', other: '{count} belønninger indløst' },
    ru: { one: '{count} награда получена', few: '{count} награды получены', many: '{count} наград получено', other: '{count} награды получено' },
  },
  // A check's: what the import would add and find already there (English: "would add {created}").
  wouldAddRows: {
    en: same('{count}'),
    sl: { one: '{count} nova', two: '{count} novi', few: '{count} nove', other: '{count} novih' },
    tr: same('{count} yeni'),
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новая', few: '{count} новые', many: '{count} новых', other: '{count} новой' },
  },
  wouldFindRows: {
    en: same('{count}'),
    sl: { one: '{count} že obstoječa', two: '{count} že obstoječi', few: '{count} že obstoječe', other: '{count} že obstoječih' },
    tr: same('{count} zaten var'),
    da: same('{count} findes allerede'),
    ru: sameRu('{count} уже есть'),
  },
  wouldAddOrders: {
    en: same('{count}'),
    sl: { one: '{count} novo', two: '{count} novi', few: '{count} nova', other: '{count} novih' },
    tr: same('{count} yeni'),
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новый', few: '{count} новых', many: '{count} новых', other: '{count} нового' },
  },
  wouldFindOrders: {
    en: same('{count}'),
    sl: { one: '{count} že obstoječe', two: '{count} že obstoječi', few: '{count} že obstoječa', other: '{count} že obstoječih' },
    tr: same('{count} zaten var'),
    da: same('{count} findes allerede'),
    ru: sameRu('{count} уже есть'),
  },
  wouldSkip: {
    en: { one: '{count} invalid row', other: '{count} invalid rows' },
    sl: { one: '{count} neveljavna vrstica bi bila preskočena', two: '{count} neveljavni vrstici bi bili preskočeni', few: '{count} neveljavne vrstice bi bile preskočene', other: '{count} neveljavnih vrstic bi bilo preskočenih' },
    tr: same('{count} geçersiz satır atlanırdı'),
    da: { one: '{count} ugyldig række ville blive sprunget over', other: '{count} ugyldige rækker ville blive sprunget over' },
    ru: { one: '{count} неверная строка была бы пропущена', few: '{count} неверные строки были бы пропущены', many: '{count} неверных строк было бы пропущено', other: '{count} неверной строки было бы пропущено' },
  },
  // An import's: what it added, found already there and skipped.
  newRows: {
    en: same('{count} new'),
    sl: { one: '{count} nova', two: '{count} novi', few: '{count} nove', other: '{count} novih' },
    tr: same('{count} yeni'),
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новая', few: '{count} новые', many: '{count} новых', other: '{count} новой' },
  },
  rowsWereThere: {
    en: same('{count} already there'),
    sl: { one: '{count} že obstoječa', two: '{count} že obstoječi', few: '{count} že obstoječe', other: '{count} že obstoječih' },
    tr: same('{count} zaten vardı'),
    da: same('{count} fandtes allerede'),
    ru: { one: '{count} уже была', few: '{count} уже были', many: '{count} уже было', other: '{count} уже было' },
  },
  skippedRows: {
    en: same('{count} skipped as invalid'),
    sl: { one: '{count} preskočena kot neveljavna', two: '{count} preskočeni kot neveljavni', few: '{count} preskočene kot neveljavne', other: '{count} preskočenih kot neveljavnih' },
    tr: same('{count} geçersiz olduğu için atlandı'),
    da: { one: '{count} sprunget over som ugyldig', other: '{count} sprunget over som ugyldige' },
    ru: { one: '{count} неверная пропущена', few: '{count} неверные пропущены', many: '{count} неверных пропущено', other: '{count} неверной пропущено' },
  },
  newOrders: {
    en: same('{count} new'),
    sl: { one: '{count} novo', two: '{count} novi', few: '{count} nova', other: '{count} novih' },
    tr: same('{count} yeni'),
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новый', few: '{count} новых', many: '{count} новых', other: '{count} нового' },
  },
  ordersWereThere: {
    en: same('{count} already there'),
    sl: { one: '{count} že obstoječe', two: '{count} že obstoječi', few: '{count} že obstoječa', other: '{count} že obstoječih' },
    tr: same('{count} zaten vardı'),
    da: same('{count} fandtes allerede'),
    ru: { one: '{count} уже был', few: '{count} уже были', many: '{count} уже было', other: '{count} уже было' },
  },
  // After a count of orders, "skipped" alone would be read as orders.
  skippedRowsNamed: {
    en: { one: '{count} row skipped as invalid', other: '{count} rows skipped as invalid' },
    sl: { one: '{count} vrstica preskočena kot neveljavna', two: '{count} vrstici preskočeni kot neveljavni', few: '{count} vrstice preskočene kot neveljavne', other: '{count} vrstic preskočenih kot neveljavnih' },
    tr: same('{count} satır geçersiz olduğu için atlandı'),
    da: { one: '{count} række sprunget over som ugyldig', other: '{count} rækker sprunget over som ugyldige' },
    ru: { one: '{count} неверная строка пропущена', few: '{count} неверные строки пропущены', many: '{count} неверных строк пропущено', other: '{count} неверной строки пропущено' },
  },

  // ── People and things, as subjects or after a colon ──
  customers: {
    en: { one: '{count} customer', other: '{count} customers' },
    sl: { one: '{count} stranka', two: '{count} stranki', few: '{count} stranke', other: '{count} strank' },
    tr: same('{count} müşteri'),
    da: { one: '{count} kunde', other: '{count} kunder' },
    ru: { one: '{count} клиент', few: '{count} клиента', many: '{count} клиентов', other: '{count} клиента' },
  },
  purchases: {
    en: { one: '{count} purchase', other: '{count} purchases' },
    sl: { one: '{count} nakup', two: '{count} nakupa', few: '{count} nakupi', other: '{count} nakupov' },
    tr: same('{count} alışveriş'),
    da: same('{count} køb'),
    ru: { one: '{count} покупка', few: '{count} покупки', many: '{count} покупок', other: '{count} покупки' },
  },
  newPurchases: {
    en: same('{count} new'),
    sl: { one: '{count} nov', two: '{count} nova', few: '{count} novi', other: '{count} novih' },
    tr: same('{count} yeni'),
    da: { one: '{count} ny', other: '{count} nye' },
    ru: { one: '{count} новая', few: '{count} новые', many: '{count} новых', other: '{count} новой' },
  },
  stores: {
    en: { one: '{count} store', other: '{count} stores' },
    sl: { one: '{count} trgovina', two: '{count} trgovini', few: '{count} trgovine', other: '{count} trgovin' },
    tr: same('{count} mağaza'),
    da: { one: '{count} butik', other: '{count} butikker' },
    ru: { one: '{count} магазин', few: '{count} магазина', many: '{count} магазинов', other: '{count} магазина' },
  },
  members: {
    en: { one: '{count} member', other: '{count} members' },
    sl: { one: '{count} član', two: '{count} člana', few: '{count} člani', other: '{count} članov' },
    tr: same('{count} üye'),
    da: { one: '{count} medlem', other: '{count} medlemmer' },
    ru: { one: '{count} участник', few: '{count} участника', many: '{count} участников', other: '{count} участника' },
  },
  // Points accounts verify checked: members', and those of customers merged or erased since (a report counts members only).
  accounts: {
    en: { one: '{count} points account', other: '{count} points accounts' },
    sl: { one: '{count} račun točk', two: '{count} računa točk', few: '{count} računi točk', other: '{count} računov točk' },
    tr: same('{count} puan hesabı'),
    da: { one: '{count} pointkonto', other: '{count} pointkonti' },
    ru: { one: '{count} счёт баллов', few: '{count} счёта баллов', many: '{count} счетов баллов', other: '{count} счёта баллов' },
  },
  ledgerEntries: {
    en: { one: '{count} ledger entry', other: '{count} ledger entries' },
    sl: { one: '{count} vnos v evidenci', two: '{count} vnosa v evidenci', few: '{count} vnosi v evidenci', other: '{count} vnosov v evidenci' },
    tr: same('{count} kayıt'),
    da: { one: '{count} postering', other: '{count} posteringer' },
    ru: { one: '{count} запись журнала', few: '{count} записи журнала', many: '{count} записей журнала', other: '{count} записи журнала' },
  },
  problems: {
    en: { one: '{count} problem', other: '{count} problems' },
    sl: { one: '{count} težava', two: '{count} težavi', few: '{count} težave', other: '{count} težav' },
    tr: same('{count} sorun'),
    da: { one: '{count} problem', other: '{count} problemer' },
    ru: { one: '{count} проблема', few: '{count} проблемы', many: '{count} проблем', other: '{count} проблемы' },
  },
  // Whose points: "120 of 3 members", "120 pri 3 članih", "120 у 3 участников".
  ofMembers: {
    en: { one: 'of {count} member', other: 'of {count} members' },
    sl: { one: 'pri {count} članu', two: 'pri {count} članih', few: 'pri {count} članih', other: 'pri {count} članih' },
    tr: same('{count} üye'),
    da: { one: 'hos {count} medlem', other: 'hos {count} medlemmer' },
    ru: { one: 'у {count} участника', few: 'у {count} участников', many: 'у {count} участников', other: 'у {count} участника' },
  },
  ofCustomers: {
    en: { one: 'of {count} customer', other: 'of {count} customers' },
    sl: { one: 'pri {count} stranki', two: 'pri {count} strankah', few: 'pri {count} strankah', other: 'pri {count} strankah' },
    tr: same('{count} müşteri'),
    da: { one: 'hos {count} kunde', other: 'hos {count} kunder' },
    ru: { one: 'у {count} клиента', few: 'у {count} клиентов', many: 'у {count} клиентов', other: 'у {count} клиента' },
  },
  // Whose purchases or baskets, after them: "5 purchases of 3 customers", "5 nakupov 3 strank".
  customersGenitive: {
    en: { one: '{count} customer', other: '{count} customers' },
    sl: { one: '{count} stranke', two: '{count} strank', few: '{count} strank', other: '{count} strank' },
    tr: same('{count} müşteri'),
    da: { one: '{count} kunde', other: '{count} kunder' },
    ru: { one: '{count} клиента', few: '{count} клиентов', many: '{count} клиентов', other: '{count} клиента' },
  },

  // ── Analytics (analyze*.ts) ──
  customersWithPurchases: {
    en: { one: '{count} customer with purchases', other: '{count} customers with purchases' },
    sl: { one: '{count} stranka z nakupi', two: '{count} stranki z nakupi', few: '{count} stranke z nakupi', other: '{count} strank z nakupi' },
    tr: same('alışveriş yapmış {count} müşteri'),
    da: { one: '{count} kunde med køb', other: '{count} kunder med køb' },
    ru: { one: '{count} клиент с покупками', few: '{count} клиента с покупками', many: '{count} клиентов с покупками', other: '{count} клиента с покупками' },
  },
  // The customers a score run scored: "Scored 120 customers", "Оценки рассчитаны для 120 клиентов".
  scoredCustomers: {
    en: { one: '{count} customer', other: '{count} customers' },
    sl: { one: '{count} stranka', two: '{count} stranki', few: '{count} stranke', other: '{count} strank' },
    tr: same('{count} müşteri'),
    da: { one: '{count} kunde', other: '{count} kunder' },
    ru: { one: '{count} клиента', few: '{count} клиентов', many: '{count} клиентов', other: '{count} клиента' },
  },
  baskets: {
    en: { one: '{count} basket', other: '{count} baskets' },
    sl: { one: '{count} košarica', two: '{count} košarici', few: '{count} košarice', other: '{count} košaric' },
    tr: same('{count} sepet'),
    da: { one: '{count} kurv', other: '{count} kurve' },
    ru: { one: '{count} корзина', few: '{count} корзины', many: '{count} корзин', other: '{count} корзины' },
  },
  // Where: "in 12 baskets", "v 12 košaricah", "в 12 корзинах".
  basketsIn: {
    en: { one: '{count} basket', other: '{count} baskets' },
    sl: { one: '{count} košarici', two: '{count} košaricah', few: '{count} košaricah', other: '{count} košaricah' },
    tr: same('{count} sepette'),
    da: { one: '{count} kurv', other: '{count} kurve' },
    ru: { one: '{count} корзине', few: '{count} корзинах', many: '{count} корзинах', other: '{count} корзины' },
  },
  productsBought: {
    en: { one: '{count} product bought', other: '{count} products bought' },
    sl: { one: '{count} kupljen izdelek', two: '{count} kupljena izdelka', few: '{count} kupljeni izdelki', other: '{count} kupljenih izdelkov' },
    tr: same('{count} ürün satın aldı'),
    da: { one: '{count} produkt købt', other: '{count} produkter købt' },
    ru: { one: 'куплен {count} товар', few: 'куплено {count} товара', many: 'куплено {count} товаров', other: 'куплено {count} товара' },
  },

  // ── Promotions (promotions*.ts) ──
  codes: {
    en: { one: '{count} code', other: '{count} codes' },
    sl: { one: '{count} koda', two: '{count} kodi', few: '{count} kode', other: '{count} kod' },
    tr: same('{count} kod'),
    da: { one: '{count} kode', other: '{count} koder' },
    ru: { one: '{count} код', few: '{count} кода', many: '{count} кодов', other: '{count} кода' },
  },
  uniqueCodes: {
    en: { one: '{count} unique code', other: '{count} unique codes' },
    sl: { one: '{count} edinstvena koda', two: '{count} edinstveni kodi', few: '{count} edinstvene kode', other: '{count} edinstvenih kod' },
    tr: same('{count} benzersiz kod'),
    da: { one: '{count} unik kode', other: '{count} unikke koder' },
    ru: { one: '{count} уникальный код', few: '{count} уникальных кода', many: '{count} уникальных кодов', other: '{count} уникального кода' },
  },
  // Uses of a coupon: "1 use per code", "skupaj 5 uporab", "всего 5 использований".
  uses: {
    en: { one: '{count} use', other: '{count} uses' },
    sl: { one: '{count} uporaba', two: '{count} uporabi', few: '{count} uporabe', other: '{count} uporab' },
    tr: same('{count} kullanım'),
    da: { one: '{count} anvendelse', other: '{count} anvendelser' },
    ru: { one: '{count} использование', few: '{count} использования', many: '{count} использований', other: '{count} использования' },
  },

  // ── The activity log (audit-text.ts): points an entry moved, the sign written before the number ──
  points: {
    en: { one: '{count} point', other: '{count} points' },
    sl: { one: '{count} točka', two: '{count} točki', few: '{count} točke', other: '{count} točk' },
    tr: same('{count} puan'),
    da: same('{count} point'),
    ru: { one: '{count} балл', few: '{count} балла', many: '{count} баллов', other: '{count} балла' },
  },
} as const satisfies Record<string, CountedEntry>;
