import type { Entry } from './languages.ts';

// The catalogue's loyalty messages a dashboard user meets: a staff adjustment, the program
// editor (the document's rules, simulating and publishing), a reward redeemed at the
// counter. English first, exactly as API clients have always read it (index.ts).

export const LOYALTY = {
  'loyalty.no_program': {
    en: 'No loyalty program is in force: apply one first (regulars loyalty apply program.json)',
    sl: 'Noben program zvestobe ne velja: najprej ga uveljavite (regulars loyalty apply program.json)',
    tr: 'Yürürlükte bir sadakat programı yok: önce bir program uygulayın (regulars loyalty apply program.json)',
    da: 'Intet loyalitetsprogram er i kraft: anvend først et (regulars loyalty apply program.json)',
    ru: 'Программа лояльности не действует: сначала примените её (regulars loyalty apply program.json)',
  },

  'loyalty.not_member': {
    en: 'The customer is not a loyalty member yet (no purchase, no enrolment)',
    sl: 'Stranka še ni članica programa zvestobe (brez nakupa in brez včlanitve)',
    tr: 'Müşteri henüz sadakat programı üyesi değil (alışveriş yok, kayıt yok)',
    da: 'Kunden er endnu ikke medlem af loyalitetsprogrammet (intet køb, ingen tilmelding)',
    ru: 'Клиент ещё не участник программы лояльности (нет ни покупок, ни регистрации)',
  },

  // ── A staff adjustment (src/modules/loyalty/accounts/staff-actions.ts) ──
  'points.whole': { en: 'must be a whole number of points', sl: 'mora biti celo število točk', tr: 'puan tam sayı olmalıdır', da: 'skal være et helt antal point', ru: 'должно быть целым числом баллов' },
  'adjustment.not_zero': { en: 'must not be 0', sl: 'ne sme biti 0', tr: '0 olamaz', da: 'må ikke være 0', ru: 'не может быть равно 0' },
  'adjustment.too_large': { en: 'is too large', sl: 'je preveliko', tr: 'çok büyük', da: 'er for stort', ru: 'слишком большое значение' },
  'adjustment.reason_required': {
    en: 'is required (say why, it is audited)',
    sl: 'je obvezno (navedite razlog; zapiše se v revizijsko sled)',
    tr: 'zorunludur (nedenini yazın; denetim kaydına girer)',
    da: 'skal udfyldes (skriv hvorfor; det logges til revision)',
    ru: 'обязательное поле (укажите причину: она записывается в журнал аудита)',
  },
  'adjustment.reason_short': {
    en: 'must be at least 3 characters: say why, it is audited',
    sl: 'mora imeti vsaj 3 znake: navedite razlog; zapiše se v revizijsko sled',
    tr: 'en az 3 karakter olmalıdır: nedenini yazın; denetim kaydına girer',
    da: 'skal være på mindst 3 tegn: skriv hvorfor; det logges til revision',
    ru: 'нужно не менее 3 символов: укажите причину, она записывается в журнал аудита',
  },
  'adjustment.reason_not_text': {
    en: 'must be a text of at least 3 characters: say why, it is audited',
    sl: 'mora biti besedilo z vsaj 3 znaki: navedite razlog; zapiše se v revizijsko sled',
    tr: 'en az 3 karakterlik bir metin olmalıdır: nedenini yazın; denetim kaydına girer',
    da: 'skal være en tekst på mindst 3 tegn: skriv hvorfor; det logges til revision',
    ru: 'должно быть текстом не короче 3 символов: укажите причину, она записывается в журнал аудита',
  },
  'adjustment.reason_long': { en: 'must be at most 500 characters', sl: 'ima lahko največ 500 znakov', tr: 'en fazla 500 karakter olabilir', da: 'må højst være på 500 tegn', ru: 'должно быть не длиннее 500 символов' },
  // The points by the program's name in its form for the number (points_name: counted).
  'adjustment.below_zero': {
    en: 'would take the balance below zero: {available} {points_name} are available',
    sl: 'bi stanje spravilo pod nič; na voljo: {available} {points_name}',
    tr: 'bakiyeyi sıfırın altına düşürür: {available} {points_name} kullanılabilir',
    da: 'ville bringe saldoen under nul: {available} {points_name} er til rådighed',
    ru: 'баланс стал бы отрицательным; доступно: {available} {points_name}',
  },
  'adjustment.below_zero_one': {
    en: 'would take the balance below zero: {available} {points_name} is available',
    sl: 'bi stanje spravilo pod nič; na voljo: {available} {points_name}',
    tr: 'bakiyeyi sıfırın altına düşürür: {available} {points_name} kullanılabilir',
    da: 'ville bringe saldoen under nul: {available} {points_name} er til rådighed',
    ru: 'баланс стал бы отрицательным; доступно: {available} {points_name}',
  },
  'adjustment.key_reused': {
    en: 'Adjustment {key} was already recorded with other values ({points} points, reason "{reason}"); use a new idempotency_key for a new adjustment',
    sl: 'Sprememba {key} je že zabeležena z drugimi vrednostmi (točke: {points}, razlog "{reason}"); za novo spremembo uporabite nov idempotency_key',
    tr: '{key} düzeltmesi başka değerlerle zaten kaydedilmiş ({points} puan, neden "{reason}"); yeni bir düzeltme için yeni bir idempotency_key kullanın',
    da: 'Justeringen {key} er allerede registreret med andre værdier ({points} point, begrundelse "{reason}"); brug en ny idempotency_key til en ny justering',
    ru: 'Корректировка {key} уже записана с другими значениями (баллов: {points}, причина "{reason}"); для новой корректировки укажите новый idempotency_key',
  },

  // ── Simulating and publishing a program (src/modules/loyalty/program/program-versions.ts) ──
  'simulation.since_required': { en: 'is required (YYYY-MM-DD)', sl: 'je obvezno (YYYY-MM-DD)', tr: 'zorunludur (YYYY-MM-DD)', da: 'skal udfyldes (YYYY-MM-DD)', ru: 'обязательное поле (YYYY-MM-DD)' },
  'simulation.since_format': {
    en: 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp with its offset (2026-01-01T00:00:00+01:00)',
    sl: 'mora biti datum (YYYY-MM-DD) ali časovni žig ISO 8601 z zamikom (2026-01-01T00:00:00+01:00)',
    tr: 'bir tarih (YYYY-MM-DD) ya da saat farkıyla birlikte bir ISO 8601 zaman damgası (2026-01-01T00:00:00+01:00) olmalıdır',
    da: 'skal være en dato (YYYY-MM-DD) eller et ISO 8601-tidsstempel med forskydning (2026-01-01T00:00:00+01:00)',
    ru: 'должно быть датой (YYYY-MM-DD) или меткой времени ISO 8601 со смещением (2026-01-01T00:00:00+01:00)',
  },
  'simulation.since_not_a_day': {
    en: 'is not a day of the calendar ({day})',
    sl: 'tega dne ni v koledarju ({day})',
    tr: 'takvimde böyle bir gün yok ({day})',
    da: 'er ikke en dag i kalenderen ({day})',
    ru: 'такого дня нет в календаре ({day})',
  },
  'simulation.since_not_a_time': {
    en: 'is not a time of day ({time})',
    sl: 'ni veljaven čas dneva ({time})',
    tr: 'geçerli bir saat değil ({time})',
    da: 'er ikke et gyldigt klokkeslæt ({time})',
    ru: 'не является допустимым временем суток ({time})',
  },
  // {at} as typed; {now} the business's today (for a date) or its clock time (for a timestamp).
  'simulation.since_in_future': {
    en: 'is in the future ({at}; it is now {now}): there is nothing to replay yet',
    sl: 'je v prihodnosti ({at}; zdaj je {now}): nakupov za ponovni izračun še ni',
    tr: 'gelecekte ({at}; şu an {now}): yeniden hesaplanacak alışveriş henüz yok',
    da: 'ligger i fremtiden ({at}; nu er det {now}): der er endnu ingen køb at genberegne',
    ru: 'в будущем ({at}; сейчас {now}): пересчитывать пока нечего',
  },
  'program.effective_from_in_past': {
    en: 'is in the past ({from}), while version {version} has been in force since {since} and what was earned meanwhile was earned under it: give a later time, or none to apply the program now',
    sl: 'je v preteklosti ({from}), različica {version} pa velja od {since} in vse, kar je bilo vmes zasluženo, je bilo zasluženo po njej: navedite poznejši čas ali pa nobenega, da program uveljavite takoj',
    tr: 'geçmişte ({from}); oysa {version}. sürüm {since} tarihinden beri yürürlükte ve bu arada kazanılanlar onun kurallarıyla kazanıldı: daha ileri bir zaman verin ya da programı hemen uygulamak için hiç zaman vermeyin',
    da: 'ligger i fortiden ({from}), mens version {version} har været i kraft siden {since}, og det, der er optjent i mellemtiden, er optjent under den: angiv et senere tidspunkt, eller intet for at anvende programmet nu',
    ru: 'в прошлом ({from}), а версия {version} действует с {since}, и всё заработанное за это время начислено по её правилам: укажите более позднее время или не указывайте никакого, чтобы применить программу сейчас',
  },
  'program.effective_from_before_in_force': {
    en: 'is {from}, not after {since}, when version {version} (the version in force) took effect: a new version cannot be dated back over it: give a time after {since}, or none to apply the program now',
    sl: 'je {from}, kar ni po {since}, ko je začela veljati različica {version} (ta, ki velja): nove različice ni mogoče datirati nazaj čeznjo: navedite čas po {since} ali pa nobenega, da program uveljavite takoj',
    tr: '{from}; bu, yürürlükteki {version}. sürümün yürürlüğe girdiği {since} tarihinden sonra değil: yeni bir sürüm onun öncesine tarihlenemez: {since} sonrasında bir zaman verin ya da programı hemen uygulamak için hiç zaman vermeyin',
    da: 'er {from}, ikke efter {since}, da version {version} (den gældende) trådte i kraft: en ny version kan ikke dateres tilbage før den: angiv et tidspunkt efter {since}, eller intet for at anvende programmet nu',
    ru: '{from} — не позже {since}, когда вступила в силу действующая версия {version}: новую версию нельзя датировать раньше неё: укажите время после {since} или не указывайте никакого, чтобы применить программу сейчас',
  },

  // ── The program document's rules (src/modules/loyalty/program/program.schema.ts) ──
  'program.code_format': {
    en: 'must be a short code of lower-case letters, digits, - and _ (e.g. "gold")',
    sl: 'mora biti kratka koda iz malih črk, števk, - in _ (npr. "gold")',
    tr: 'küçük harf, rakam, - ve _ karakterlerinden oluşan kısa bir kod olmalıdır (ör. "gold")',
    da: 'skal være en kort kode af små bogstaver, cifre, - og _ (f.eks. "gold")',
    ru: 'должно быть коротким кодом из строчных латинских букв, цифр, - и _ (например, "gold")',
  },
  'program.instant': {
    en: 'must be an ISO 8601 date or timestamp of a real day',
    sl: 'mora biti datum ali časovni žig ISO 8601 dneva, ki obstaja',
    tr: 'gerçek bir güne ait ISO 8601 tarihi ya da zaman damgası olmalıdır',
    da: 'skal være en ISO 8601-dato eller et tidsstempel for en dag, der findes',
    ru: 'должно быть датой или меткой времени ISO 8601 существующего дня',
  },
  // A time without its offset would be read in the server machine's zone, not the business's.
  'program.instant_offset': {
    en: 'has no time zone offset ("{value}"): write one, as in 2026-06-01T10:00:00+02:00, or a date alone for the start of that day in the business\'s time zone',
    sl: 'nima zamika časovnega pasu ("{value}"): zapišite ga, kot v 2026-06-01T10:00:00+02:00, ali le datum za začetek tistega dne v časovnem pasu podjetja',
    tr: 'saat dilimi farkı yok ("{value}"): 2026-06-01T10:00:00+02:00 örneğindeki gibi yazın ya da işletmenin saat dilimindeki günün başlangıcı için yalnızca bir tarih verin',
    da: 'har ingen tidszoneforskydning ("{value}"): skriv en, som i 2026-06-01T10:00:00+02:00, eller kun en dato for starten af den dag i virksomhedens tidszone',
    ru: 'не указано смещение часового пояса ("{value}"): укажите его, как в 2026-06-01T10:00:00+02:00, или только дату — начало этого дня в часовом поясе компании',
  },
  'program.needs_language': { en: 'needs at least one language', sl: 'potrebuje vsaj en jezik', tr: 'en az bir dil gerekir', da: 'skal have mindst ét sprog', ru: 'нужен хотя бы один язык' },
  // The points' name (program.schema.ts PointsName): one text, or per language one text or its plural forms.
  'program.points_name_shape': {
    en: 'must be one text, or one per language code, each a text or its forms with numbers (e.g. "one": "bean", "other": "beans")',
    sl: 'mora biti eno besedilo ali po eno za vsako kodo jezika, vsako kot besedilo ali kot njegove oblike ob številih (npr. "one": "zrno", "two": "zrni", "few": "zrna", "other": "zrn")',
    tr: 'tek bir metin ya da her dil kodu için bir tane olmalıdır; her biri bir metin ya da sayılarla kullanılan biçimleridir (ör. "one": "bean", "other": "beans")',
    da: 'skal være én tekst eller én pr. sprogkode, hver en tekst eller dens former med tal (f.eks. "one": "bønne", "other": "bønner")',
    ru: 'должно быть одним текстом или по одному на код языка, каждый — текст или его формы с числами (например, "one": "зерно", "few": "зерна", "many": "зёрен", "other": "зерна")',
  },
  'program.plural_other': {
    en: 'is required: the form for every number no other form names',
    sl: 'je obvezno: oblika za vsako število, ki ga ne pokriva nobena druga oblika',
    tr: 'zorunludur: başka hiçbir biçimin karşılamadığı her sayı için kullanılan biçim',
    da: 'skal angives: formen for ethvert tal, som ingen anden form dækker',
    ru: 'обязательно: форма для любого числа, которое не покрывает ни одна другая форма',
  },
  'program.plural_category': {
    en: '"{category}" is not a form {language} uses with numbers; its forms are {categories}',
    sl: '"{category}" ni oblika, ki jo jezik {language} uporablja ob številih; njegove oblike so {categories}',
    tr: '"{category}", {language} dilinin sayılarla kullandığı bir biçim değil; bu dilin biçimleri: {categories}',
    da: '"{category}" er ikke en form, som {language} bruger med tal; dets former er {categories}',
    ru: '"{category}" — не форма, которую язык {language} использует с числами; его формы: {categories}',
  },
  'program.ends_after_start': { en: 'must end after it starts', sl: 'se mora končati po začetku', tr: 'başladıktan sonra bitmelidir', da: 'skal slutte, efter den begynder', ru: 'должно заканчиваться после начала' },
  'program.needs_factor': { en: 'needs a factor or bonus_points', sl: 'potrebuje factor ali bonus_points', tr: 'factor ya da bonus_points gerekir', da: 'skal have factor eller bonus_points', ru: 'нужно указать factor или bonus_points' },
  'program.base_threshold': {
    en: 'the first (base) level must have threshold 0',
    sl: 'prva (osnovna) raven mora imeti prag 0',
    tr: 'ilk (temel) seviyenin eşiği 0 olmalıdır',
    da: 'det første niveau (grundniveauet) skal have tærskel 0',
    ru: 'у первого (базового) уровня порог должен быть 0',
  },
  'program.needs_level': {
    en: 'needs at least one level: the base level, with threshold 0',
    sl: 'potrebuje vsaj eno raven: osnovno raven s pragom 0',
    tr: 'en az bir seviye gerekir: eşiği 0 olan temel seviye',
    da: 'skal have mindst ét niveau: grundniveauet med tærskel 0',
    ru: 'нужен хотя бы один уровень: базовый, с порогом 0',
  },
  'program.thresholds_increase': {
    en: 'thresholds must increase from level to level',
    sl: 'pragovi morajo od ravni do ravni naraščati',
    tr: 'eşikler seviyeden seviyeye artmalıdır',
    da: 'tærsklerne skal stige fra niveau til niveau',
    ru: 'пороги должны расти от уровня к уровню',
  },
  'program.whole_metric': {
    en: 'must be a whole number of {metric}',
    sl: 'mora biti celo število (metrika {metric})',
    tr: 'tam sayı olmalıdır (ölçüt: {metric})',
    da: 'skal være et helt tal (metrik: {metric})',
    ru: 'должно быть целым числом (метрика {metric})',
  },
  'program.used_twice': { en: '"{code}" is used twice', sl: 'koda "{code}" je uporabljena dvakrat', tr: '"{code}" iki kez kullanılmış', da: '"{code}" er brugt to gange', ru: 'код "{code}" используется дважды' },
  'program.no_such_tier': {
    en: 'no tier "{tier}" in tiers.levels',
    sl: 'v tiers.levels ni ravni "{tier}"',
    tr: 'tiers.levels içinde "{tier}" seviyesi yok',
    da: 'intet niveau "{tier}" i tiers.levels',
    ru: 'в tiers.levels нет уровня "{tier}"',
  },
  'program.no_such_reward': {
    en: 'no reward "{reward}" in rewards',
    sl: 'v rewards ni nagrade "{reward}"',
    tr: 'rewards içinde "{reward}" ödülü yok',
    da: 'ingen belønning "{reward}" i rewards',
    ru: 'в rewards нет награды "{reward}"',
  },
  // A reward's field its type never reads (program.schema.ts refuseOtherTypesFields).
  'program.reward_field_other_type': {
    en: 'is not read for a {type} reward, only for {types}: it would be ignored; remove it or change the type',
    sl: 'se za nagrado vrste {type} ne upošteva, le za {types}: bilo bi prezrto; odstranite ga ali spremenite vrsto',
    tr: '{type} türündeki bir ödül için okunmaz, yalnızca {types} için: yok sayılırdı; kaldırın ya da türü değiştirin',
    da: 'læses ikke for en belønning af typen {type}, kun for {types}: det ville blive ignoreret; fjern det eller skift typen',
    ru: 'не учитывается для награды типа {type}, только для {types}: оно было бы проигнорировано; удалите его или измените тип',
  },
  'program.reward_needs': {
    en: 'is required for a {type} reward',
    sl: 'je obvezno za nagrado vrste {type}',
    tr: '{type} türündeki bir ödül için zorunludur',
    da: 'skal angives for en belønning af typen {type}',
    ru: 'обязательно для награды типа {type}',
  },

  // ── A referral claimed (src/modules/loyalty/earning/engagement.service.ts): the reasons are the code's ──
  'referral.unknown_code': {
    en: 'no referral code {code}',
    sl: 'koda za priporočilo {code} ne obstaja',
    tr: '{code} diye bir tavsiye kodu yok',
    da: 'ingen henvisningskode {code}',
    ru: 'кода приглашения {code} не существует',
  },
  // GET /r/{code} on a server without REFERRAL_LINK: whatever the code, nowhere to send the friend.
  'referral.no_link': {
    en: 'Referral links are not set up: REFERRAL_LINK is not configured',
    sl: 'Povezave za priporočila niso nastavljene: REFERRAL_LINK ni nastavljen',
    tr: 'Tavsiye bağlantıları ayarlanmamış: REFERRAL_LINK yapılandırılmamış',
    da: 'Henvisningslinks er ikke sat op: REFERRAL_LINK er ikke konfigureret',
    ru: 'Реферальные ссылки не настроены: REFERRAL_LINK не задан',
  },
  'referral.own_code': { en: 'is your own code', sl: 'je vaša lastna koda', tr: 'sizin kendi kodunuz', da: 'er din egen kode', ru: 'это ваш собственный код' },
  'referral.same_person': {
    en: 'belongs to someone with the same email or phone',
    sl: 'pripada nekomu z istim e-poštnim naslovom ali telefonsko številko',
    tr: 'aynı e-posta adresine ya da telefon numarasına sahip birine ait',
    da: 'tilhører en person med samme e-mailadresse eller telefonnummer',
    ru: 'принадлежит человеку с тем же адресом электронной почты или телефоном',
  },
  'referral.not_new': {
    en: 'is for new customers; this customer has bought before',
    sl: 'je namenjena novim strankam; ta stranka je že opravila nakup',
    tr: 'yeni müşteriler içindir; bu müşteri daha önce alışveriş yapmış',
    da: 'er til nye kunder; denne kunde har handlet før',
    ru: 'предназначен для новых клиентов; этот клиент уже совершал покупки',
  },
  'referral.referred_back': {
    en: 'belongs to a friend you referred',
    sl: 'pripada prijatelju, ki ste ga priporočili vi',
    tr: 'tavsiye ettiğiniz bir arkadaşınıza ait',
    da: 'tilhører en ven, du har henvist',
    ru: 'принадлежит другу, которого пригласили вы',
  },
  'referral.already_referred': {
    en: 'The customer was already referred by someone else',
    sl: 'Stranko je že priporočil nekdo drug',
    tr: 'Müşteri zaten başka biri tarafından tavsiye edilmiş',
    da: 'Kunden er allerede henvist af en anden',
    ru: 'Клиента уже пригласил кто-то другой',
  },
  // A purchase's referral_code the claim's rules do not reach (accrual.ts claimReferrals): told in the purchase's answer.
  'referral.not_in_program': {
    en: 'is not taken: the loyalty program has no referral bonus',
    sl: 'ni upoštevana: program zvestobe nima bonusa za priporočila',
    tr: 'kabul edilmedi: sadakat programında tavsiye bonusu yok',
    da: 'bruges ikke: loyalitetsprogrammet har ingen henvisningsbonus',
    ru: 'не принят: в программе лояльности нет бонуса за приглашение',
  },
  'referral.not_member': {
    en: 'is for loyalty members; this customer has not joined the program',
    sl: 'je namenjena članom programa zvestobe; ta stranka se programu ni pridružila',
    tr: 'sadakat programı üyeleri içindir; bu müşteri programa katılmamış',
    da: 'er til medlemmer af loyalitetsprogrammet; denne kunde er ikke tilmeldt programmet',
    ru: 'предназначен для участников программы лояльности; этот клиент не вступил в программу',
  },

  // ── Redeeming a reward (src/modules/loyalty/rewards/rewards.service.ts) ──
  // Every part by the program's name for the points: points_word with no number (program-names.ts pointsWord), points_name with one.
  'reward.not_enough_points': {
    en: 'Not enough {points_word}: "{reward}" costs {points} {points_name}, {on_hand}',
    sl: 'Premalo {points_word}: "{reward}" stane {points} {points_name}, {on_hand}',
    tr: 'Yeterli {points_word} yok: "{reward}" için {points} {points_name} gerekiyor; {on_hand}',
    da: 'Ikke nok {points_word}: "{reward}" koster {points} {points_name}, {on_hand}',
    ru: 'Недостаточно {points_word}: "{reward}" стоит {points} {points_name}, {on_hand}',
  },
  // What a member holds, as a refusal names it (ledger.ts pointsOnHand).
  'points.available_one': { en: '{available} is available', sl: 'na voljo: {available}', tr: 'kullanılabilir: {available}', da: '{available} er til rådighed', ru: 'доступно: {available}' },
  'points.available': { en: '{available} are available', sl: 'na voljo: {available}', tr: 'kullanılabilir: {available}', da: '{available} er til rådighed', ru: 'доступно: {available}' },
  'points.available_and_pending': {
    en: '{on_hand} ({pending} more {points_name} pending, the first spendable on {date})',
    sl: '{on_hand} (še {pending} {points_name} v čakanju, prve bo mogoče porabiti {date})',
    tr: '{on_hand} ({pending} {points_name} daha beklemede, ilki {date} tarihinde kullanılabilir)',
    da: '{on_hand} (yderligere {pending} {points_name} afventer, de første kan bruges {date})',
    ru: '{on_hand} (ещё {pending} {points_name} в ожидании, первые можно потратить {date})',
  },
  'reward.for_tiers': {
    en: 'is for members of {tiers}; this member is in {tier}',
    sl: 'je namenjena članom ravni {tiers}; ta član je na ravni {tier}',
    tr: 'yalnızca {tiers} seviyesindeki üyeler içindir; bu üye {tier} seviyesinde',
    da: 'er for medlemmer af {tiers}; dette medlem er i {tier}',
    ru: 'доступна участникам уровня {tiers}; этот участник на уровне {tier}',
  },
  'reward.for_tiers_not_placed': {
    en: 'is for members of {tiers}; this member is in no tier',
    sl: 'je namenjena članom ravni {tiers}; ta član ni na nobeni ravni',
    tr: 'yalnızca {tiers} seviyesindeki üyeler içindir; bu üye hiçbir seviyede değil',
    da: 'er for medlemmer af {tiers}; dette medlem er ikke på noget niveau',
    ru: 'доступна участникам уровня {tiers}; этот участник не относится ни к одному уровню',
  },
  // By the reward's name in the asked language, as reward.not_enough_points (QA F7: it named the code, "Belønningen tasting er udsolgt").
  'reward.out_of_stock': {
    en: 'Reward "{reward}" is out of stock',
    sl: 'Nagrade "{reward}" ni več na zalogi',
    tr: '"{reward}" ödülünün stoku tükendi',
    da: 'Belønningen "{reward}" er udsolgt',
    ru: 'Награда "{reward}" закончилась',
  },
} as const satisfies Record<string, Entry>;
