import type { Entry } from './languages.ts';

// `regulars coupons …` and `regulars gift-cards …` (src/cli/commands/promotions*.ts), told as
// cli-commands.ts says: the words of the dashboard's Promotions tab where it has them, so a
// campaign reads alike in both. Amounts come written as the language writes money (moneyIn,
// shared/money.ts: "€5.00", "5,00 €"); codes, ids and instants stay as written.

export const CLI_PROMOTIONS = {
  // ── An admin's write made safe to retry (both commands) ──
  // On stderr before the request, so an interrupted command can be run again with it.
  'cli.promotions.key_generated': {
    en: 'Idempotency key {key}: if this command is interrupted, run it again with --key {key} and nothing is made twice.',
    sl: 'Ključ idempotentnosti {key}: če se ukaz prekine, ga zaženite znova z --key {key} in nič ne bo narejeno dvakrat.',
    tr: 'Idempotency anahtarı {key}: bu komut yarıda kesilirse --key {key} ile yeniden çalıştırın, hiçbir şey iki kez oluşturulmaz.',
    da: 'Idempotensnøgle {key}: hvis kommandoen afbrydes, så kør den igen med --key {key}, og intet bliver lavet to gange.',
    ru: 'Ключ идемпотентности {key}: если команда прервётся, запустите её снова с --key {key} — ничего не будет создано дважды.',
  },

  // ── Labels and column headings (the list tables, show) ──
  'cli.promotions.id': { en: 'id', sl: 'id', tr: 'kimlik', da: 'id', ru: 'id' },
  'cli.promotions.campaign': { en: 'campaign', sl: 'kampanja', tr: 'kampanya', da: 'kampagne', ru: 'кампания' },
  'cli.promotions.benefit': { en: 'benefit', sl: 'ugodnost', tr: 'fayda', da: 'fordel', ru: 'выгода' },
  'cli.promotions.codes': { en: 'codes', sl: 'kode', tr: 'kodlar', da: 'koder', ru: 'коды' },
  'cli.promotions.code': { en: 'code', sl: 'koda', tr: 'kod', da: 'kode', ru: 'код' },
  'cli.promotions.per_customer': { en: 'per customer', sl: 'na stranko', tr: 'müşteri başına', da: 'pr. kunde', ru: 'на клиента' },
  'cli.promotions.valid': { en: 'valid', sl: 'veljavnost', tr: 'geçerlilik', da: 'gyldig', ru: 'срок действия' },
  'cli.promotions.status': { en: 'status', sl: 'stanje', tr: 'durum', da: 'status', ru: 'статус' },
  'cli.promotions.uses': { en: 'uses', sl: 'uporabe', tr: 'kullanım', da: 'brug', ru: 'использования' },
  'cli.promotions.codes_used': { en: 'codes used', sl: 'uporabljene kode', tr: 'kullanılan kodlar', da: 'brugte koder', ru: 'использовано кодов' },
  'cli.promotions.discount_given': { en: 'discount given', sl: 'dani popust', tr: 'verilen indirim', da: 'givet rabat', ru: 'предоставленная скидка' },
  'cli.promotions.created_at': { en: 'created', sl: 'ustvarjena', tr: 'oluşturulma', da: 'oprettet', ru: 'создана' },
  'cli.promotions.last_used': { en: 'last used', sl: 'zadnja uporaba', tr: 'son kullanım', da: 'sidst brugt', ru: 'последнее использование' },
  'cli.promotions.balance': { en: 'balance', sl: 'stanje na kartici', tr: 'bakiye', da: 'saldo', ru: 'остаток' },
  'cli.promotions.customer': { en: 'customer', sl: 'stranka', tr: 'müşteri', da: 'kunde', ru: 'клиент' },
  'cli.promotions.issued_at': { en: 'issued', sl: 'izdana', tr: 'veriliş', da: 'udstedt', ru: 'выпущена' },

  // ── Values ──
  'cli.promotions.benefit_fixed': { en: '{amount} off', sl: '{amount} popusta', tr: '{amount} indirim', da: '{amount} i rabat', ru: 'скидка {amount}' },
  'cli.promotions.benefit_percent': { en: '{percent} off', sl: '{percent} popusta', tr: '{percent} indirim', da: '{percent} i rabat', ru: 'скидка {percent}' },
  'cli.promotions.benefit_free': { en: 'free product {sku}', sl: 'brezplačen izdelek {sku}', tr: 'ücretsiz ürün {sku}', da: 'gratis produkt {sku}', ru: 'бесплатный товар {sku}' },
  // {used}, {total}: counts, as the dashboard's "2 of 50".
  'cli.promotions.of': { en: '{used} of {total}', sl: '{used} od {total}', tr: '{total} içinden {used}', da: '{used} af {total}', ru: '{used} из {total}' },
  'cli.promotions.no_limit': { en: 'no limit', sl: 'brez omejitve', tr: 'sınırsız', da: 'ingen grænse', ru: 'без ограничения' },

  // ── coupons ──
  'cli.coupons.one_benefit': {
    en: 'give one of --amount (an amount off), --percent (a percentage off) or --sku (a free product)',
    sl: 'navedite eno od možnosti --amount (znesek popusta), --percent (odstotek popusta) ali --sku (brezplačen izdelek)',
    tr: '--amount (tutar indirimi), --percent (yüzde indirimi) veya --sku (ücretsiz ürün) seçeneklerinden birini verin',
    da: 'angiv én af --amount (et beløb i rabat), --percent (en procentrabat) eller --sku (et gratis produkt)',
    ru: 'укажите одно из: --amount (скидка суммой), --percent (скидка в процентах) или --sku (бесплатный товар)',
  },
  'cli.coupons.created': {
    en: 'Created campaign "{name}" ({id}).',
    sl: 'Kampanja "{name}" je ustvarjena ({id}).',
    tr: '"{name}" kampanyası oluşturuldu ({id}).',
    da: 'Kampagnen "{name}" er oprettet ({id}).',
    ru: 'Кампания "{name}" создана ({id}).',
  },
  'cli.coupons.replayed': {
    en: 'Campaign "{name}" ({id}) was already created with this key; nothing new was made.',
    sl: 'Kampanja "{name}" ({id}) je bila s tem ključem že ustvarjena; nič novega ni bilo narejeno.',
    tr: '"{name}" kampanyası ({id}) bu anahtarla zaten oluşturulmuştu; yeni bir şey oluşturulmadı.',
    da: 'Kampagnen "{name}" ({id}) var allerede oprettet med denne nøgle; intet nyt blev lavet.',
    ru: 'Кампания "{name}" ({id}) уже была создана с этим ключом; ничего нового не создано.',
  },
  'cli.coupons.heading': { en: 'Campaign "{name}" ({id})', sl: 'Kampanja "{name}" ({id})', tr: '"{name}" kampanyası ({id})', da: 'Kampagnen "{name}" ({id})', ru: 'Кампания "{name}" ({id})' },
  // {codes}: "100 unique codes" (CLI_COUNTS.uniqueCodes); {uses}: CLI_COUNTS.uses.
  'cli.coupons.unique_codes': { en: '{codes}, {uses} per code', sl: '{codes}, {uses} na kodo', tr: '{codes}, kod başına {uses}', da: '{codes}, {uses} pr. kode', ru: '{codes}, {uses} на код' },
  'cli.coupons.shared_code': { en: 'shared code {code}, {uses} in all', sl: 'skupna koda {code}, skupaj {uses}', tr: 'ortak kod {code}, toplam {uses}', da: 'fælles kode {code}, {uses} i alt', ru: 'общий код {code}, всего {uses}' },
  'cli.coupons.uses_without_customer': {
    en: '{uses} ({without} without a customer)',
    sl: '{uses} (brez stranke: {without})',
    tr: '{uses} ({without} tanesi müşterisiz)',
    da: '{uses} ({without} uden kunde)',
    ru: '{uses} (без клиента: {without})',
  },
  'cli.coupons.discount_not_recorded': {
    en: 'depends on each basket, which a use does not record',
    sl: 'odvisen od vsake košarice, ki je uporaba ne zapiše',
    tr: 'her sepete bağlı; kullanım sepeti kaydetmez',
    da: 'afhænger af hver kurv, som en brug ikke registrerer',
    ru: 'зависит от каждой корзины, а использование её не записывает',
  },
  'cli.coupons.get_codes': {
    en: 'Its codes, for a mail merge: regulars coupons codes {id} --csv codes.csv',
    sl: 'Njene kode za spajanje dokumentov: regulars coupons codes {id} --csv codes.csv',
    tr: 'Toplu posta için kodları: regulars coupons codes {id} --csv codes.csv',
    da: 'Dens koder til brevfletning: regulars coupons codes {id} --csv codes.csv',
    ru: 'Её коды для рассылки: regulars coupons codes {id} --csv codes.csv',
  },
  'cli.coupons.none': {
    en: 'No coupon campaigns yet: create one with regulars coupons create.',
    sl: 'Kuponskih kampanj še ni: ustvarite jo z regulars coupons create.',
    tr: 'Henüz kupon kampanyası yok: regulars coupons create ile bir tane oluşturun.',
    da: 'Ingen kuponkampagner endnu: opret en med regulars coupons create.',
    ru: 'Кампаний купонов пока нет: создайте её командой regulars coupons create.',
  },
  // {codes}: CLI_COUNTS.codes.
  'cli.coupons.csv_written': { en: 'Wrote {codes} to {file}.', sl: 'V {file} je zapisano: {codes}.', tr: '{file} dosyasına yazıldı: {codes}.', da: 'Skrev {codes} til {file}.', ru: 'В {file} записано: {codes}.' },
  // {reason}: the system's code for it (EACCES, ENOENT, EISDIR).
  'cli.coupons.cannot_write': {
    en: 'cannot write {file} ({reason})',
    sl: 'datoteke {file} ni mogoče zapisati ({reason})',
    tr: '{file} yazılamıyor ({reason})',
    da: '{file} kan ikke skrives ({reason})',
    ru: 'не удаётся записать {file} ({reason})',
  },
  'cli.coupons.rolled_back': {
    en: 'Gave back use {use} of coupon {code}: {uses} of its {max_uses} uses are taken now.',
    sl: 'Uporaba {use} kupona {code} je razveljavljena: zdaj je porabljenih {uses} od {max_uses} uporab.',
    tr: '{code} kuponunun {use} kullanımı geri alındı: şimdi {max_uses} kullanım hakkından {uses} tanesi kullanılmış durumda.',
    da: 'Brugen {use} af kuponen {code} er rullet tilbage: {uses} af dens {max_uses} anvendelser er brugt nu.',
    ru: 'Использование {use} купона {code} отменено: теперь занято {uses} из {max_uses} использований.',
  },
  'cli.coupons.rollback_replayed': {
    en: 'Use {use} of coupon {code} was already rolled back; nothing more was given back. {uses} of its {max_uses} uses are taken.',
    sl: 'Uporaba {use} kupona {code} je bila že razveljavljena; nič več ni bilo vrnjeno. Porabljenih je {uses} od {max_uses} uporab.',
    tr: '{code} kuponunun {use} kullanımı zaten geri alınmıştı; başka bir şey geri verilmedi. {max_uses} kullanım hakkından {uses} tanesi kullanılmış.',
    da: 'Brugen {use} af kuponen {code} var allerede rullet tilbage; intet mere blev givet tilbage. {uses} af dens {max_uses} anvendelser er brugt.',
    ru: 'Использование {use} купона {code} уже было отменено; больше ничего не возвращено. Занято {uses} из {max_uses} использований.',
  },
  'cli.coupons.still_unusable': {
    en: 'The coupon cannot be used now all the same: it has expired or was cancelled.',
    sl: 'Kupona kljub temu zdaj ni mogoče uporabiti: potekel je ali je bil preklican.',
    tr: 'Kupon yine de şu an kullanılamaz: süresi doldu ya da iptal edildi.',
    da: 'Kuponen kan alligevel ikke bruges nu: den er udløbet eller annulleret.',
    ru: 'Купон всё равно нельзя использовать сейчас: срок его действия истёк или он аннулирован.',
  },

  // ── gift-cards ──
  'cli.gift_cards.issued': {
    en: 'Issued gift card {code} of {amount}.',
    sl: 'Izdana je darilna kartica {code} za {amount}.',
    tr: '{amount} değerinde {code} hediye kartı oluşturuldu.',
    da: 'Gavekortet {code} på {amount} er udstedt.',
    ru: 'Выпущена подарочная карта {code} на {amount}.',
  },
  'cli.gift_cards.replayed': {
    en: 'Gift card {code} was already issued with this key; nothing new was made.',
    sl: 'Darilna kartica {code} je bila s tem ključem že izdana; nič novega ni bilo narejeno.',
    tr: '{code} hediye kartı bu anahtarla zaten oluşturulmuştu; yeni bir şey oluşturulmadı.',
    da: 'Gavekortet {code} var allerede udstedt med denne nøgle; intet nyt blev lavet.',
    ru: 'Подарочная карта {code} уже была выпущена с этим ключом; ничего нового не создано.',
  },
  'cli.gift_cards.charged': {
    en: 'Paid {amount} with gift card {code}; {balance} is left on it.',
    sl: 'Z darilno kartico {code} je plačano {amount}; na njej ostaja {balance}.',
    tr: '{code} hediye kartıyla {amount} ödendi; üzerinde {balance} kaldı.',
    da: 'Betalte {amount} med gavekortet {code}; der er {balance} tilbage på det.',
    ru: 'С подарочной карты {code} списано {amount}; на ней осталось {balance}.',
  },
  'cli.gift_cards.charge_replayed': {
    en: 'This charge of {amount} was already made with this key; nothing more was taken. {balance} is left on gift card {code}.',
    sl: 'To plačilo {amount} je bilo s tem ključem že opravljeno; nič več ni bilo odvzeto. Na darilni kartici {code} ostaja {balance}.',
    tr: '{amount} tutarındaki bu ödeme bu anahtarla zaten yapılmıştı; başka bir şey alınmadı. {code} hediye kartında {balance} kaldı.',
    da: 'Denne betaling på {amount} var allerede foretaget med denne nøgle; intet mere blev trukket. Der er {balance} tilbage på gavekortet {code}.',
    ru: 'Это списание {amount} уже было сделано с этим ключом; больше ничего не списано. На подарочной карте {code} осталось {balance}.',
  },
  'cli.gift_cards.refunded': {
    en: 'Gave {amount} back to gift card {code}; {balance} is on it now. Charge {charge}: {refundable} of {charged} is left to give back.',
    sl: 'Na darilno kartico {code} je vrnjeno {amount}; na njej je zdaj {balance}. Plačilo {charge}: za vračilo ostaja {refundable} od {charged}.',
    tr: '{code} hediye kartına {amount} iade edildi; üzerinde şimdi {balance} var. {charge} ödemesi: {charged} tutarının {refundable} kadarı daha iade edilebilir.',
    da: 'Gav {amount} tilbage til gavekortet {code}; der er nu {balance} på det. Betalingen {charge}: {refundable} af {charged} kan stadig gives tilbage.',
    ru: 'На подарочную карту {code} возвращено {amount}; на ней теперь {balance}. Списание {charge}: вернуть можно ещё {refundable} из {charged}.',
  },
  'cli.gift_cards.refund_replayed': {
    en: 'This refund of {amount} was already made with this key; nothing more was given back. Gift card {code} has {balance}; charge {charge}: {refundable} of {charged} is left to give back.',
    sl: 'To vračilo {amount} je bilo s tem ključem že opravljeno; nič več ni bilo vrnjeno. Na darilni kartici {code} je {balance}; plačilo {charge}: za vračilo ostaja {refundable} od {charged}.',
    tr: '{amount} tutarındaki bu iade bu anahtarla zaten yapılmıştı; başka bir şey iade edilmedi. {code} hediye kartında {balance} var; {charge} ödemesi: {charged} tutarının {refundable} kadarı daha iade edilebilir.',
    da: 'Denne refusion på {amount} var allerede foretaget med denne nøgle; intet mere blev givet tilbage. Gavekortet {code} har {balance}; betalingen {charge}: {refundable} af {charged} kan stadig gives tilbage.',
    ru: 'Этот возврат {amount} уже был сделан с этим ключом; больше ничего не возвращено. На подарочной карте {code} — {balance}; списание {charge}: вернуть можно ещё {refundable} из {charged}.',
  },
  'cli.gift_cards.heading': { en: 'Gift card {code}', sl: 'Darilna kartica {code}', tr: 'Hediye kartı {code}', da: 'Gavekort {code}', ru: 'Подарочная карта {code}' },
  'cli.gift_cards.balance_of': {
    en: '{balance} of {initial}',
    sl: '{balance} od {initial}',
    tr: '{initial} içinden {balance}',
    da: '{balance} af {initial}',
    ru: '{balance} из {initial}',
  },
  'cli.gift_cards.bearer': {
    en: "nobody's: whoever holds the code can pay with it",
    sl: 'nikogaršnja: z njo lahko plača, kdor ima kodo',
    tr: 'kimseye ait değil: kodu elinde tutan herkes onunla ödeyebilir',
    da: 'ingens: den, der har koden, kan betale med den',
    ru: 'ничья: платить ею может любой, у кого есть код',
  },
  'cli.gift_cards.none': { en: 'No gift cards here.', sl: 'Tu ni darilnih kartic.', tr: 'Burada hediye kartı yok.', da: 'Ingen gavekort her.', ru: 'Здесь нет подарочных карт.' },
  'cli.gift_cards.no_customer': {
    en: 'no customer found for "{text}"',
    sl: 'za "{text}" ni najdene stranke',
    tr: '"{text}" için müşteri bulunamadı',
    da: 'ingen kunde fundet for "{text}"',
    ru: 'клиент по запросу "{text}" не найден',
  },
  'cli.gift_cards.many_customers': {
    en: 'more than one customer matches "{text}": give their email or card number',
    sl: '"{text}" ustreza več strankam: navedite njihov e-naslov ali številko kartice',
    tr: '"{text}" birden fazla müşteriyle eşleşiyor: e-posta adresini ya da kart numarasını verin',
    da: 'flere kunder passer på "{text}": angiv deres e-mail eller kortnummer',
    ru: 'запросу "{text}" соответствует несколько клиентов: укажите эл. почту или номер карты',
  },
} as const satisfies Record<string, Entry>;

/**
 * Where a campaign, a code or a gift card stands, by the code the API answers. Not messages
 * of the catalogue: the same English word ("expired") says it of each, and each language
 * agrees it with the thing's gender (кампания истекла, код истёк).
 */
export const PROMOTION_STATES = {
  campaign: {
    scheduled: { en: 'scheduled', sl: 'načrtovana', tr: 'planlandı', da: 'planlagt', ru: 'запланирована' },
    active: { en: 'active', sl: 'aktivna', tr: 'etkin', da: 'aktiv', ru: 'действует' },
    expired: { en: 'expired', sl: 'potekla', tr: 'süresi doldu', da: 'udløbet', ru: 'истекла' },
    used_up: { en: 'used up', sl: 'porabljena', tr: 'tükendi', da: 'opbrugt', ru: 'исчерпана' },
  },
  code: {
    usable: { en: 'can be used', sl: 'uporabna', tr: 'kullanılabilir', da: 'kan bruges', ru: 'можно использовать' },
    cancelled: { en: 'cancelled', sl: 'preklicana', tr: 'iptal edildi', da: 'annulleret', ru: 'отменён' },
    used: { en: 'used', sl: 'uporabljena', tr: 'kullanıldı', da: 'brugt', ru: 'использован' },
    used_up: { en: 'used up', sl: 'porabljena', tr: 'tükendi', da: 'opbrugt', ru: 'исчерпан' },
    not_yet_valid: { en: 'not valid yet', sl: 'še ne velja', tr: 'henüz geçerli değil', da: 'endnu ikke gyldig', ru: 'ещё не действует' },
    expired: { en: 'expired', sl: 'potekla', tr: 'süresi doldu', da: 'udløbet', ru: 'истёк' },
  },
  giftCard: {
    active: { en: 'can be used', sl: 'uporabna', tr: 'kullanılabilir', da: 'kan bruges', ru: 'действует' },
    used_up: { en: 'used up', sl: 'porabljena', tr: 'tükendi', da: 'opbrugt', ru: 'израсходована' },
    expired: { en: 'expired', sl: 'potekla', tr: 'süresi doldu', da: 'udløbet', ru: 'истекла' },
  },
} as const satisfies Record<string, Record<string, Entry>>;
