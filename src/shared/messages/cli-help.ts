import type { Language } from './languages.ts';
import { CLI_HELP_PROMOTIONS } from './cli-help-promotions.ts';

// The command line's help in the languages it speaks (src/cli/help.ts applies it). Unlike
// the rest of the catalogue, an entry's key is the English text itself: a command's
// description stays written beside the command it describes (src/cli/commands/*.ts), and
// src/cli/help.test.ts walks every command, argument and option and fails on a text this
// catalogue does not translate — a description changed in English is seen as missing here.
// Flags, column names, codes and formats (--json, YYYY-MM-DD, bgnbd) stay as written.

export type HelpTranslations = Readonly<Record<Exclude<Language, 'en'>, string>>;

/** Commander's own words around the descriptions: headings, the help option, the extras after an option. */
export const COMMANDER_WORDS: Readonly<Record<string, HelpTranslations>> = {
  'Usage:': { sl: 'Uporaba:', tr: 'Kullanım:', da: 'Brug:', ru: 'Использование:' },
  'Options:': { sl: 'Možnosti:', tr: 'Seçenekler:', da: 'Tilvalg:', ru: 'Параметры:' },
  'Global Options:': { sl: 'Splošne možnosti:', tr: 'Genel seçenekler:', da: 'Globale tilvalg:', ru: 'Общие параметры:' },
  'Arguments:': { sl: 'Argumenti:', tr: 'Argümanlar:', da: 'Argumenter:', ru: 'Аргументы:' },
  'Commands:': { sl: 'Ukazi:', tr: 'Komutlar:', da: 'Kommandoer:', ru: 'Команды:' },
  'display help for command': { sl: 'prikaži pomoč za ukaz', tr: 'komutun yardımını göster', da: 'vis hjælp til kommandoen', ru: 'показать справку по команде' },
  choices: { sl: 'možnosti', tr: 'seçenekler', da: 'valgmuligheder', ru: 'варианты' },
  default: { sl: 'privzeto', tr: 'varsayılan', da: 'standard', ru: 'по умолчанию' },
  env: { sl: 'okolje', tr: 'ortam', da: 'miljø', ru: 'переменная окружения' },
};

/**
 * Commander's refusals of a command line, by their English wording with the parts that
 * vary as {placeholders} (help.ts matches the English and tells it again). "error:" is
 * the word the command line begins every refusal with (errorWord), so all read alike.
 */
export const COMMANDER_ERRORS: Readonly<Record<string, HelpTranslations>> = {
  "unknown option '{flag}'": { sl: "neznana možnost '{flag}'", tr: "bilinmeyen seçenek '{flag}'", da: "ukendt tilvalg '{flag}'", ru: "неизвестный параметр '{flag}'" },
  "unknown command '{command}'": { sl: "neznan ukaz '{command}'", tr: "bilinmeyen komut '{command}'", da: "ukendt kommando '{command}'", ru: "неизвестная команда '{command}'" },
  '(Did you mean {suggestion}?)': { sl: '(Ste mislili {suggestion}?)', tr: '({suggestion} mi demek istediniz?)', da: '(Mente du {suggestion}?)', ru: '(Возможно, вы имели в виду {suggestion}?)' },
  "missing required argument '{argument}'": { sl: "manjka obvezni argument '{argument}'", tr: "zorunlu argüman eksik: '{argument}'", da: "mangler det påkrævede argument '{argument}'", ru: "не указан обязательный аргумент '{argument}'" },
  "option '{option}' argument missing": { sl: "možnosti '{option}' manjka vrednost", tr: "'{option}' seçeneğinin değeri eksik", da: "tilvalget '{option}' mangler sin værdi", ru: "у параметра '{option}' не указано значение" },
  "required option '{option}' not specified": { sl: "obvezna možnost '{option}' ni podana", tr: "zorunlu seçenek '{option}' verilmedi", da: "det påkrævede tilvalg '{option}' er ikke angivet", ru: "не указан обязательный параметр '{option}'" },
  'too many arguments{forCommand}. Expected {expected} argument{s} but got {received}.': {
    sl: 'preveč argumentov{forCommand}: pričakovano {expected}, podano {received}.',
    tr: 'çok fazla argüman{forCommand}: beklenen {expected}, verilen {received}.',
    da: 'for mange argumenter{forCommand}: forventede {expected}, fik {received}.',
    ru: 'слишком много аргументов{forCommand}: ожидалось {expected}, получено {received}.',
  },
  " for '{command}'": { sl: " za '{command}'", tr: " ('{command}' için)", da: " til '{command}'", ru: " для '{command}'" },
  "option '{option}' argument '{value}' is invalid.": { sl: "vrednost '{value}' možnosti '{option}' ni veljavna.", tr: "'{option}' seçeneğinin '{value}' değeri geçersiz.", da: "værdien '{value}' af tilvalget '{option}' er ugyldig.", ru: "значение '{value}' параметра '{option}' недопустимо." },
  "option '{option}' value '{value}' from env '{variable}' is invalid.": {
    sl: "vrednost '{value}' možnosti '{option}' iz spremenljivke okolja '{variable}' ni veljavna.",
    tr: "'{variable}' ortam değişkeninden gelen '{option}' seçeneği değeri '{value}' geçersiz.",
    da: "værdien '{value}' af tilvalget '{option}' fra miljøvariablen '{variable}' er ugyldig.",
    ru: "значение '{value}' параметра '{option}' из переменной окружения '{variable}' недопустимо.",
  },
  'Allowed choices are {choices}.': { sl: 'Dovoljene vrednosti: {choices}.', tr: 'İzin verilen değerler: {choices}.', da: 'Tilladte værdier: {choices}.', ru: 'Допустимые значения: {choices}.' },
};

/** Every description of a command, argument or option, by its English text. */
export const CLI_HELP: Readonly<Record<string, HelpTranslations>> = {
  'Regulars — customer loyalty and appreciation platform': {
    sl: 'Regulars — platforma za zvestobo strank in izkazovanje hvaležnosti',
    tr: 'Regulars — müşteri sadakati ve takdir platformu',
    da: 'Regulars — platform for kundeloyalitet og påskønnelse',
    ru: 'Regulars — платформа лояльности и благодарности клиентам',
  },
  'the language commands print in: en, sl, tr, da or ru (--json output is always English)': {
    sl: 'jezik izpisa ukazov: en, sl, tr, da ali ru (izpis z --json je vedno v angleščini)',
    tr: 'komutların yazdığı dil: en, sl, tr, da veya ru (--json çıktısı her zaman İngilizcedir)',
    da: 'sproget, kommandoerne skriver på: en, sl, tr, da eller ru (--json skriver altid engelsk)',
    ru: 'язык вывода команд: en, sl, tr, da или ru (вывод --json всегда на английском)',
  },
  'run the server: API, dashboard and background jobs': {
    sl: 'zaženi strežnik: API, nadzorno ploščo in opravila v ozadju',
    tr: 'sunucuyu çalıştır: API, yönetim paneli ve arka plan işleri',
    da: 'kør serveren: API, kontrolpanel og baggrundsjob',
    ru: 'запустить сервер: API, панель управления и фоновые задачи',
  },
  'bring the database schema up to date (serve does this too)': {
    sl: 'posodobi shemo podatkovne baze (to naredi tudi serve)',
    tr: 'veritabanı şemasını güncelle (serve da bunu yapar)',
    da: 'bring databasens skema up to date (serve gør det også)',
    ru: 'обновить схему базы данных (serve тоже это делает)',
  },
  'customers, purchases and revenue': { sl: 'stranke, nakupi in prihodki', tr: 'müşteriler, satın almalar ve gelir', da: 'kunder, køb og omsætning', ru: 'клиенты, покупки и выручка' },
  'machine-readable output': { sl: 'strojno berljiv izpis', tr: 'makine tarafından okunabilir çıktı', da: 'maskinlæsbart output', ru: 'машиночитаемый вывод' },
  'API keys for programs (POS, web store, scripts)': {
    sl: 'ključi API za programe (blagajna, spletna trgovina, skripte)',
    tr: 'programlar için API anahtarları (POS, web mağazası, betikler)',
    da: 'API-nøgler til programmer (kasse, webshop, scripts)',
    ru: 'ключи API для программ (касса, интернет-магазин, скрипты)',
  },
  'create an API key; the secret is printed once': {
    sl: 'ustvari ključ API; skrivnost se izpiše samo enkrat',
    tr: 'bir API anahtarı oluştur; gizli değer yalnızca bir kez yazdırılır',
    da: 'opret en API-nøgle; hemmeligheden udskrives kun én gang',
    ru: 'создать ключ API; секрет выводится только один раз',
  },
  'who uses the key, e.g. "POS Ljubljana"': {
    sl: 'kdo uporablja ključ, npr. "POS Ljubljana"',
    tr: 'anahtarı kim kullanıyor, ör. "POS Ljubljana"',
    da: 'hvem bruger nøglen, f.eks. "POS Ljubljana"',
    ru: 'кто пользуется ключом, например "POS Ljubljana"',
  },
  'comma-separated: read, write, admin': { sl: 'ločeno z vejicami: read, write, admin', tr: 'virgülle ayrılmış: read, write, admin', da: 'kommasepareret: read, write, admin', ru: 'через запятую: read, write, admin' },
  'list the API keys (never their secrets)': {
    sl: 'izpiši ključe API (nikoli njihovih skrivnosti)',
    tr: 'API anahtarlarını listele (gizli değerleri asla gösterilmez)',
    da: 'vis API-nøglerne (aldrig deres hemmeligheder)',
    ru: 'список ключей API (без их секретов)',
  },
  'revoke an API key: requests with it are refused from now on': {
    sl: 'prekliči ključ API: zahteve z njim so od zdaj zavrnjene',
    tr: 'bir API anahtarını iptal et: bundan sonra onunla gelen istekler reddedilir',
    da: 'tilbagekald en API-nøgle: anmodninger med den afvises fremover',
    ru: 'отозвать ключ API: запросы с ним отныне отклоняются',
  },
  "the key's id, as keys list shows it": {
    sl: 'id ključa, kot ga pokaže keys list',
    tr: 'anahtarın kimliği (keys list gösterir)',
    da: 'nøglens id, som keys list viser det',
    ru: 'id ключа, как его показывает keys list',
  },
  'staff who log in to the dashboard': {
    sl: 'osebje, ki se prijavlja v nadzorno ploščo',
    tr: 'yönetim paneline giriş yapan personel',
    da: 'personale, der logger ind i kontrolpanelet',
    ru: 'сотрудники, входящие в панель управления',
  },
  'add a staff user who logs in to the dashboard': {
    sl: 'dodaj uporabnika iz osebja, ki se prijavlja v nadzorno ploščo',
    tr: 'yönetim paneline giriş yapacak bir personel kullanıcısı ekle',
    da: 'tilføj en medarbejder, der logger ind i kontrolpanelet',
    ru: 'добавить сотрудника, который входит в панель управления',
  },
  'their email address, which they log in with': {
    sl: 'njihov e-poštni naslov, s katerim se prijavljajo',
    tr: 'giriş için kullandığı e-posta adresi',
    da: 'deres e-mailadresse, som de logger ind med',
    ru: 'адрес электронной почты для входа',
  },
  'owner, manager or staff': { sl: 'owner (lastnik), manager (vodja) ali staff (osebje)', tr: 'owner (sahip), manager (yönetici) veya staff (personel)', da: 'owner (ejer), manager (leder) eller staff (personale)', ru: 'owner (владелец), manager (менеджер) или staff (сотрудник)' },
  'their name, as the dashboard shows it': {
    sl: 'ime, kot ga prikazuje nadzorna plošča',
    tr: 'yönetim panelinde görünen adı',
    da: 'navnet, som kontrolpanelet viser det',
    ru: 'имя, как его показывает панель управления',
  },
  'at least 10 characters; generated when omitted': {
    sl: 'vsaj 10 znakov; če ga ne podate, se ustvari',
    tr: 'en az 10 karakter; verilmezse oluşturulur',
    da: 'mindst 10 tegn; dannes, hvis det udelades',
    ru: 'не менее 10 символов; если не указан, создаётся автоматически',
  },
  'list the staff users and their roles': {
    sl: 'izpiši uporabnike iz osebja in njihove vloge',
    tr: 'personel kullanıcılarını ve rollerini listele',
    da: 'vis medarbejderne og deres roller',
    ru: 'список сотрудников и их ролей',
  },
  "make a new password and end the user's sessions": {
    sl: 'ustvari novo geslo in končaj uporabnikove seje',
    tr: 'yeni bir parola oluştur ve kullanıcının oturumlarını sonlandır',
    da: 'lav en ny adgangskode og afslut brugerens sessioner',
    ru: 'создать новый пароль и завершить сеансы пользователя',
  },
  "the user's email address": { sl: 'e-poštni naslov uporabnika', tr: 'kullanıcının e-posta adresi', da: 'brugerens e-mailadresse', ru: 'адрес электронной почты пользователя' },
  locations: { sl: 'poslovalnice', tr: 'mağazalar', da: 'butikker', ru: 'точки продаж' },
  'create or update a store by code': {
    sl: 'ustvari ali posodobi poslovalnico po kodi',
    tr: 'koduna göre bir mağaza oluştur veya güncelle',
    da: 'opret eller opdater en butik ud fra dens kode',
    ru: 'создать или обновить точку продаж по коду',
  },
  'the id your POS uses, e.g. lj-center': {
    sl: 'oznaka, ki jo uporablja vaša blagajna, npr. lj-center',
    tr: 'POS sisteminizin kullandığı kimlik, ör. lj-center',
    da: 'det id, jeres kasse bruger, f.eks. lj-center',
    ru: 'идентификатор, который использует ваша касса, например lj-center',
  },
  "the store's name": { sl: 'ime poslovalnice', tr: 'mağazanın adı', da: 'butikkens navn', ru: 'название точки продаж' },
  'IANA time zone, e.g. Europe/Ljubljana': { sl: 'časovni pas IANA, npr. Europe/Ljubljana', tr: 'IANA saat dilimi, ör. Europe/Ljubljana', da: 'IANA-tidszone, f.eks. Europe/Ljubljana', ru: 'часовой пояс IANA, например Europe/Ljubljana' },
  'the city it is in': { sl: 'kraj, v katerem je', tr: 'bulunduğu şehir', da: 'byen, den ligger i', ru: 'город, где она находится' },
  'list the stores': { sl: 'izpiši poslovalnice', tr: 'mağazaları listele', da: 'vis butikkerne', ru: 'список точек продаж' },
  'import customers, purchases or refunds from a CSV file (all or nothing unless --skip-invalid)': {
    sl: 'uvozi stranke, nakupe ali vračila iz datoteke CSV (vse ali nič, razen z --skip-invalid)',
    tr: 'bir CSV dosyasından müşterileri, satın almaları veya iadeleri içe aktar (--skip-invalid olmadan ya hepsi ya hiçbiri)',
    da: 'importér kunder, køb eller refusioner fra en CSV-fil (alt eller intet, medmindre --skip-invalid)',
    ru: 'импортировать клиентов, покупки или возвраты из файла CSV (всё или ничего, если не указан --skip-invalid)',
  },
  'customers, purchases or refunds': {
    sl: 'customers (stranke), purchases (nakupi) ali refunds (vračila)',
    tr: 'customers (müşteriler), purchases (satın almalar) veya refunds (iadeler)',
    da: 'customers (kunder), purchases (køb) eller refunds (refusioner)',
    ru: 'customers (клиенты), purchases (покупки) или refunds (возвраты)',
  },
  'the CSV file': { sl: 'datoteka CSV', tr: 'CSV dosyası', da: 'CSV-filen', ru: 'файл CSV' },
  'rename columns: canonical=column,… (e.g. total=Amount,customer_email=Email)': {
    sl: 'preimenuj stolpce: kanonično=stolpec,… (npr. total=Znesek,customer_email=Email)',
    tr: 'sütunları yeniden adlandır: kanonik=sütun,… (ör. total=Tutar,customer_email=Eposta)',
    da: 'omdøb kolonner: kanonisk=kolonne,… (f.eks. total=Beløb,customer_email=Email)',
    ru: 'переименовать столбцы: канонический=столбец,… (например total=Сумма,customer_email=Email)',
  },
  "how the file writes dates, when not ISO 8601: YYYY, M/MM, D/DD, H/HH, mm, ss (e.g. \"D.M.YYYY H:mm\", \"M/D/YYYY H:mm\"); a time without an offset is the store's local time (a refund's: its purchase's store's)": {
    sl: 'kako datoteka zapisuje datume, če ne po ISO 8601: YYYY, M/MM, D/DD, H/HH, mm, ss (npr. "D.M.YYYY H:mm", "M/D/YYYY H:mm"); čas brez zamika je krajevni čas poslovalnice (pri vračilu: poslovalnice njegovega nakupa)',
    tr: 'dosyanın tarihleri nasıl yazdığı, ISO 8601 değilse: YYYY, M/MM, D/DD, H/HH, mm, ss (ör. "D.M.YYYY H:mm", "M/D/YYYY H:mm"); farkı belirtilmemiş bir saat mağazanın yerel saatidir (bir iadede: satın almanın yapıldığı mağazanın)',
    da: 'hvordan filen skriver datoer, når ikke ISO 8601: YYYY, M/MM, D/DD, H/HH, mm, ss (f.eks. "D.M.YYYY H:mm", "M/D/YYYY H:mm"); et klokkeslæt uden forskydning er butikkens lokale tid (for en refusion: købets butiks)',
    ru: 'как файл записывает даты, если не в ISO 8601: YYYY, M/MM, D/DD, H/HH, mm, ss (например "D.M.YYYY H:mm", "M/D/YYYY H:mm"); время без смещения — местное время точки продаж (у возврата — точки, где была покупка)',
  },
  'amounts and quantities are written with a decimal comma (1.234,50)': {
    sl: 'zneski in količine so zapisani z decimalno vejico (1.234,50)',
    tr: 'tutarlar ve miktarlar ondalık virgülle yazılmış (1.234,50)',
    da: 'beløb og mængder er skrevet med decimalkomma (1.234,50)',
    ru: 'суммы и количества записаны с десятичной запятой (1.234,50)',
  },
  'the file\'s encoding when not UTF-8: windows-1250 (Slovenian), windows-1251 (Russian), windows-1252 (Danish, English), windows-1254 (Turkish), …': {
    sl: 'kodiranje datoteke, če ni UTF-8: windows-1250 (slovenščina), windows-1251 (ruščina), windows-1252 (danščina, angleščina), windows-1254 (turščina), …',
    tr: 'UTF-8 değilse dosyanın kodlaması: windows-1250 (Slovence), windows-1251 (Rusça), windows-1252 (Danca, İngilizce), windows-1254 (Türkçe), …',
    da: 'filens tegnkodning, når den ikke er UTF-8: windows-1250 (slovensk), windows-1251 (russisk), windows-1252 (dansk, engelsk), windows-1254 (tyrkisk), …',
    ru: 'кодировка файла, если не UTF-8: windows-1250 (словенский), windows-1251 (русский), windows-1252 (датский, английский), windows-1254 (турецкий), …',
  },
  'import the good rows and report the bad ones': {
    sl: 'uvozi pravilne vrstice in poročaj o napačnih',
    tr: 'doğru satırları içe aktar, hatalı olanları bildir',
    da: 'importér de gode rækker og rapportér de dårlige',
    ru: 'импортировать правильные строки и сообщить об ошибочных',
  },
  'check every row and tell what would be imported; write nothing': {
    sl: 'preveri vsako vrstico in povej, kaj bi se uvozilo; ne zapiši ničesar',
    tr: 'her satırı denetle ve neyin içe aktarılacağını söyle; hiçbir şey yazma',
    da: 'kontrollér hver række og fortæl, hvad der ville blive importeret; skriv intet',
    ru: 'проверить каждую строку и сообщить, что было бы импортировано; ничего не записывать',
  },
  'fill the database with a realistic demo business (deterministic for a seed; running it again adds nothing)': {
    sl: 'napolni podatkovno bazo z realističnim predstavitvenim podjetjem (enako za isto seme; ponoven zagon ne doda ničesar)',
    tr: 'veritabanını gerçekçi bir demo işletmeyle doldur (aynı tohumla hep aynı; yeniden çalıştırmak hiçbir şey eklemez)',
    da: 'fyld databasen med en realistisk demovirksomhed (den samme for samme seed; at køre den igen tilføjer intet)',
    ru: 'заполнить базу данных реалистичным демо-бизнесом (одинаковым для одного зерна; повторный запуск ничего не добавляет)',
  },
  'number of customers': { sl: 'število strank', tr: 'müşteri sayısı', da: 'antal kunder', ru: 'число клиентов' },
  'random seed': { sl: 'seme naključnih števil', tr: 'rastgelelik tohumu', da: 'seed til tilfældige tal', ru: 'зерно генератора случайных чисел' },
  'years of history, ending today': { sl: 'leta zgodovine, do danes', tr: 'bugün biten geçmiş yıl sayısı', da: 'års historik frem til i dag', ru: 'лет истории, заканчивая сегодняшним днём' },
  'customer analytics': { sl: 'analitika strank', tr: 'müşteri analitiği', da: 'kundeanalyse', ru: 'аналитика клиентов' },
  'fit BG/NBD, Pareto/NBD and Gamma-Gamma (from --summary, --purchases, or the database)': {
    sl: 'prilagodi BG/NBD, Pareto/NBD in Gamma-Gamma (iz --summary, --purchases ali podatkovne baze)',
    tr: 'BG/NBD, Pareto/NBD ve Gamma-Gamma modellerini uydur (--summary, --purchases veya veritabanından)',
    da: 'tilpas BG/NBD, Pareto/NBD og Gamma-Gamma (fra --summary, --purchases eller databasen)',
    ru: 'подобрать модели BG/NBD, Pareto/NBD и Gamma-Gamma (по --summary, --purchases или базе данных)',
  },
  'CSV with frequency,recency,T[,monetary_value] (lifetimes) or x,t_x,T[,zbar]': {
    sl: 'CSV s stolpci frequency,recency,T[,monetary_value] (lifetimes) ali x,t_x,T[,zbar]',
    tr: 'frequency,recency,T[,monetary_value] (lifetimes) veya x,t_x,T[,zbar] sütunlu CSV',
    da: 'CSV med frequency,recency,T[,monetary_value] (lifetimes) eller x,t_x,T[,zbar]',
    ru: 'CSV со столбцами frequency,recency,T[,monetary_value] (lifetimes) или x,t_x,T[,zbar]',
  },
  'canonical purchases CSV (customer_external_id|customer_email|customer_phone, occurred_at, total)': {
    sl: 'kanonični CSV nakupov (customer_external_id|customer_email|customer_phone, occurred_at, total)',
    tr: 'kanonik satın alma CSV dosyası (customer_external_id|customer_email|customer_phone, occurred_at, total)',
    da: 'kanonisk købs-CSV (customer_external_id|customer_email|customer_phone, occurred_at, total)',
    ru: 'канонический CSV покупок (customer_external_id|customer_email|customer_phone, occurred_at, total)',
  },
  'day, week or month': { sl: 'day (dan), week (teden) ali month (mesec)', tr: 'day (gün), week (hafta) veya month (ay)', da: 'day (dag), week (uge) eller month (måned)', ru: 'day (день), week (неделя) или month (месяц)' },
  'YYYY-MM-DD; default: the last purchase date': {
    sl: 'YYYY-MM-DD; privzeto: datum zadnjega nakupa',
    tr: 'YYYY-MM-DD; varsayılan: son satın alma tarihi',
    da: 'YYYY-MM-DD; standard: datoen for det seneste køb',
    ru: 'YYYY-MM-DD; по умолчанию: дата последней покупки',
  },
  'YYYY-MM-DD; adds a validation of predictions against (calibration end, holdout end]': {
    sl: 'YYYY-MM-DD; doda preverjanje napovedi na obdobju (konec kalibracije, konec preverjanja]',
    tr: 'YYYY-MM-DD; tahminlerin (kalibrasyon sonu, doğrulama sonu] dönemine karşı sınanmasını ekler',
    da: 'YYYY-MM-DD; tilføjer en validering af forudsigelserne mod (kalibreringens slut, valideringens slut]',
    ru: 'YYYY-MM-DD; добавляет проверку прогнозов на периоде (конец калибровки, конец проверки]',
  },
  'bgnbd, paretonbd, gammagamma or all': { sl: 'bgnbd, paretonbd, gammagamma ali all (vsi)', tr: 'bgnbd, paretonbd, gammagamma veya all (hepsi)', da: 'bgnbd, paretonbd, gammagamma eller all (alle)', ru: 'bgnbd, paretonbd, gammagamma или all (все)' },
  'RFM quintile scores and named segments of the customers who bought': {
    sl: 'ocene RFM po kvintilih in poimenovani segmenti strank, ki so kupovale',
    tr: 'satın alan müşterilerin RFM beşte birlik puanları ve adlandırılmış segmentleri',
    da: 'RFM-kvintilscorer og navngivne segmenter for de kunder, der har købt',
    ru: 'оценки RFM по квинтилям и именованные сегменты покупавших клиентов',
  },
  'machine-readable output (with every customer)': {
    sl: 'strojno berljiv izpis (z vsemi strankami)',
    tr: 'makine tarafından okunabilir çıktı (tüm müşterilerle)',
    da: 'maskinlæsbart output (med hver kunde)',
    ru: 'машиночитаемый вывод (со всеми клиентами)',
  },
  'score every customer now: RFM segment, probability alive, expected purchases, CLV, churn risk (the nightly job, on demand)': {
    sl: 'oceni vse stranke zdaj: segment RFM, verjetnost aktivnosti, pričakovani nakupi, CLV, tveganje odhoda (nočno opravilo, na zahtevo)',
    tr: 'tüm müşterileri şimdi puanla: RFM segmenti, aktif olma olasılığı, beklenen satın almalar, CLV, kayıp riski (gece işi, isteğe bağlı)',
    da: 'scor hver kunde nu: RFM-segment, sandsynlighed for at være aktiv, forventede køb, CLV, frafaldsrisiko (natjobbet, efter behov)',
    ru: 'оценить каждого клиента сейчас: сегмент RFM, вероятность активности, ожидаемые покупки, CLV, риск ухода (ночная задача, по запросу)',
  },
  'last local day of purchases the scores see, YYYY-MM-DD (default: today)': {
    sl: 'zadnji krajevni dan nakupov, ki jih ocene upoštevajo, YYYY-MM-DD (privzeto: danes)',
    tr: 'puanların gördüğü son yerel satın alma günü, YYYY-MM-DD (varsayılan: bugün)',
    da: 'den sidste lokale dag med køb, som scorerne ser, YYYY-MM-DD (standard: i dag)',
    ru: 'последний местный день покупок, который учитывают оценки, YYYY-MM-DD (по умолчанию: сегодня)',
  },
  'churn horizon: no purchase within this many days': {
    sl: 'obzorje odhoda: brez nakupa v toliko dneh',
    tr: 'kayıp ufku: bu kadar gün içinde satın alma yok',
    da: 'frafaldshorisont: intet køb inden for så mange dage',
    ru: 'горизонт ухода: ни одной покупки за столько дней',
  },
  'purchase model: bgnbd or paretonbd': { sl: 'model nakupov: bgnbd ali paretonbd', tr: 'satın alma modeli: bgnbd veya paretonbd', da: 'købsmodel: bgnbd eller paretonbd', ru: 'модель покупок: bgnbd или paretonbd' },
  'products bought together, next-best products for a customer, hit rate against the most popular': {
    sl: 'izdelki, kupljeni skupaj, najprimernejši naslednji izdelki za stranko, delež zadetkov v primerjavi z najbolj priljubljenimi',
    tr: 'birlikte alınan ürünler, bir müşteri için sıradaki en iyi ürünler, en popülerlere karşı isabet oranı',
    da: 'produkter købt sammen, de bedste næste produkter til en kunde, træfsikkerhed mod de mest populære',
    ru: 'товары, покупаемые вместе, лучшие следующие товары для клиента, доля попаданий по сравнению с самыми популярными',
  },
  'the products bought in the same basket as this one, by lift': {
    sl: 'izdelki, kupljeni v isti košarici kot ta, po dvigu (lift)',
    tr: 'bununla aynı sepette alınan ürünler, lift değerine göre',
    da: 'de produkter, der købes i samme kurv som dette, efter lift',
    ru: 'товары из той же корзины, что и этот, по лифту',
  },
  'the next-best products for a customer (id or external id) they have not bought': {
    sl: 'najprimernejši naslednji izdelki za stranko (id ali zunanji id), ki jih še ni kupila',
    tr: 'bir müşterinin (kimlik veya harici kimlik) henüz almadığı sıradaki en iyi ürünler',
    da: 'de bedste næste produkter til en kunde (id eller eksternt id), som kunden ikke har købt',
    ru: 'лучшие следующие товары для клиента (id или внешний id), которые он ещё не покупал',
  },
  'hit rate at --limit on a time split at --cutoff, against the most popular products': {
    sl: 'delež zadetkov pri --limit ob časovni delitvi pri --cutoff, v primerjavi z najbolj priljubljenimi izdelki',
    tr: '--cutoff tarihinde zamana göre bölünmüş veride --limit isabet oranı, en popüler ürünlere karşı',
    da: 'træfsikkerhed ved --limit med en tidsopdeling ved --cutoff, mod de mest populære produkter',
    ru: 'доля попаданий при --limit с разделением по времени на --cutoff, по сравнению с самыми популярными товарами',
  },
  'YYYY-MM-DD: with --evaluate, train on purchases before it and test on those from it on': {
    sl: 'YYYY-MM-DD: z --evaluate se uči na nakupih pred tem dnem in preverja na tistih od njega naprej',
    tr: 'YYYY-MM-DD: --evaluate ile bu günden önceki satın almalarla eğitir, bu günden itibarenkilerle sınar',
    da: 'YYYY-MM-DD: med --evaluate trænes på køb før datoen og testes på dem fra datoen',
    ru: 'YYYY-MM-DD: с --evaluate обучение на покупках до этой даты и проверка на покупках с неё',
  },
  'how many products (and k of the hit rate)': {
    sl: 'koliko izdelkov (in k za delež zadetkov)',
    tr: 'kaç ürün (ve isabet oranının k değeri)',
    da: 'hvor mange produkter (og k i træfsikkerheden)',
    ru: 'сколько товаров (и k для доли попаданий)',
  },
  'repeat purchase ratio, CLV, churn, average check, revenue by tier and of repeat customers, promotions — with sample sizes': {
    sl: 'delež ponovnih nakupov, CLV, odhod strank, povprečni račun, prihodki po ravneh in od stalnih strank, promocije — z velikostmi vzorcev',
    tr: 'tekrar satın alma oranı, CLV, kayıp, ortalama fiş, seviyelere ve tekrar eden müşterilere göre gelir, promosyonlar — örneklem büyüklükleriyle',
    da: 'genkøbsandel, CLV, frafald, gennemsnitlig bon, omsætning pr. niveau og fra genkøbende kunder, kampagner — med stikprøvestørrelser',
    ru: 'доля повторных покупок, CLV, отток, средний чек, выручка по уровням и от постоянных клиентов, акции — с размерами выборок',
  },
  'a calendar year (default: the 12 months ending today)': {
    sl: 'koledarsko leto (privzeto: 12 mesecev do danes)',
    tr: 'bir takvim yılı (varsayılan: bugün biten 12 ay)',
    da: 'et kalenderår (standard: de 12 måneder frem til i dag)',
    ru: 'календарный год (по умолчанию: 12 месяцев по сегодняшний день)',
  },
  'first local date YYYY-MM-DD (instead of --year)': {
    sl: 'prvi krajevni datum YYYY-MM-DD (namesto --year)',
    tr: 'ilk yerel tarih YYYY-MM-DD (--year yerine)',
    da: 'første lokale dato YYYY-MM-DD (i stedet for --year)',
    ru: 'первая местная дата YYYY-MM-DD (вместо --year)',
  },
  'last local date YYYY-MM-DD, inclusive (default: today)': {
    sl: 'zadnji krajevni datum YYYY-MM-DD, vključno (privzeto: danes)',
    tr: 'son yerel tarih YYYY-MM-DD, dahil (varsayılan: bugün)',
    da: 'sidste lokale dato YYYY-MM-DD, inklusive (standard: i dag)',
    ru: 'последняя местная дата YYYY-MM-DD включительно (по умолчанию: сегодня)',
  },
  'only purchases made in this store': {
    sl: 'samo nakupi v tej poslovalnici',
    tr: 'yalnızca bu mağazada yapılan satın almalar',
    da: 'kun køb foretaget i denne butik',
    ru: 'только покупки в этой точке продаж',
  },
  'cost of winning one customer, subtracted in the CLV, e.g. 10.00': {
    sl: 'strošek pridobitve ene stranke, odštet v CLV, npr. 10.00',
    tr: 'bir müşteri kazanmanın maliyeti, CLV\'den düşülür, ör. 10.00',
    da: 'prisen for at vinde én kunde, trukket fra i CLV, f.eks. 10.00',
    ru: 'стоимость привлечения одного клиента, вычитается из CLV, например 10.00',
  },
  'the loyalty program: apply, simulate, verify, report': {
    sl: 'program zvestobe: uveljavi, simuliraj, preveri, poročaj',
    tr: 'sadakat programı: uygula, benzet, doğrula, raporla',
    da: 'loyalitetsprogrammet: anvend, simulér, verificér, rapportér',
    ru: 'программа лояльности: применить, смоделировать, проверить, отчёт',
  },
  'apply a program document (JSON) as a new version': {
    sl: 'uveljavi dokument programa (JSON) kot novo različico',
    tr: 'bir program belgesini (JSON) yeni sürüm olarak uygula',
    da: 'anvend et programdokument (JSON) som en ny version',
    ru: 'применить документ программы (JSON) как новую версию',
  },
  'the program document (JSON)': { sl: 'dokument programa (JSON)', tr: 'program belgesi (JSON)', da: 'programdokumentet (JSON)', ru: 'документ программы (JSON)' },
  'ISO date or timestamp; default now': {
    sl: 'datum ali časovni žig ISO; privzeto zdaj',
    tr: 'ISO tarih veya zaman damgası; varsayılan: şimdi',
    da: 'ISO-dato eller -tidsstempel; standard nu',
    ru: 'дата или метка времени ISO; по умолчанию сейчас',
  },
  'upgrade_now (nobody moves down before their period ends) or reevaluate_now': {
    sl: 'upgrade_now (nihče ne pade nižje pred koncem svojega obdobja) ali reevaluate_now',
    tr: 'upgrade_now (kimse dönemi bitmeden düşmez) veya reevaluate_now',
    da: 'upgrade_now (ingen rykker ned, før deres periode slutter) eller reevaluate_now',
    ru: 'upgrade_now (никто не опускается ниже до конца своего периода) или reevaluate_now',
  },
  'why this version (kept with it)': {
    sl: 'zakaj ta različica (shranjeno z njo)',
    tr: 'bu sürüm neden (onunla birlikte saklanır)',
    da: 'hvorfor denne version (gemmes sammen med den)',
    ru: 'зачем эта версия (хранится вместе с ней)',
  },
  'replay the purchases since a date against a proposed program; changes nothing': {
    sl: 'ponovno predvajaj nakupe od datuma naprej po predlaganem programu; ne spremeni ničesar',
    tr: 'bir tarihten bu yana satın almaları önerilen programla yeniden oynat; hiçbir şeyi değiştirmez',
    da: 'afspil købene siden en dato igen mod et foreslået program; ændrer intet',
    ru: 'воспроизвести покупки с указанной даты по предлагаемой программе; ничего не меняет',
  },
  'the proposed program document (JSON)': { sl: 'dokument predlaganega programa (JSON)', tr: 'önerilen program belgesi (JSON)', da: 'det foreslåede programdokument (JSON)', ru: 'документ предлагаемой программы (JSON)' },
  'YYYY-MM-DD': { sl: 'YYYY-MM-DD', tr: 'YYYY-MM-DD', da: 'YYYY-MM-DD', ru: 'YYYY-MM-DD' },
  'prove every member balance against the ledger; exits 1 on any mismatch': {
    sl: 'dokaži stanje vsakega člana z evidenco točk; ob kakršnem koli neskladju konča s kodo 1',
    tr: 'her üyenin bakiyesini puan defterine karşı kanıtla; herhangi bir uyuşmazlıkta 1 koduyla çıkar',
    da: 'bevis hvert medlems saldo mod pointbogen; afslutter med 1 ved enhver uoverensstemmelse',
    ru: 'сверить баланс каждого участника с журналом баллов; при любом расхождении завершается с кодом 1',
  },
  'points liability, breakage, redemption rate, members per tier': {
    sl: 'obveznosti iz točk, delež zapadlih, delež unovčenih, člani po ravneh',
    tr: 'puan yükümlülüğü, kullanılmadan sona erenler, kullanım oranı, seviyelere göre üyeler',
    da: 'pointforpligtelse, udløbet ubrugt, indløsningsandel, medlemmer pr. niveau',
    ru: 'обязательства по баллам, доля сгоревших, доля потраченных, участники по уровням',
  },
  'run the hourly maintenance now: reservations, expiry, reminders, tier reviews, birthdays': {
    sl: 'zaženi urno vzdrževanje zdaj: rezervacije, potek, opomniki, pregledi ravni, rojstni dnevi',
    tr: 'saatlik bakımı şimdi çalıştır: rezervasyonlar, süre dolumu, hatırlatmalar, seviye incelemeleri, doğum günleri',
    da: 'kør den timelige vedligeholdelse nu: reservationer, udløb, påmindelser, niveaugennemgange, fødselsdage',
    ru: 'выполнить ежечасное обслуживание сейчас: резервирования, сгорание, напоминания, пересмотр уровней, дни рождения',
  },
  'print the JSON Schema of a program document': {
    sl: 'izpiši shemo JSON dokumenta programa',
    tr: 'bir program belgesinin JSON şemasını yazdır',
    da: 'udskriv JSON-skemaet for et programdokument',
    ru: 'вывести JSON-схему документа программы',
  },
  ...CLI_HELP_PROMOTIONS,
};
