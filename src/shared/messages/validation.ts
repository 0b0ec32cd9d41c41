import type { Entry } from './languages.ts';

// What parseInput (src/shared/validation.ts) says of a body, a query or a document it refuses:
// its headline by what was parsed, and each field's reason.
//
// zod's common issues, told in the product's words (src/shared/validation.ts zodIssue): zod's
// own locales write them as "ожидалось, что number будет >0", "pričakovano string" or
// "Too small: expected number to be >0", with type names and comparison signs.
//
// A count of characters or items ({unit}: validation.ts's CHARACTERS and ITEMS) stands
// where its noun takes the case the forms are written in: the accusative after "imeti"
// and "содержать" (Slovenian's forms are the accusative ones, "3 znake").

export const VALIDATION = {
  // parseInput's headline, by what was parsed: "Invalid <what>: <the first problems>". Every
  // `what` the code passes has its entry (parseInput's type says so, and validation.test.ts
  // reads the calls); one without would be told with invalid.input's words in other languages.
  'invalid.input': { en: 'Invalid input: {problems}', sl: 'Neveljavni podatki: {problems}', tr: 'Geçersiz veri: {problems}', da: 'Ugyldige data: {problems}', ru: 'Неверные данные: {problems}' },
  'invalid.query': { en: 'Invalid query: {problems}', sl: 'Neveljavni parametri poizvedbe: {problems}', tr: 'Geçersiz sorgu: {problems}', da: 'Ugyldig forespørgsel: {problems}', ru: 'Неверные параметры запроса: {problems}' },
  'invalid.login': { en: 'Invalid login: {problems}', sl: 'Neveljavna prijava: {problems}', tr: 'Geçersiz giriş: {problems}', da: 'Ugyldigt login: {problems}', ru: 'Неверные данные для входа: {problems}' },
  'invalid.adjustment': { en: 'Invalid adjustment: {problems}', sl: 'Neveljavna sprememba točk: {problems}', tr: 'Geçersiz puan düzeltmesi: {problems}', da: 'Ugyldig pointjustering: {problems}', ru: 'Неверная корректировка баллов: {problems}' },
  'invalid.program': { en: 'Invalid program: {problems}', sl: 'Neveljaven program: {problems}', tr: 'Geçersiz program: {problems}', da: 'Ugyldigt program: {problems}', ru: 'Неверная программа: {problems}' },
  'invalid.program_application': {
    en: 'Invalid program application: {problems}',
    sl: 'Neveljavna uveljavitev programa: {problems}',
    tr: 'Geçersiz program uygulaması: {problems}',
    da: 'Ugyldig anvendelse af programmet: {problems}',
    ru: 'Неверный запрос на применение программы: {problems}',
  },
  'invalid.simulation': { en: 'Invalid simulation: {problems}', sl: 'Neveljavna simulacija: {problems}', tr: 'Geçersiz simülasyon: {problems}', da: 'Ugyldig simulering: {problems}', ru: 'Неверные параметры симуляции: {problems}' },
  'invalid.redemption': { en: 'Invalid redemption: {problems}', sl: 'Neveljavna unovčitev: {problems}', tr: 'Geçersiz ödül kullanımı: {problems}', da: 'Ugyldig indløsning: {problems}', ru: 'Неверный запрос на получение награды: {problems}' },
  'invalid.purchase': { en: 'Invalid purchase: {problems}', sl: 'Neveljaven nakup: {problems}', tr: 'Geçersiz alışveriş: {problems}', da: 'Ugyldigt køb: {problems}', ru: 'Неверная покупка: {problems}' },
  'invalid.refund': { en: 'Invalid refund: {problems}', sl: 'Neveljavno vračilo: {problems}', tr: 'Geçersiz iade: {problems}', da: 'Ugyldig refundering: {problems}', ru: 'Неверный возврат: {problems}' },
  'invalid.batch': { en: 'Invalid batch: {problems}', sl: 'Neveljaven paket nakupov: {problems}', tr: 'Geçersiz alışveriş paketi: {problems}', da: 'Ugyldig batch af køb: {problems}', ru: 'Неверный пакет покупок: {problems}' },
  'invalid.customer': { en: 'Invalid customer: {problems}', sl: 'Neveljavni podatki stranke: {problems}', tr: 'Geçersiz müşteri: {problems}', da: 'Ugyldig kunde: {problems}', ru: 'Неверные данные клиента: {problems}' },
  'invalid.merge': { en: 'Invalid merge: {problems}', sl: 'Neveljavna združitev: {problems}', tr: 'Geçersiz birleştirme: {problems}', da: 'Ugyldig sammenlægning: {problems}', ru: 'Неверный запрос на объединение: {problems}' },
  'invalid.configuration': {
    en: 'Invalid configuration: {problems}',
    sl: 'Neveljavna nastavitev: {problems}',
    tr: 'Geçersiz yapılandırma: {problems}',
    da: 'Ugyldig konfiguration: {problems}',
    ru: 'Неверная конфигурация: {problems}',
  },
  'invalid.store': { en: 'Invalid store: {problems}', sl: 'Neveljavna trgovina: {problems}', tr: 'Geçersiz mağaza: {problems}', da: 'Ugyldig butik: {problems}', ru: 'Неверные данные магазина: {problems}' },
  'invalid.settings': { en: 'Invalid settings: {problems}', sl: 'Neveljavne nastavitve: {problems}', tr: 'Geçersiz ayarlar: {problems}', da: 'Ugyldige indstillinger: {problems}', ru: 'Неверные настройки: {problems}' },
  'invalid.user': { en: 'Invalid user: {problems}', sl: 'Neveljaven uporabnik: {problems}', tr: 'Geçersiz kullanıcı: {problems}', da: 'Ugyldig bruger: {problems}', ru: 'Неверные данные пользователя: {problems}' },
  'invalid.API_key': { en: 'Invalid API key: {problems}', sl: 'Neveljaven ključ API: {problems}', tr: 'Geçersiz API anahtarı: {problems}', da: 'Ugyldig API-nøgle: {problems}', ru: 'Неверные данные ключа API: {problems}' },
  'invalid.webhook': { en: 'Invalid webhook: {problems}', sl: 'Neveljaven webhook: {problems}', tr: 'Geçersiz webhook: {problems}', da: 'Ugyldig webhook: {problems}', ru: 'Неверный вебхук: {problems}' },
  'invalid.referral': { en: 'Invalid referral: {problems}', sl: 'Neveljavno priporočilo: {problems}', tr: 'Geçersiz tavsiye: {problems}', da: 'Ugyldig henvisning: {problems}', ru: 'Неверное приглашение: {problems}' },
  'invalid.survey_bonus': {
    en: 'Invalid survey bonus: {problems}',
    sl: 'Neveljaven bonus za odgovor na anketo: {problems}',
    tr: 'Geçersiz anket yanıtı bonusu: {problems}',
    da: 'Ugyldig bonus for svar på undersøgelse: {problems}',
    ru: 'Неверный бонус за ответ на опрос: {problems}',
  },
  'invalid.reservation': { en: 'Invalid reservation: {problems}', sl: 'Neveljavna rezervacija: {problems}', tr: 'Geçersiz rezervasyon: {problems}', da: 'Ugyldig reservation: {problems}', ru: 'Неверный резерв: {problems}' },
  'invalid.capture': {
    en: 'Invalid capture: {problems}',
    sl: 'Neveljavna potrditev rezervacije: {problems}',
    tr: 'Geçersiz rezervasyon tamamlama: {problems}',
    da: 'Ugyldig gennemførelse af reservationen: {problems}',
    ru: 'Неверное списание по резерву: {problems}',
  },
  'invalid.release': {
    en: 'Invalid release: {problems}',
    sl: 'Neveljavna sprostitev rezervacije: {problems}',
    tr: 'Geçersiz rezervasyon bırakma: {problems}',
    da: 'Ugyldig frigivelse af reservationen: {problems}',
    ru: 'Неверная отмена резерва: {problems}',
  },
  'invalid.coupon_use': {
    en: 'Invalid coupon use: {problems}',
    sl: 'Neveljavna uporaba kupona: {problems}',
    tr: 'Geçersiz kupon kullanımı: {problems}',
    da: 'Ugyldig brug af kupon: {problems}',
    ru: 'Неверный запрос на использование купона: {problems}',
  },
  'invalid.coupon_rollback': {
    en: 'Invalid coupon rollback: {problems}',
    sl: 'Neveljavna razveljavitev uporabe kupona: {problems}',
    tr: 'Geçersiz kupon kullanımı geri alma: {problems}',
    da: 'Ugyldig tilbagerulning af kuponbrug: {problems}',
    ru: 'Неверная отмена использования купона: {problems}',
  },
  'invalid.campaign': { en: 'Invalid campaign: {problems}', sl: 'Neveljavna kampanja: {problems}', tr: 'Geçersiz kampanya: {problems}', da: 'Ugyldig kampagne: {problems}', ru: 'Неверные параметры кампании: {problems}' },
  'invalid.gift_card': { en: 'Invalid gift card: {problems}', sl: 'Neveljavna darilna kartica: {problems}', tr: 'Geçersiz hediye kartı: {problems}', da: 'Ugyldigt gavekort: {problems}', ru: 'Неверная подарочная карта: {problems}' },
  'invalid.gift_card_charge': {
    en: 'Invalid gift card charge: {problems}',
    sl: 'Neveljavno plačilo z darilno kartico: {problems}',
    tr: 'Geçersiz hediye kartı ödemesi: {problems}',
    da: 'Ugyldig gavekortbetaling: {problems}',
    ru: 'Неверное списание с подарочной карты: {problems}',
  },
  'invalid.gift_card_refund': {
    en: 'Invalid gift card refund: {problems}',
    sl: 'Neveljavno vračilo na darilno kartico: {problems}',
    tr: 'Geçersiz hediye kartı iadesi: {problems}',
    da: 'Ugyldig gavekortrefusion: {problems}',
    ru: 'Неверный возврат на подарочную карту: {problems}',
  },
  'invalid.score_run': { en: 'Invalid score run: {problems}', sl: 'Neveljaven izračun ocen: {problems}', tr: 'Geçersiz skor hesaplaması: {problems}', da: 'Ugyldig scoreberegning: {problems}', ru: 'Неверные параметры расчёта оценок: {problems}' },
  'invalid.demo': { en: 'Invalid demo: {problems}', sl: 'Neveljaven demo: {problems}', tr: 'Geçersiz demo: {problems}', da: 'Ugyldig demo: {problems}', ru: 'Неверные параметры демо: {problems}' },
  'invalid.options': { en: 'Invalid options: {problems}', sl: 'Neveljavne možnosti: {problems}', tr: 'Geçersiz seçenekler: {problems}', da: 'Ugyldige indstillinger: {problems}', ru: 'Неверные параметры: {problems}' },

  'value.at_least': { en: 'must be at least {minimum}', sl: 'mora biti vsaj {minimum}', tr: 'en az {minimum} olmalıdır', da: 'skal være mindst {minimum}', ru: 'должно быть не меньше {minimum}' },
  'value.greater_than': {
    en: 'must be greater than {minimum}',
    sl: 'mora biti večje od {minimum}',
    tr: '{minimum} değerinden büyük olmalıdır',
    da: 'skal være større end {minimum}',
    ru: 'должно быть больше {minimum}',
  },
  'value.at_most': { en: 'must be at most {maximum}', sl: 'mora biti največ {maximum}', tr: 'en fazla {maximum} olmalıdır', da: 'skal være højst {maximum}', ru: 'должно быть не больше {maximum}' },
  'value.less_than': {
    en: 'must be less than {maximum}',
    sl: 'mora biti manjše od {maximum}',
    tr: '{maximum} değerinden küçük olmalıdır',
    da: 'skal være mindre end {maximum}',
    ru: 'должно быть меньше {maximum}',
  },
  'length.not_empty': { en: 'must not be empty', sl: 'ne sme biti prazno', tr: 'boş olamaz', da: 'må ikke være tom', ru: 'не должно быть пустым' },
  'length.at_least': {
    en: 'must have at least {minimum} {unit}',
    sl: 'mora imeti vsaj {minimum} {unit}',
    tr: 'en az {minimum} {unit} içermelidir',
    da: 'skal have mindst {minimum} {unit}',
    ru: 'должно содержать как минимум {minimum} {unit}',
  },
  'length.at_most': {
    en: 'must have at most {maximum} {unit}',
    sl: 'sme imeti največ {maximum} {unit}',
    tr: 'en fazla {maximum} {unit} içerebilir',
    da: 'må højst have {maximum} {unit}',
    ru: 'может содержать максимум {maximum} {unit}',
  },
  'length.exactly': {
    en: 'must have exactly {length} {unit}',
    sl: 'mora imeti natanko {length} {unit}',
    tr: 'tam olarak {length} {unit} içermelidir',
    da: 'skal have præcis {length} {unit}',
    ru: 'должно содержать ровно {length} {unit}',
  },
  // What a value of another type is told, by the type expected (JSON's words: true and false stay as written);
  // a number not whole is capture.whole's "must be a whole number".
  'type.number': { en: 'must be a number', sl: 'mora biti število', tr: 'bir sayı olmalıdır', da: 'skal være et tal', ru: 'должно быть числом' },
  'type.text': { en: 'must be text', sl: 'mora biti besedilo', tr: 'metin olmalıdır', da: 'skal være tekst', ru: 'должно быть текстом' },
  'type.boolean': { en: 'must be true or false', sl: 'mora biti true ali false', tr: 'true ya da false olmalıdır', da: 'skal være true eller false', ru: 'должно быть true или false' },
  'type.list': { en: 'must be a list', sl: 'mora biti seznam', tr: 'bir liste olmalıdır', da: 'skal være en liste', ru: 'должно быть списком' },
  'type.object': { en: 'must be an object', sl: 'mora biti objekt', tr: 'bir nesne olmalıdır', da: 'skal være et objekt', ru: 'должно быть объектом' },
  'type.other': { en: 'is of the wrong type', sl: 'je napačne vrste', tr: 'türü yanlış', da: 'har en forkert type', ru: 'имеет неверный тип' },
  // A NUL or half of a surrogate pair, which PostgreSQL cannot hold (src/http/text-check.ts): {char} as "U+0000".
  'text.unstorable_char': {
    en: 'contains the character {char}, which text cannot hold',
    sl: 'vsebuje znak {char}, ki ga besedilo ne more hraniti',
    tr: 'metnin tutamayacağı {char} karakterini içeriyor',
    da: 'indeholder tegnet {char}, som tekst ikke kan rumme',
    ru: 'содержит символ {char}, который не может храниться в тексте',
  },
  'format.timestamp': {
    en: 'must be an ISO 8601 timestamp such as 2026-12-31T18:00:00Z',
    sl: 'mora biti časovni žig ISO 8601, na primer 2026-12-31T18:00:00Z',
    tr: '2026-12-31T18:00:00Z gibi bir ISO 8601 zaman damgası olmalıdır',
    da: 'skal være et ISO 8601-tidsstempel, f.eks. 2026-12-31T18:00:00Z',
    ru: 'должно быть меткой времени ISO 8601, например 2026-12-31T18:00:00Z',
  },
  // English as API clients and the README have always read it (customer.email, a user's email).
  'format.email': {
    en: 'must be a valid email address',
    sl: 'mora biti veljaven e-poštni naslov',
    tr: 'geçerli bir e-posta adresi olmalıdır',
    da: 'skal være en gyldig e-mailadresse',
    ru: 'должно быть корректным адресом электронной почты',
  },
  // A value not among those a field takes (a zod enum or literal, a union's discriminator): the
  // values as a client writes them, as purchase.channel names its channels.
  'value.one_of': {
    en: 'must be one of {values}',
    sl: 'mora biti ena od vrednosti {values}',
    tr: 'şunlardan biri olmalıdır: {values}',
    da: 'skal være en af {values}',
    ru: 'должно быть одним из значений {values}',
  },
  'value.equal_to': { en: 'must be {value}', sl: 'mora biti {value}', tr: '{value} olmalıdır', da: 'skal være {value}', ru: 'должно быть равно {value}' },
  // A key an object does not take, told at the object's path (zod's unrecognized_keys), as
  // the reservation's capture already words it.
  'key.unknown': { en: 'unknown field "{key}"', sl: 'neznano polje "{key}"', tr: 'bilinmeyen alan "{key}"', da: 'ukendt felt "{key}"', ru: 'неизвестное поле "{key}"' },
  // …and the object's own field it is nearest to (validation.ts nearKeys), as Stripe names the
  // parameter a misspelt one was likely meant as; the second, one of several in key.unknown_many.
  'key.unknown_near': {
    en: 'unknown field "{key}" — did you mean "{known}"?',
    sl: 'neznano polje "{key}" — ste mislili "{known}"?',
    tr: 'bilinmeyen alan "{key}" — "{known}" mi demek istediniz?',
    da: 'ukendt felt "{key}" — mente du "{known}"?',
    ru: 'неизвестное поле "{key}" — возможно, вы имели в виду "{known}"?',
  },
  'key.unknown_near_listed': {
    en: '"{key}" (did you mean "{known}"?)',
    sl: '"{key}" (ste mislili "{known}"?)',
    tr: '"{key}" ("{known}" mi demek istediniz?)',
    da: '"{key}" (mente du "{known}"?)',
    ru: '"{key}" (возможно, вы имели в виду "{known}"?)',
  },
  'key.unknown_many': { en: 'unknown fields {keys}', sl: 'neznana polja {keys}', tr: 'bilinmeyen alanlar {keys}', da: 'ukendte felter {keys}', ru: 'неизвестные поля {keys}' },
} as const satisfies Record<string, Entry>;
