import type { Entry } from './languages.ts';

// The catalogue's messages of what points buy and a till settles: a reward redeemed, a
// coupon scanned and used, a campaign of coupons created, a checkout reservation of points
// held, captured or released (src/modules/loyalty/rewards/rewards.service.ts, coupons.ts,
// reservations.ts).
// English first, exactly as API clients have always read it (index.ts). Codes, ids and
// keys are parameters and stay as written.

export const REWARDS = {
  // ── Redeeming a reward ──
  'redemption.key_reused': {
    en: 'Redemption {key} was already made for a different reward',
    sl: 'Unovčitev {key} je bila že opravljena za drugo nagrado',
    tr: '{key} ödül kullanımı zaten başka bir ödül için yapılmış',
    da: 'Indløsningen {key} er allerede foretaget for en anden belønning',
    ru: 'Обмен {key} уже выполнен на другую награду',
  },
  'reward.unknown': {
    en: 'no reward "{reward}" in the program (version {version})',
    sl: 'v programu (različica {version}) ni nagrade "{reward}"',
    tr: 'programda (sürüm {version}) "{reward}" ödülü yok',
    da: 'ingen belønning "{reward}" i programmet (version {version})',
    ru: 'в программе (версия {version}) нет награды "{reward}"',
  },
  // …and the program's reward it is nearest to (a till's "Coffee" for "coffee": codes are compared as written).
  'reward.unknown_near': {
    en: 'no reward "{reward}" in the program (version {version}) — did you mean "{known}"?',
    sl: 'v programu (različica {version}) ni nagrade "{reward}" — ste mislili "{known}"?',
    tr: 'programda (sürüm {version}) "{reward}" ödülü yok — "{known}" mi demek istediniz?',
    da: 'ingen belønning "{reward}" i programmet (version {version}) — mente du "{known}"?',
    ru: 'в программе (версия {version}) нет награды "{reward}" — возможно, вы имели в виду "{known}"?',
  },
  'reward.available_from': { en: 'is available from {from}', sl: 'je na voljo od {from}', tr: '{from} tarihinden itibaren alınabilir', da: 'kan fås fra {from}', ru: 'доступна с {from}' },
  'reward.available_until': { en: 'was available until {to}', sl: 'je bila na voljo do {to}', tr: '{to} tarihine kadar alınabiliyordu', da: 'kunne fås indtil {to}', ru: 'была доступна до {to}' },

  // ── A coupon scanned and used at a till ──
  // Why a coupon cannot be used now (a refusal's {problem}).
  'coupon.cancelled': { en: 'the coupon was cancelled', sl: 'kupon je bil preklican', tr: 'kupon iptal edildi', da: 'kuponen er annulleret', ru: 'купон аннулирован' },
  'coupon.used': { en: 'the coupon was already used', sl: 'kupon je bil že uporabljen', tr: 'kupon zaten kullanıldı', da: 'kuponen er allerede brugt', ru: 'купон уже использован' },
  'coupon.used_up': { en: 'the coupon has no uses left', sl: 'kupon nima več razpoložljivih uporab', tr: 'kuponun kullanım hakkı kalmadı', da: 'kuponen har ingen anvendelser tilbage', ru: 'у купона не осталось использований' },
  'coupon.not_yet_valid': { en: 'the coupon is valid from {from}', sl: 'kupon velja od {from}', tr: 'kupon {from} tarihinden itibaren geçerli', da: 'kuponen gælder fra {from}', ru: 'купон действует с {from}' },
  'coupon.expired': { en: 'the coupon expired at {at}', sl: 'kupon je potekel {at}', tr: 'kuponun süresi {at} tarihinde doldu', da: 'kuponen udløb {at}', ru: 'срок действия купона истёк {at}' },
  // {times}: "time" in its form for {used} (coupons.ts TIMES); Slovenian writes it joined ("3-krat").
  'coupon.campaign_limit': {
    en: 'codes were already used {used} {times} by this customer in campaign {campaign} (limit {limit})',
    sl: 'ta stranka je kode kampanje {campaign} že uporabila {used}{times} (omejitev: {limit})',
    tr: 'bu müşteri {campaign} kampanyasının kodlarını zaten {used} {times} kullandı (sınır: {limit})',
    da: 'denne kunde har allerede brugt koder fra kampagnen {campaign} {used} {times} (grænse: {limit})',
    ru: 'этот клиент уже использовал коды кампании {campaign} {used} {times} (лимит: {limit})',
  },
  'coupon.cannot_be_used': {
    en: 'Coupon {code} cannot be used: {problem}',
    sl: 'Kupona {code} ni mogoče uporabiti: {problem}',
    tr: '{code} kuponu kullanılamaz: {problem}',
    da: 'Kuponen {code} kan ikke bruges: {problem}',
    ru: 'Купон {code} нельзя использовать: {problem}',
  },
  'coupon.customer_limit': {
    en: 'Coupon {code} was already used {used} {times} by this customer (limit {limit})',
    sl: 'Ta stranka je kupon {code} že uporabila {used}{times} (omejitev: {limit})',
    tr: 'Bu müşteri {code} kuponunu zaten {used} {times} kullandı (sınır: {limit})',
    da: 'Denne kunde har allerede brugt kuponen {code} {used} {times} (grænse: {limit})',
    ru: 'Этот клиент уже использовал купон {code} {used} {times} (лимит: {limit})',
  },
  'coupon.other_customer': {
    en: 'Coupon {code} belongs to another customer',
    sl: 'Kupon {code} pripada drugi stranki',
    tr: '{code} kuponu başka bir müşteriye ait',
    da: 'Kuponen {code} tilhører en anden kunde',
    ru: 'Купон {code} принадлежит другому клиенту',
  },
  'coupon.customer_required': {
    en: 'is required: this coupon is limited per customer',
    sl: 'je obvezno: ta kupon ima omejitev uporab na stranko',
    tr: 'zorunludur: bu kupon müşteri başına sınırlıdır',
    da: 'skal angives: denne kupon er begrænset pr. kunde',
    ru: 'обязательное поле: у этого купона есть лимит на одного клиента',
  },
  'coupon.price_without_product': {
    en: 'is only for a coupon that gives a free product: this one gives a discount, whose worth order_subtotal tells',
    sl: 'je samo za kupon, ki podari izdelek: ta daje popust, katerega vrednost pove order_subtotal',
    tr: 'yalnızca ücretsiz ürün veren bir kupon içindir: bu kupon bir indirim verir, değerini order_subtotal belirtir',
    da: 'gælder kun en kupon, der giver et gratis produkt: denne giver en rabat, hvis værdi order_subtotal angiver',
    ru: 'только для купона, дающего бесплатный товар: этот купон даёт скидку, её размер определяет order_subtotal',
  },
  'coupon.price_for_event': {
    en: 'is only for a coupon that gives a free product: this one is an invitation to an event, which gives no discount',
    sl: 'je samo za kupon, ki podari izdelek: ta je vabilo na dogodek, ki ne daje popusta',
    tr: 'yalnızca ücretsiz ürün veren bir kupon içindir: bu kupon bir etkinlik davetiyesidir ve indirim vermez',
    da: 'gælder kun en kupon, der giver et gratis produkt: denne er en invitation til et arrangement, som ikke giver rabat',
    ru: 'только для купона, дающего бесплатный товар: этот купон — приглашение на мероприятие, он не даёт скидки',
  },
  'coupon.use_key_reused': {
    en: 'Coupon use {key} was already recorded with a different body',
    sl: 'Uporaba kupona {key} je že zabeležena z drugačno vsebino zahteve',
    tr: '{key} kupon kullanımı farklı bir istek gövdesiyle zaten kaydedilmiş',
    da: 'Kuponbrugen {key} er allerede registreret med et andet indhold',
    ru: 'Использование купона {key} уже записано с другим телом запроса',
  },
  'coupon.use_key_reused_otherwise': {
    en: 'Coupon use {key} was already recorded with other values: {differences}',
    sl: 'Uporaba kupona {key} je že zabeležena z drugimi vrednostmi: {differences}',
    tr: '{key} kupon kullanımı başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'Kuponbrugen {key} er allerede registreret med andre værdier: {differences}',
    ru: 'Использование купона {key} уже записано с другими значениями: {differences}',
  },

  // ── A coupon's use rolled back (a voided sale, a cancelled order) ──
  'coupon.use_not_found': {
    en: 'Coupon {code} has no use {use_key}',
    sl: 'Kupon {code} nima uporabe {use_key}',
    tr: '{code} kuponunun {use_key} kullanımı yok',
    da: 'Kuponen {code} har ingen brug {use_key}',
    ru: 'У купона {code} нет использования {use_key}',
  },
  'coupon.use_key_unknown': {
    en: 'is no use of this coupon',
    sl: 'ni uporaba tega kupona',
    tr: 'bu kuponun bir kullanımı değil',
    da: 'er ikke en brug af denne kupon',
    ru: 'не является использованием этого купона',
  },
  'coupon.use_rolled_back': {
    en: 'Coupon use {key} of {code} was rolled back at {at}: it no longer counts, and its key does not use the coupon again; a new idempotency_key does',
    sl: 'Uporaba {key} kupona {code} je bila razveljavljena {at}: ne šteje več in njen ključ kupona ne uporabi znova; znova ga uporabi nov idempotency_key',
    tr: '{code} kuponunun {key} kullanımı {at} tarihinde geri alındı: artık sayılmıyor ve anahtarı kuponu yeniden kullanmaz; yeniden kullanmak için yeni bir idempotency_key gerekir',
    da: 'Brugen {key} af kuponen {code} blev rullet tilbage {at}: den tæller ikke længere, og dens nøgle bruger ikke kuponen igen; en ny idempotency_key bruger den igen',
    ru: 'Использование {key} купона {code} было отменено {at}: оно больше не учитывается, и его ключ не использует купон снова; чтобы использовать купон снова, нужен новый idempotency_key',
  },
  'coupon.use_key_rolled_back': {
    en: 'the use with this key was rolled back; send a new key to use the coupon again',
    sl: 'uporaba s tem ključem je bila razveljavljena; za ponovno uporabo kupona pošljite nov ključ',
    tr: 'bu anahtarla yapılan kullanım geri alındı; kuponu yeniden kullanmak için yeni bir anahtar gönderin',
    da: 'brugen med denne nøgle blev rullet tilbage; send en ny nøgle for at bruge kuponen igen',
    ru: 'использование с этим ключом было отменено; чтобы снова использовать купон, отправьте новый ключ',
  },
  'coupon.rollback_reused': {
    en: 'Coupon use {key} was already rolled back with a different body',
    sl: 'Uporaba kupona {key} je bila že razveljavljena z drugačno vsebino zahteve',
    tr: '{key} kupon kullanımı farklı bir istek gövdesiyle zaten geri alınmış',
    da: 'Kuponbrugen {key} er allerede rullet tilbage med et andet indhold',
    ru: 'Использование купона {key} уже отменено с другим телом запроса',
  },
  'coupon.rollback_reused_otherwise': {
    en: 'Coupon use {key} was already rolled back with other values: {differences}',
    sl: 'Uporaba kupona {key} je bila že razveljavljena z drugimi vrednostmi: {differences}',
    tr: '{key} kupon kullanımı başka değerlerle zaten geri alınmış: {differences}',
    da: 'Kuponbrugen {key} er allerede rullet tilbage med andre værdier: {differences}',
    ru: 'Использование купона {key} уже отменено с другими значениями: {differences}',
  },
  // The reason kept on a use a refund gave back (coupon-rollbacks.ts), stored in English as
  // the reasons the system writes are; the activity log tells it in the reader's language.
  'coupon.rollback_order_refunded': {
    en: 'Order {order} refunded in full (refund {refund})',
    sl: 'Naročilo {order} je v celoti vrnjeno (vračilo {refund})',
    tr: '{order} siparişi tamamen iade edildi (iade {refund})',
    da: 'Ordren {order} er refunderet fuldt ud (refundering {refund})',
    ru: 'Заказ {order} полностью возвращён (возврат {refund})',
  },

  // ── A campaign of promotion coupons ──
  'campaign.not_found': { en: 'Campaign {id} not found', sl: 'Kampanje {id} ni mogoče najti', tr: 'Kampanya {id} bulunamadı', da: 'Kampagnen {id} blev ikke fundet', ru: 'Кампания {id} не найдена' },
  'campaign.code_format': {
    en: 'must be 4–40 letters, digits or dashes',
    sl: 'mora imeti 4–40 črk, števk ali vezajev',
    tr: '4–40 harf, rakam ya da tireden oluşmalıdır',
    da: 'skal bestå af 4–40 bogstaver, cifre eller bindestreger',
    ru: 'должно состоять из 4–40 букв, цифр или дефисов',
  },
  'campaign.code_too_few_characters': {
    en: 'must have at least 4 letters or digits: dashes are not part of a code',
    sl: 'mora imeti vsaj 4 črke ali števke: vezaji niso del kode',
    tr: 'en az 4 harf ya da rakam içermelidir: tireler kodun parçası değildir',
    da: 'skal have mindst 4 bogstaver eller cifre: bindestreger er ikke en del af en kode',
    ru: 'должно содержать не менее 4 букв или цифр: дефисы не входят в код',
  },
  // {word}: a word of the API's own paths where a code goes (/coupons/campaigns); {code} as the merchant wrote it.
  'campaign.code_route_word': {
    en: '{code} reads as "{word}", a word of the API\'s own paths (/coupons/{word}): a till checking the code would be answered something else; choose another code',
    sl: '{code} se bere kot »{word}«, beseda iz lastnih poti API-ja (/coupons/{word}): blagajna, ki bi preverila kodo, bi dobila drug odgovor; izberite drugo kodo',
    tr: '{code}, API\'nin kendi yollarından birindeki "{word}" sözcüğü olarak okunur (/coupons/{word}): kodu sorgulayan bir kasa başka bir yanıt alır; başka bir kod seçin',
    da: '{code} læses som »{word}«, et ord i API\'ets egne stier (/coupons/{word}): en kasse, der slår koden op, ville få et andet svar; vælg en anden kode',
    ru: '{code} читается как «{word}» — слово из собственных путей API (/coupons/{word}): касса, проверяющая код, получила бы другой ответ; выберите другой код',
  },
  'campaign.count_or_code': {
    en: 'give either `count` (unique codes) or `code` (one shared code)',
    sl: 'navedite bodisi `count` (edinstvene kode) bodisi `code` (ena skupna koda)',
    tr: 'ya `count` (benzersiz kodlar) ya da `code` (tek bir ortak kod) verin',
    da: 'angiv enten `count` (unikke koder) eller `code` (én fælles kode)',
    ru: 'укажите либо `count` (уникальные коды), либо `code` (один общий код)',
  },
  'campaign.discount_of_nothing': {
    en: 'must be greater than 0: a discount of nothing',
    sl: 'mora biti večje od 0: popust v višini nič ni popust',
    tr: "0'dan büyük olmalıdır: sıfır indirim, indirim değildir",
    da: 'skal være større end 0: en rabat på nul er ingen rabat',
    ru: 'должно быть больше 0: нулевая скидка — не скидка',
  },
  // A campaign's validity: a timestamp, or a date (the whole day, in the business's time zone).
  'campaign.valid_from_format': {
    en: 'must be an ISO 8601 timestamp with an offset (2026-12-01T09:00:00+01:00) or a date (2026-12-01: the codes are usable from the start of that day)',
    sl: 'mora biti časovni žig ISO 8601 z zamikom (2026-12-01T09:00:00+01:00) ali datum (2026-12-01: kode so uporabne od začetka tega dne)',
    tr: 'saat farkı belirtilmiş bir ISO 8601 zaman damgası (2026-12-01T09:00:00+01:00) ya da bir tarih (2026-12-01: kodlar o günün başından itibaren kullanılabilir) olmalıdır',
    da: 'skal være et ISO 8601-tidsstempel med forskydning (2026-12-01T09:00:00+01:00) eller en dato (2026-12-01: koderne kan bruges fra dagens start)',
    ru: 'должно быть меткой времени ISO 8601 со смещением (2026-12-01T09:00:00+01:00) или датой (2026-12-01: коды действуют с начала этого дня)',
  },
  'campaign.expires_at_format': {
    en: 'must be an ISO 8601 timestamp with an offset (2026-12-31T18:00:00+01:00) or a date (2026-12-31: the codes are usable through that day)',
    sl: 'mora biti časovni žig ISO 8601 z zamikom (2026-12-31T18:00:00+01:00) ali datum (2026-12-31: kode so uporabne do konca tega dne)',
    tr: 'saat farkı belirtilmiş bir ISO 8601 zaman damgası (2026-12-31T18:00:00+01:00) ya da bir tarih (2026-12-31: kodlar o günün sonuna kadar kullanılabilir) olmalıdır',
    da: 'skal være et ISO 8601-tidsstempel med forskydning (2026-12-31T18:00:00+01:00) eller en dato (2026-12-31: koderne kan bruges dagen ud)',
    ru: 'должно быть меткой времени ISO 8601 со смещением (2026-12-31T18:00:00+01:00) или датой (2026-12-31: коды действуют до конца этого дня)',
  },
  'campaign.expires_before_valid': {
    en: 'must be after valid_from ({from}): the codes would never be usable',
    sl: 'mora biti po valid_from ({from}): sicer kod ne bi bilo nikoli mogoče uporabiti',
    tr: 'valid_from ({from}) değerinden sonra olmalıdır: aksi hâlde kodlar hiçbir zaman kullanılamaz',
    da: 'skal ligge efter valid_from ({from}): ellers kunne koderne aldrig bruges',
    ru: 'должно быть позже valid_from ({from}): иначе кодами никогда нельзя будет воспользоваться',
  },
  // A per-customer limit no customer could reach (coupons.ts createCampaign).
  'campaign.limit_over_shared_code': {
    en: 'must be at most `max_uses` ({max_uses}; 1 when not given): the shared code can be used that many times by all customers together, so no customer could reach this limit',
    sl: 'mora biti največ `max_uses` ({max_uses}; 1, če ni naveden): skupno kodo lahko vse stranke skupaj uporabijo le tolikokrat, zato te omejitve nobena stranka ne bi dosegla',
    tr: 'en fazla `max_uses` ({max_uses}; verilmediğinde 1) olmalıdır: ortak kod tüm müşteriler tarafından toplam bu kadar kullanılabilir, bu yüzden hiçbir müşteri bu sınıra ulaşamaz',
    da: 'må højst være `max_uses` ({max_uses}; 1, når den ikke er angivet): den fælles kode kan kun bruges så mange gange af alle kunder tilsammen, så ingen kunde ville nå denne grænse',
    ru: 'должно быть не больше `max_uses` ({max_uses}; 1, если не указано): общий код можно использовать лишь столько раз всем клиентам вместе, поэтому ни один клиент не достиг бы этого ограничения',
  },
  'campaign.limit_over_codes': {
    en: "must be at most {uses}, the uses of all the campaign's codes together (`count` {count} × `max_uses` {max_uses}; `max_uses` is 1 when not given): no customer could reach a higher limit",
    sl: 'mora biti največ {uses}, kolikor uporab imajo vse kode kampanje skupaj (`count` {count} × `max_uses` {max_uses}; `max_uses` je 1, če ni naveden): višje omejitve nobena stranka ne bi dosegla',
    tr: 'en fazla {uses} olmalıdır, kampanyanın tüm kodlarının toplam kullanım sayısı (`count` {count} × `max_uses` {max_uses}; `max_uses` verilmediğinde 1): hiçbir müşteri daha yüksek bir sınıra ulaşamaz',
    da: 'må højst være {uses}, det antal gange kampagnens koder kan bruges tilsammen (`count` {count} × `max_uses` {max_uses}; `max_uses` er 1, når den ikke er angivet): ingen kunde ville nå en højere grænse',
    ru: 'должно быть не больше {uses} — столько раз можно использовать все коды кампании вместе (`count` {count} × `max_uses` {max_uses}; `max_uses` равно 1, если не указано): ни один клиент не достиг бы более высокого ограничения',
  },
  'campaign.code_taken': {
    en: 'Coupon code {code} exists already',
    sl: 'Koda kupona {code} že obstaja',
    tr: '{code} kupon kodu zaten var',
    da: 'Kuponkoden {code} findes allerede',
    ru: 'Код купона {code} уже существует',
  },
  'campaign.key_reused': {
    en: 'Campaign with idempotency key {key} was already created with a different body',
    sl: 'Kampanja s ključem idempotentnosti {key} je že ustvarjena z drugačno vsebino zahteve',
    tr: '{key} idempotency anahtarlı kampanya farklı bir istek gövdesiyle zaten oluşturulmuş',
    da: 'En kampagne med idempotensnøglen {key} er allerede oprettet med et andet indhold',
    ru: 'Кампания с ключом идемпотентности {key} уже создана с другим телом запроса',
  },
  // {differences}: each field that differs, the campaign's value beside this request's (shared/differences.ts).
  'campaign.key_reused_otherwise': {
    en: 'Campaign with idempotency key {key} was already created with other values: {differences}',
    sl: 'Kampanja s ključem idempotentnosti {key} je že ustvarjena z drugimi vrednostmi: {differences}',
    tr: '{key} idempotency anahtarlı kampanya başka değerlerle zaten oluşturulmuş: {differences}',
    da: 'En kampagne med idempotensnøglen {key} er allerede oprettet med andre værdier: {differences}',
    ru: 'Кампания с ключом идемпотентности {key} уже создана с другими значениями: {differences}',
  },

  // ── A checkout reservation of points (a till holds them while the customer pays) ──
  // By the program's name for the points, as reward.not_enough_points.
  'reservation.not_enough_points': {
    en: 'Not enough {points_word}: {points} {points_name} asked, {on_hand}',
    sl: 'Premalo {points_word}: zahtevano: {points} {points_name}, {on_hand}',
    tr: 'Yeterli {points_word} yok: {points} {points_name} istendi; {on_hand}',
    da: 'Ikke nok {points_word}: {points} {points_name} ønsket, {on_hand}',
    ru: 'Недостаточно {points_word}: запрошено {points} {points_name}, {on_hand}',
  },
  'reservation.key_reused': {
    en: 'Reservation {key} was already made with a different body',
    sl: 'Rezervacija {key} je že narejena z drugačno vsebino zahteve',
    tr: '{key} rezervasyonu farklı bir istek gövdesiyle zaten yapılmış',
    da: 'Reservationen {key} er allerede foretaget med et andet indhold',
    ru: 'Резерв {key} уже создан с другим телом запроса',
  },
  'reservation.key_reused_otherwise': {
    en: 'Reservation {key} was already made with other values: {differences}',
    sl: 'Rezervacija {key} je že narejena z drugimi vrednostmi: {differences}',
    tr: '{key} rezervasyonu başka değerlerle zaten yapılmış: {differences}',
    da: 'Reservationen {key} er allerede foretaget med andre værdier: {differences}',
    ru: 'Резерв {key} уже создан с другими значениями: {differences}',
  },
  'capture.whole': { en: 'must be a whole number', sl: 'mora biti celo število', tr: 'tam sayı olmalıdır', da: 'skal være et helt tal', ru: 'должно быть целым числом' },
  'capture.at_least_one': { en: 'must be at least 1', sl: 'mora biti vsaj 1', tr: 'en az 1 olmalıdır', da: 'skal være mindst 1', ru: 'должно быть не меньше 1' },
  // By the program's name for the points, as reservation.not_enough_points: {points_word} with no number.
  'capture.more_than_reserved': {
    en: 'must be at most {points}, the {points_word} reserved',
    sl: 'je lahko največ {points}, toliko {points_word} je rezerviranih',
    tr: 'en fazla {points} olabilir: ayrılan {points_word} bu kadar',
    da: 'må højst være {points}, de reserverede {points_word}',
    ru: 'должно быть не больше {points}: столько {points_word} зарезервировано',
  },
  'reservation.captured_otherwise': {
    en: 'Reservation {id} was already captured for {captured} of its {points} {points_name}, not {spending}',
    sl: 'Rezervacija {id} je že potrjena za {captured} (rezervirano: {points} {points_name}), ne za {spending}',
    tr: '{id} rezervasyonu zaten {captured} için tamamlandı ({points} {points_name} ayrılmıştı), {spending} için değil',
    da: 'Reservationen {id} er allerede gennemført for {captured} af de {points} reserverede {points_name}, ikke {spending}',
    ru: 'По резерву {id} уже списано {captured} (зарезервировано: {points} {points_name}), а не {spending}',
  },
  'reservation.expired_before_capture': {
    en: 'The reservation expired at {at}, before it was captured; its {points} {points_name} went back to the member; reserve again',
    sl: 'Rezervacija je potekla {at}, preden je bila potrjena; članu je bilo vrnjeno: {points} {points_name}; rezervirajte znova',
    tr: 'Rezervasyonun süresi, tamamlanmadan önce {at} tarihinde doldu; {points} {points_name} üyeye geri verildi; yeniden rezervasyon yapın',
    da: 'Reservationen udløb {at}, før den blev gennemført; dens {points} {points_name} er givet tilbage til medlemmet; reservér igen',
    ru: 'Срок резерва истёк {at}, до списания; участнику возвращено: {points} {points_name}; зарезервируйте снова',
  },
  'reservation.released': {
    en: 'The reservation was released; reserve again',
    sl: 'Rezervacija je bila sproščena; rezervirajte znova',
    tr: 'Rezervasyon serbest bırakıldı; yeniden rezervasyon yapın',
    da: 'Reservationen blev frigivet; reservér igen',
    ru: 'Резерв был снят; зарезервируйте снова',
  },
  // The points a captured reservation spent stay spent: a refund of the order does not return
  // them (README "Rewards"), so the refusal says who can.
  'reservation.captured': {
    en: 'The reservation was captured: the order was paid with {points} {points_name}, which neither a release nor a refund of the order gives back; staff can return what was spent with an adjustment',
    sl: 'Rezervacija je bila potrjena in naročilo plačano (porabljeno: {points} {points_name}); tega ne vrneta ne sprostitev ne vračilo naročila; porabljeno lahko vrne osebje z ročno spremembo stanja',
    tr: 'Rezervasyon tamamlandı: sipariş {points} {points_name} ile ödendi; bunlar ne rezervasyonun serbest bırakılmasıyla ne de siparişin iadesiyle geri verilir; harcananı personel bir düzeltmeyle geri verebilir',
    da: 'Reservationen er gennemført: ordren blev betalt med {points} {points_name}, som hverken en frigivelse eller en refundering af ordren giver tilbage; personalet kan give det brugte tilbage med en justering',
    ru: 'Резерв уже списан: заказ оплачен ({points} {points_name}); списанное не возвращается ни при снятии резерва, ни при возврате заказа; вернуть его может сотрудник корректировкой баланса',
  },
} as const satisfies Record<string, Entry>;
