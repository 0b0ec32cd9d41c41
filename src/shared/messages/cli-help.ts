import type { Language } from './languages.ts';
import { CLI_HELP_ADMIN } from './cli-help-admin.ts';
import { CLI_HELP_CUSTOMERS } from './cli-help-customers.ts';
import { CLI_HELP_PROMOTIONS } from './cli-help-promotions.ts';
import { CLI_HELP_MEMBERS } from './cli-help-members.ts';
import { CLI_HELP_ANALYTICS } from './cli-help-analytics.ts';
import { CLI_HELP_LOYALTY } from './cli-help-loyalty.ts';
export { COMMANDER_ERRORS, COMMANDER_WORDS } from './cli-help-commander.ts';

// The command line's help in the languages it speaks (src/cli/help.ts applies it). Unlike
// the rest of the catalogue, an entry's key is the English text itself: a command's
// description stays written beside the command it describes (src/cli/commands/*.ts), and
// src/cli/help.test.ts walks every command, argument and option and fails on a text this
// catalogue does not translate — a description changed in English is seen as missing here.
// Flags, column names, codes and formats (--json, YYYY-MM-DD, bgnbd) stay as written.

export type HelpTranslations = Readonly<Record<Exclude<Language, 'en'>, string>>;

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
  'import customers, purchases, refunds or points balances from a CSV file (all or nothing unless --skip-invalid)': {
    sl: 'uvozi stranke, nakupe, vračila ali stanja točk iz datoteke CSV (vse ali nič, razen z --skip-invalid)',
    tr: 'bir CSV dosyasından müşterileri, satın almaları, iadeleri veya puan bakiyelerini içe aktar (--skip-invalid olmadan ya hepsi ya hiçbiri)',
    da: 'importér kunder, køb, refusioner eller pointsaldi fra en CSV-fil (alt eller intet, medmindre --skip-invalid)',
    ru: 'импортировать клиентов, покупки, возвраты или балансы баллов из файла CSV (всё или ничего, если не указан --skip-invalid)',
  },
  'customers, purchases, refunds or points': {
    sl: 'customers (stranke), purchases (nakupi), refunds (vračila) ali points (začetna stanja točk)',
    tr: 'customers (müşteriler), purchases (satın almalar), refunds (iadeler) veya points (açılış puan bakiyeleri)',
    da: 'customers (kunder), purchases (køb), refunds (refusioner) eller points (startsaldi i point)',
    ru: 'customers (клиенты), purchases (покупки), refunds (возвраты) или points (начальные балансы баллов)',
  },
  'the CSV file': { sl: 'datoteka CSV', tr: 'CSV dosyası', da: 'CSV-filen', ru: 'файл CSV' },
  'rename columns: canonical=column,… (e.g. total=Amount,customer_email=Email); canonical= imports that field from no column (e.g. store=)': {
    sl: 'preimenuj stolpce: kanonično=stolpec,… (npr. total=Znesek,customer_email=Email); kanonično= uvozi to polje iz nobenega stolpca (npr. store=)',
    tr: 'sütunları yeniden adlandır: kanonik=sütun,… (ör. total=Tutar,customer_email=Eposta); kanonik= o alanı hiçbir sütundan almaz (ör. store=)',
    da: 'omdøb kolonner: kanonisk=kolonne,… (f.eks. total=Beløb,customer_email=Email); kanonisk= importerer feltet fra ingen kolonne (f.eks. store=)',
    ru: 'переименовать столбцы: канонический=столбец,… (например total=Сумма,customer_email=Email); канонический= не берёт это поле ни из какого столбца (например store=)',
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
  ...CLI_HELP_ANALYTICS,
  ...CLI_HELP_LOYALTY,
  ...CLI_HELP_PROMOTIONS,
  ...CLI_HELP_MEMBERS,
  ...CLI_HELP_ADMIN,
  ...CLI_HELP_CUSTOMERS,
};
