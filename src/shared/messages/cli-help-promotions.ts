import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars coupons …` and `regulars gift-cards …` (src/cli/commands/promotions.ts),
// keyed by its English text as cli-help.ts says; part of CLI_HELP there. Flags, codes and
// formats (--count, SUMMER25, YYYY-MM-DD, active) stay as written.

export const CLI_HELP_PROMOTIONS: Readonly<Record<string, HelpTranslations>> = {
  'promotion coupons: campaigns of unique codes or of one shared code': {
    sl: 'promocijski kuponi: kampanje edinstvenih kod ali ene skupne kode',
    tr: 'promosyon kuponları: benzersiz kodlardan ya da tek bir ortak koddan oluşan kampanyalar',
    da: 'kampagnekuponer: kampagner med unikke koder eller én fælles kode',
    ru: 'промокупоны: кампании уникальных кодов или одного общего кода',
  },
  'create a campaign of coupons: unique codes to hand out (--count), or one shared code (--code)': {
    sl: 'ustvari kuponsko kampanjo: edinstvene kode za razdelitev (--count) ali eno skupno kodo (--code)',
    tr: 'bir kupon kampanyası oluştur: dağıtılacak benzersiz kodlar (--count) ya da tek bir ortak kod (--code)',
    da: 'opret en kuponkampagne: unikke koder at dele ud (--count) eller én fælles kode (--code)',
    ru: 'создать кампанию купонов: уникальные коды для раздачи (--count) или один общий код (--code)',
  },
  "the campaign's name, as the lists show it": {
    sl: 'ime kampanje, kot ga kažejo seznami',
    tr: 'kampanyanın listelerde görünen adı',
    da: 'kampagnens navn, som listerne viser det',
    ru: 'название кампании, как его показывают списки',
  },
  'this many unique codes (1–100000)': {
    sl: 'toliko edinstvenih kod (1–100000)',
    tr: 'bu kadar benzersiz kod (1–100000)',
    da: 'så mange unikke koder (1–100000)',
    ru: 'столько уникальных кодов (1–100000)',
  },
  'one shared code customers type in, e.g. SUMMER25 (instead of --count)': {
    sl: 'ena skupna koda, ki jo stranke vtipkajo, npr. SUMMER25 (namesto --count)',
    tr: 'müşterilerin yazdığı tek bir ortak kod, ör. SUMMER25 (--count yerine)',
    da: 'én fælles kode, som kunderne indtaster, f.eks. SUMMER25 (i stedet for --count)',
    ru: 'один общий код, который вводят клиенты, например SUMMER25 (вместо --count)',
  },
  'an amount off per use, e.g. 5.00': {
    sl: 'znesek popusta pri vsaki uporabi, npr. 5.00',
    tr: 'her kullanımda düşülen tutar, ör. 5.00',
    da: 'et beløb i rabat pr. brug, f.eks. 5.00',
    ru: 'скидка суммой за каждое использование, например 5.00',
  },
  'a percentage off, e.g. 10': { sl: 'odstotek popusta, npr. 10', tr: 'yüzde indirim, ör. 10', da: 'en procentrabat, f.eks. 10', ru: 'скидка в процентах, например 10' },
  'a free product, by its SKU': { sl: 'brezplačen izdelek, po njegovi šifri SKU', tr: 'SKU koduyla ücretsiz bir ürün', da: 'et gratis produkt, efter dets SKU', ru: 'бесплатный товар по его SKU' },
  'uses per code (default 1: each code once)': {
    sl: 'uporabe na kodo (privzeto 1: vsaka koda enkrat)',
    tr: 'kod başına kullanım (varsayılan 1: her kod bir kez)',
    da: 'anvendelser pr. kode (standard 1: hver kode én gang)',
    ru: 'использований на код (по умолчанию 1: каждый код один раз)',
  },
  'uses per customer across the whole campaign (a till then names the customer)': {
    sl: 'uporabe na stranko v celotni kampanji (blagajna mora tedaj navesti stranko)',
    tr: 'tüm kampanya boyunca müşteri başına kullanım (kasa bu durumda müşteriyi belirtir)',
    da: 'anvendelser pr. kunde i hele kampagnen (kassen angiver så kunden)',
    ru: 'использований на клиента во всей кампании (касса тогда указывает клиента)',
  },
  'ISO timestamp the codes can be used from (default now)': {
    sl: 'časovni žig ISO, od katerega so kode uporabne (privzeto zdaj)',
    tr: 'kodların kullanılabileceği ISO zaman damgası (varsayılan: şimdi)',
    da: 'ISO-tidsstempel, hvorfra koderne kan bruges (standard nu)',
    ru: 'метка времени ISO, с которой коды можно использовать (по умолчанию сейчас)',
  },
  'ISO timestamp the codes stop working (default never)': {
    sl: 'časovni žig ISO, ko kode prenehajo delovati (privzeto nikoli)',
    tr: 'kodların geçerliliğinin sona erdiği ISO zaman damgası (varsayılan: hiçbir zaman)',
    da: 'ISO-tidsstempel, hvor koderne holder op med at virke (standard aldrig)',
    ru: 'метка времени ISO, когда коды перестают действовать (по умолчанию никогда)',
  },
  'idempotency key: the same command with the same key makes nothing twice, so a retry is safe (generated and printed when omitted)': {
    sl: 'ključ idempotentnosti: isti ukaz z istim ključem ničesar ne naredi dvakrat, zato je ponovitev varna (če ga ne navedete, se ustvari in izpiše)',
    tr: 'idempotency anahtarı: aynı anahtarla aynı komut hiçbir şeyi iki kez oluşturmaz, bu yüzden yeniden denemek güvenlidir (verilmezse üretilir ve yazdırılır)',
    da: 'idempotensnøgle: den samme kommando med den samme nøgle laver intet to gange, så et nyt forsøg er sikkert (dannes og udskrives, hvis den udelades)',
    ru: 'ключ идемпотентности: та же команда с тем же ключом ничего не создаёт дважды, поэтому повтор безопасен (если не указан, создаётся и выводится)',
  },
  'list the campaigns with their uses, codes used, customers, discount given and status': {
    sl: 'izpiši kampanje z uporabami, uporabljenimi kodami, strankami, danim popustom in stanjem',
    tr: 'kampanyaları kullanımları, kullanılan kodları, müşterileri, verilen indirim ve durumlarıyla listele',
    da: 'vis kampagnerne med brug, brugte koder, kunder, givet rabat og status',
    ru: 'показать кампании с использованиями, использованными кодами, клиентами, предоставленной скидкой и статусом',
  },
  'at most this many, newest first (default: all)': {
    sl: 'največ toliko, najnovejše najprej (privzeto: vse)',
    tr: 'en fazla bu kadar, en yeniler önce (varsayılan: tümü)',
    da: 'højst så mange, nyeste først (standard: alle)',
    ru: 'не больше стольких, сначала новые (по умолчанию: все)',
  },
  "a campaign's figures: uses, codes used, customers, discount given, status": {
    sl: 'številke kampanje: uporabe, uporabljene kode, stranke, dani popust, stanje',
    tr: 'bir kampanyanın rakamları: kullanım, kullanılan kodlar, müşteriler, verilen indirim, durum',
    da: 'en kampagnes tal: brug, brugte koder, kunder, givet rabat, status',
    ru: 'показатели кампании: использования, использованные коды, клиенты, предоставленная скидка, статус',
  },
  "the campaign's id, as coupons list shows it": {
    sl: 'id kampanje, kot ga kaže coupons list',
    tr: 'kampanyanın coupons list çıktısındaki kimliği',
    da: 'kampagnens id, som coupons list viser det',
    ru: 'id кампании, как его показывает coupons list',
  },
  "a campaign's codes with their uses, or all of them as CSV for a mail merge": {
    sl: 'kode kampanje z uporabami ali vse kot CSV za spajanje dokumentov',
    tr: 'bir kampanyanın kodları ve kullanımları ya da toplu posta için hepsi CSV olarak',
    da: 'en kampagnes koder med deres brug, eller dem alle som CSV til brevfletning',
    ru: 'коды кампании с их использованиями или все они в CSV для рассылки',
  },
  'write them as CSV to this file (to stdout without one)': {
    sl: 'zapiši jih kot CSV v to datoteko (brez nje na standardni izhod)',
    tr: 'bunları CSV olarak bu dosyaya yaz (dosya verilmezse standart çıktıya)',
    da: 'skriv dem som CSV til denne fil (uden en fil til standard-output)',
    ru: 'записать их в CSV в этот файл (без файла — в стандартный вывод)',
  },
  "gift cards: stored value in the business's money": {
    sl: 'darilne kartice: shranjena vrednost v valuti podjetja',
    tr: 'hediye kartları: işletmenin para birimiyle saklanan değer',
    da: 'gavekort: opsparet værdi i virksomhedens valuta',
    ru: 'подарочные карты: хранимая стоимость в валюте компании',
  },
  'issue a gift card; its code is printed (whoever holds the code can pay with it)': {
    sl: 'izdaj darilno kartico; njena koda se izpiše (z njo lahko plača, kdor ima kodo)',
    tr: 'bir hediye kartı oluştur; kodu yazdırılır (kodu elinde tutan herkes onunla ödeyebilir)',
    da: 'udsted et gavekort; dets kode udskrives (den, der har koden, kan betale med den)',
    ru: 'выпустить подарочную карту; её код выводится (платить ею может любой, у кого есть код)',
  },
  "the card's value, e.g. 20.00": { sl: 'vrednost kartice, npr. 20.00', tr: 'kartın değeri, ör. 20.00', da: 'kortets værdi, f.eks. 20.00', ru: 'номинал карты, например 20.00' },
  "whose card it is: their id, email, phone or card number (default: nobody's)": {
    sl: 'čigava je kartica: id, e-naslov, telefon ali številka kartice stranke (privzeto: nikogaršnja)',
    tr: 'kartın sahibi: müşterinin kimliği, e-postası, telefonu veya kart numarası (varsayılan: kimseye ait değil)',
    da: 'hvis kortet er: kundens id, e-mail, telefon eller kortnummer (standard: ingens)',
    ru: 'чья это карта: id, эл. почта, телефон или номер карты клиента (по умолчанию: ничья)',
  },
  "YYYY-MM-DD (usable through that day in the business's time zone) or an ISO timestamp (default never)": {
    sl: 'YYYY-MM-DD (uporabna do konca tega dne v časovnem pasu podjetja) ali časovni žig ISO (privzeto nikoli)',
    tr: 'YYYY-MM-DD (işletmenin saat diliminde o günün sonuna kadar kullanılabilir) ya da ISO zaman damgası (varsayılan: hiçbir zaman)',
    da: 'YYYY-MM-DD (kan bruges dagen ud i virksomhedens tidszone) eller et ISO-tidsstempel (standard aldrig)',
    ru: 'YYYY-MM-DD (действует до конца этого дня в часовом поясе компании) или метка времени ISO (по умолчанию никогда)',
  },
  'list the gift cards with their balances, holders and status, newest first': {
    sl: 'izpiši darilne kartice z njihovimi stanji, imetniki in stanjem uporabnosti, najnovejše najprej',
    tr: 'hediye kartlarını bakiyeleri, sahipleri ve durumlarıyla listele, en yeniler önce',
    da: 'vis gavekortene med saldo, indehaver og status, nyeste først',
    ru: 'показать подарочные карты с остатками, владельцами и статусом, сначала новые',
  },
  'only the cards that can be used (active), have nothing left (used_up) or are past their expiry (expired)': {
    sl: 'samo kartice, ki so uporabne (active), na katerih ni nič več (used_up) ali ki so potekle (expired)',
    tr: 'yalnızca kullanılabilen (active), bakiyesi bitmiş (used_up) veya süresi dolmuş (expired) kartlar',
    da: 'kun kortene, der kan bruges (active), er tomme (used_up) eller er udløbet (expired)',
    ru: 'только карты, которые можно использовать (active), израсходованные (used_up) или истёкшие (expired)',
  },
  'a gift card and its balance': { sl: 'darilna kartica in njeno stanje', tr: 'bir hediye kartı ve bakiyesi', da: 'et gavekort og dets saldo', ru: 'подарочная карта и её остаток' },
  "the gift card's code": { sl: 'koda darilne kartice', tr: 'hediye kartının kodu', da: 'gavekortets kode', ru: 'код подарочной карты' },
};
