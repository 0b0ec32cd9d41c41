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
    en: 'Gift card balance is {balance} {currency}, less than {amount} {currency}',
    sl: 'Stanje darilne kartice je {balance} {currency}, manj kot {amount} {currency}',
    tr: 'Hediye kartı bakiyesi {balance} {currency}; {amount} {currency} tutarından az',
    da: 'Gavekortets saldo er {balance} {currency}, mindre end {amount} {currency}',
    ru: 'Баланс подарочной карты — {balance} {currency}, меньше, чем {amount} {currency}',
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
