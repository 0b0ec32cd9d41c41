import type { Entry } from './languages.ts';

// The catalogue's messages of gift cards (src/modules/loyalty/rewards/gift-cards.ts) and of an
// expiry an admin's write gives that has passed already (admin-writes.ts). English first,
// exactly as API clients have always read it (index.ts); codes, keys and amounts are
// parameters and stay as written.

export const GIFT_CARDS = {
  'gift_card.not_found': { en: 'Gift card {code} not found', sl: 'Darilne kartice {code} ni mogoče najti', tr: 'Hediye kartı {code} bulunamadı', da: 'Gavekortet {code} blev ikke fundet', ru: 'Подарочная карта {code} не найдена' },
  'gift_card.key_reused': {
    en: 'Gift card with idempotency key {key} was already issued with a different body',
    sl: 'Darilna kartica s ključem idempotentnosti {key} je bila že izdana z drugačno vsebino zahteve',
    tr: '{key} idempotency anahtarlı hediye kartı farklı bir istek gövdesiyle zaten oluşturulmuş',
    da: 'Et gavekort med idempotensnøglen {key} er allerede udstedt med et andet indhold',
    ru: 'Подарочная карта с ключом идемпотентности {key} уже выпущена с другим телом запроса',
  },
  'gift_card.key_reused_otherwise': {
    en: 'Gift card with idempotency key {key} was already issued with other values: {differences}',
    sl: 'Darilna kartica s ključem idempotentnosti {key} je bila že izdana z drugimi vrednostmi: {differences}',
    tr: '{key} idempotency anahtarlı hediye kartı başka değerlerle zaten oluşturulmuş: {differences}',
    da: 'Et gavekort med idempotensnøglen {key} er allerede udstedt med andre værdier: {differences}',
    ru: 'Подарочная карта с ключом идемпотентности {key} уже выпущена с другими значениями: {differences}',
  },
  'gift_card.expires_at_format': {
    en: 'must be an ISO 8601 timestamp with an offset (2026-12-31T18:00:00+01:00) or a date (2026-12-31: usable through that day)',
    sl: 'mora biti časovni žig ISO 8601 z zamikom (2026-12-31T18:00:00+01:00) ali datum (2026-12-31: uporabna do konca tega dne)',
    tr: 'saat farkı belirtilmiş bir ISO 8601 zaman damgası (2026-12-31T18:00:00+01:00) ya da bir tarih (2026-12-31: o günün sonuna kadar kullanılabilir) olmalıdır',
    da: 'skal være et ISO 8601-tidsstempel med forskydning (2026-12-31T18:00:00+01:00) eller en dato (2026-12-31: kan bruges dagen ud)',
    ru: 'должно быть меткой времени ISO 8601 со смещением (2026-12-31T18:00:00+01:00) или датой (2026-12-31: действует до конца этого дня)',
  },
  'gift_card.charge_key_reused': {
    en: 'Gift card charge {key} was already recorded with a different body',
    sl: 'Plačilo z darilno kartico {key} je bilo že zapisano z drugačno vsebino zahteve',
    tr: '{key} hediye kartı ödemesi farklı bir istek gövdesiyle zaten kaydedilmiş',
    da: 'Gavekortbetalingen {key} er allerede registreret med et andet indhold',
    ru: 'Списание с подарочной карты {key} уже записано с другим телом запроса',
  },
  'gift_card.charge_key_reused_otherwise': {
    en: 'Gift card charge {key} was already recorded with other values: {differences}',
    sl: 'Plačilo z darilno kartico {key} je bilo že zapisano z drugimi vrednostmi: {differences}',
    tr: '{key} hediye kartı ödemesi başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'Gavekortbetalingen {key} er allerede registreret med andre værdier: {differences}',
    ru: 'Списание с подарочной карты {key} уже записано с другими значениями: {differences}',
  },
  'gift_card.expired': {
    en: 'Gift card expired at {at}',
    sl: 'Darilna kartica je potekla {at}',
    tr: 'Hediye kartının süresi {at} tarihinde doldu',
    da: 'Gavekortet udløb {at}',
    ru: 'Срок действия подарочной карты истёк {at}',
  },
  'gift_card.balance_too_low': {
    en: 'Gift card balance is {balance}, less than {amount}',
    sl: 'Stanje darilne kartice je {balance}, manj kot {amount}',
    tr: 'Hediye kartı bakiyesi {balance}; {amount} tutarından az',
    da: 'Gavekortets saldo er {balance}, mindre end {amount}',
    ru: 'Баланс подарочной карты — {balance}, меньше, чем {amount}',
  },

  // ── A charge given back (gift-card-refunds.ts) ──
  'gift_card.refund_key_reused': {
    en: 'Gift card refund {key} was already recorded with a different body',
    sl: 'Vračilo na darilno kartico {key} je bilo že zapisano z drugačno vsebino zahteve',
    tr: '{key} hediye kartı iadesi farklı bir istek gövdesiyle zaten kaydedilmiş',
    da: 'Gavekortrefusionen {key} er allerede registreret med et andet indhold',
    ru: 'Возврат на подарочную карту {key} уже записан с другим телом запроса',
  },
  'gift_card.refund_key_reused_otherwise': {
    en: 'Gift card refund {key} was already recorded with other values: {differences}',
    sl: 'Vračilo na darilno kartico {key} je bilo že zapisano z drugimi vrednostmi: {differences}',
    tr: '{key} hediye kartı iadesi başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'Gavekortrefusionen {key} er allerede registreret med andre værdier: {differences}',
    ru: 'Возврат на подарочную карту {key} уже записан с другими значениями: {differences}',
  },
  'gift_card.charge_not_found': {
    en: 'Gift card {code} has no charge {charge_key}',
    sl: 'Darilna kartica {code} nima plačila {charge_key}',
    tr: '{code} hediye kartında {charge_key} ödemesi yok',
    da: 'Gavekortet {code} har ingen betaling {charge_key}',
    ru: 'У подарочной карты {code} нет списания {charge_key}',
  },
  'gift_card.charge_key_unknown': {
    en: 'is no charge of this gift card',
    sl: 'ni plačilo s to darilno kartico',
    tr: 'bu hediye kartının bir ödemesi değil',
    da: 'er ikke en betaling med dette gavekort',
    ru: 'не является списанием с этой подарочной карты',
  },
  'gift_card.charge_of_other_card': {
    en: 'Charge {charge_key} was paid with another gift card, not {code}',
    sl: 'Plačilo {charge_key} je bilo opravljeno z drugo darilno kartico, ne s {code}',
    tr: '{charge_key} ödemesi {code} ile değil, başka bir hediye kartıyla yapıldı',
    da: 'Betalingen {charge_key} blev betalt med et andet gavekort, ikke {code}',
    ru: 'Списание {charge_key} было сделано с другой подарочной карты, а не с {code}',
  },
  'gift_card.charge_key_other_card': {
    en: 'is a charge of another gift card',
    sl: 'je plačilo z drugo darilno kartico',
    tr: 'başka bir hediye kartının ödemesi',
    da: 'er en betaling med et andet gavekort',
    ru: 'является списанием с другой подарочной карты',
  },
  'gift_card.refund_too_much': {
    en: 'Charge {charge_key} took {charged}; {left} of it is left to give back, less than {amount}',
    sl: 'Plačilo {charge_key} je odvzelo {charged}; za vračilo ostaja {left}, manj kot {amount}',
    tr: '{charge_key} ödemesi {charged} aldı; iade edilebilecek {left} kaldı, {amount} tutarından az',
    da: 'Betalingen {charge_key} tog {charged}; {left} af den kan stadig gives tilbage, mindre end {amount}',
    ru: 'Списание {charge_key} составило {charged}; вернуть можно ещё {left}, меньше, чем {amount}',
  },
  'gift_card.charge_refunded': {
    en: 'Charge {charge_key} took {charged} and has been given back in full: {left} is left',
    sl: 'Plačilo {charge_key} je odvzelo {charged} in je bilo v celoti vrnjeno: ostaja {left}',
    tr: '{charge_key} ödemesi {charged} aldı ve tamamı iade edildi: kalan {left}',
    da: 'Betalingen {charge_key} tog {charged} og er givet helt tilbage: {left} er tilbage',
    ru: 'Списание {charge_key} составило {charged} и возвращено полностью: осталось {left}',
  },

  // ── An expiry that has passed already (a campaign's codes, a gift card) ──
  'expiry.in_past': {
    en: 'is in the past ({at}; now {now}): {consequence}',
    sl: 'je v preteklosti ({at}; zdaj je {now}): {consequence}',
    tr: 'geçmişte kalıyor ({at}; şu an {now}): {consequence}',
    da: 'ligger i fortiden ({at}; nu er det {now}): {consequence}',
    ru: 'уже в прошлом ({at}; сейчас {now}): {consequence}',
  },
  // An expiry given as a date: the day ends in the business's time zone.
  'expiry.day_ended': {
    en: '{date}, which ended at {at} in {time_zone}',
    sl: '{date}, ki se je v časovnem pasu {time_zone} končal ob {at}',
    tr: '{time_zone} saat diliminde {at} anında sona eren {date}',
    da: '{date}, der sluttede {at} i {time_zone}',
    ru: '{date}, закончившийся в {at} по часовому поясу {time_zone}',
  },
  'expiry.codes_never_usable': {
    en: 'the codes would never be usable',
    sl: 'kod ne bi bilo nikoli mogoče uporabiti',
    tr: 'kodlar hiçbir zaman kullanılamaz',
    da: 'koderne kunne aldrig bruges',
    ru: 'кодами никогда нельзя будет воспользоваться',
  },
  'expiry.card_never_usable': {
    en: 'the card could never be used',
    sl: 'kartice ne bi bilo nikoli mogoče uporabiti',
    tr: 'kart hiçbir zaman kullanılamaz',
    da: 'kortet kunne aldrig bruges',
    ru: 'картой никогда нельзя будет воспользоваться',
  },
} as const satisfies Record<string, Entry>;
