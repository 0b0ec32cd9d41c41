import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars customers …` (src/cli/commands/customers.ts), keyed by its English
// text as cli-help.ts says; part of CLI_HELP there.

export const CLI_HELP_CUSTOMERS: Readonly<Record<string, HelpTranslations>> = {
  'the customers list, and one customer: their profile, a copy of everything stored about them, erasing their personal data, merging a duplicate': {
    sl: 'seznam strank in ena stranka: njen profil, kopija vsega, kar je shranjeno o njej, izbris njenih osebnih podatkov, združitev dvojnika',
    tr: 'müşteri listesi ve tek müşteri: profili, hakkında saklanan her şeyin bir kopyası, kişisel verilerinin silinmesi, bir kopyanın birleştirilmesi',
    da: 'kundelisten og én kunde: profilen, en kopi af alt, der er gemt om dem, sletning af deres personoplysninger, sammenlægning af en dublet',
    ru: 'список клиентов и один клиент: профиль, копия всего, что о нём хранится, удаление его персональных данных, объединение дубликата',
  },
  'the customers, as the dashboard lists them: who, customer since, purchases, net spend, last purchase, points and tier; searched, filtered and sorted': {
    sl: 'stranke, kot jih navaja nadzorna plošča: kdo, stranka od, nakupi, neto poraba, zadnji nakup, točke in raven; z iskanjem, filtri in razvrščanjem',
    tr: 'müşteriler, panonun listelediği gibi: kim, müşteri olduğu tarih, alışverişler, net harcama, son alışveriş, puanlar ve seviye; aranmış, süzülmüş ve sıralanmış',
    da: 'kunderne, som dashboardet viser dem: hvem, kunde siden, køb, nettoforbrug, seneste køb, point og niveau; søgt, filtreret og sorteret',
    ru: 'клиенты, как их показывает панель: кто, клиент с какого времени, покупки, чистые траты, последняя покупка, баллы и уровень; с поиском, фильтрами и сортировкой',
  },
  'only customers whose name, email, phone or card number matches this (an exact email, phone or card number finds that customer)': {
    sl: 'samo stranke, katerih ime, e-naslov, telefon ali številka kartice se ujema s tem (točen e-naslov, telefon ali številka kartice najde to stranko)',
    tr: 'yalnızca adı, e-postası, telefonu ya da kart numarası bununla eşleşen müşteriler (tam bir e-posta, telefon ya da kart numarası o müşteriyi bulur)',
    da: 'kun kunder, hvis navn, e-mail, telefon eller kortnummer matcher dette (en præcis e-mail, telefon eller et kortnummer finder den kunde)',
    ru: 'только клиенты, чьё имя, эл. почта, телефон или номер карты совпадает с этим (точная эл. почта, телефон или номер карты находит этого клиента)',
  },
  'only customers with this tag': {
    sl: 'samo stranke s to oznako', tr: 'yalnızca bu etikete sahip müşteriler', da: 'kun kunder med dette mærke', ru: 'только клиенты с этой меткой',
  },
  'only customers of this home store: its code or id': {
    sl: 'samo stranke te domače trgovine: njena koda ali id', tr: 'yalnızca bu ana mağazanın müşterileri: kodu ya da kimliği', da: 'kun kunder med denne hjemmebutik: dens kode eller id', ru: 'только клиенты этого домашнего магазина: его код или id',
  },
  'only customers who agreed to hear from the business on this channel: email or sms': {
    sl: 'samo stranke, ki so privolile v sporočila po tem kanalu: email ali sms',
    tr: 'yalnızca bu kanaldan haber almayı kabul eden müşteriler: email ya da sms',
    da: 'kun kunder, der har sagt ja til at høre fra virksomheden på denne kanal: email eller sms',
    ru: 'только клиенты, согласные получать сообщения по этому каналу: email или sms',
  },
  'the order: created_at (the default, newest first), customer_since (the longest-standing customers first), name, last_purchase_at, net_spend, purchases or points; a leading - for descending (-net_spend: the best customers first)': {
    sl: 'vrstni red: created_at (privzeto, najnovejše najprej), customer_since (najdlje znane stranke najprej), name, last_purchase_at, net_spend, purchases ali points; - na začetku za padajoče (-net_spend: najboljše stranke najprej)',
    tr: 'sıra: created_at (varsayılan, en yeni önce), customer_since (en eski müşteriler önce), name, last_purchase_at, net_spend, purchases ya da points; azalan için başta - (-net_spend: en iyi müşteriler önce)',
    da: 'rækkefølgen: created_at (standard, nyeste først), customer_since (de ældste kunder først), name, last_purchase_at, net_spend, purchases eller points; et - foran for faldende (-net_spend: de bedste kunder først)',
    ru: 'порядок: created_at (по умолчанию, сначала новые), customer_since (сначала самые давние клиенты), name, last_purchase_at, net_spend, purchases или points; - в начале для убывания (-net_spend: сначала лучшие клиенты)',
  },
  'at most this many customers (default 50)': {
    sl: 'največ toliko strank (privzeto 50)', tr: 'en fazla bu kadar müşteri (varsayılan 50)', da: 'højst så mange kunder (standard 50)', ru: 'не больше стольких клиентов (по умолчанию 50)',
  },
  'go on after the customers a run before printed, from the cursor it printed': {
    sl: 'nadaljuj za strankami, ki jih je izpisal prejšnji zagon, od kazalca, ki ga je izpisal',
    tr: 'önceki çalıştırmanın yazdırdığı müşterilerden sonra, yazdırdığı imleçten devam et',
    da: 'fortsæt efter de kunder, en tidligere kørsel viste, fra den markør, den viste',
    ru: 'продолжить после клиентов, выведенных прошлым запуском, с выведенного им курсора',
  },
  'every customer that matches, however many': {
    sl: 'vse ustrezne stranke, ne glede na število', tr: 'eşleşen tüm müşteriler, kaç tane olursa olsun', da: 'alle kunder, der matcher, uanset hvor mange', ru: 'все подходящие клиенты, сколько бы их ни было',
  },
  'merge: without it the command only shows both customers side by side, says what it would merge, and changes nothing': {
    sl: 'združi: brez tega ukaz samo prikaže obe stranki drugo ob drugi, pove, kaj bi združil, in ničesar ne spremeni',
    tr: 'birleştir: bu olmadan komut yalnızca iki müşteriyi yan yana gösterir, neyi birleştireceğini söyler ve hiçbir şeyi değiştirmez',
    da: 'læg sammen: uden den viser kommandoen kun begge kunder side om side, siger, hvad den ville lægge sammen, og ændrer intet',
    ru: 'объединить: без этого команда только показывает обоих клиентов рядом, сообщает, что объединила бы, и ничего не меняет',
  },
  'a customer: profile, identities, consent, purchases at a glance and loyalty points and tier': {
    sl: 'stranka: profil, identitete, soglasja, nakupi na kratko ter točke zvestobe in raven',
    tr: 'bir müşteri: profil, kimlikler, izinler, bir bakışta alışverişler ve sadakat puanları ile seviye',
    da: 'en kunde: profil, identiteter, samtykke, køb i overblik samt loyalitetspoint og niveau',
    ru: 'клиент: профиль, идентификаторы, согласия, покупки вкратце, баллы лояльности и уровень',
  },
  'everything stored about a customer, as JSON (a data access request): to standard output, or to a file': {
    sl: 'vse, kar je shranjeno o stranki, kot JSON (zahteva za dostop do podatkov): na standardni izhod ali v datoteko',
    tr: 'bir müşteri hakkında saklanan her şey, JSON olarak (veri erişim talebi): standart çıktıya ya da bir dosyaya',
    da: 'alt, der er gemt om en kunde, som JSON (en anmodning om indsigt): til standardoutput eller til en fil',
    ru: 'всё, что хранится о клиенте, в JSON (запрос на доступ к данным): в стандартный вывод или в файл',
  },
  'write it to this file (readable by you alone) instead of standard output': {
    sl: 'zapiši v to datoteko (berljivo samo vam) namesto na standardni izhod',
    tr: 'standart çıktı yerine bu dosyaya yaz (yalnızca sizin okuyabileceğiniz)',
    da: 'skriv det til denne fil (kun læsbar for dig) i stedet for standardoutput',
    ru: 'записать в этот файл (доступный для чтения только вам) вместо стандартного вывода',
  },
  "erase a customer's personal data (a request to be forgotten): purchases and totals stay, anonymous; their points are forfeited; cannot be undone": {
    sl: 'izbriši osebne podatke stranke (zahteva za pozabo): nakupi in seštevki ostanejo, anonimno; njene točke zapadejo; ni mogoče razveljaviti',
    tr: 'bir müşterinin kişisel verilerini sil (unutulma talebi): alışverişler ve toplamlar anonim olarak kalır; puanları yanar; geri alınamaz',
    da: 'slet en kundes personoplysninger (en anmodning om at blive glemt): køb og totaler bliver, anonymt; deres point fortabes; kan ikke fortrydes',
    ru: 'удалить персональные данные клиента (запрос на забвение): покупки и итоги остаются, обезличенно; баллы аннулируются; нельзя отменить',
  },
  'erase: without it the command only says what it would erase, and changes nothing': {
    sl: 'izbriši: brez tega ukaz samo pove, kaj bi izbrisal, in ničesar ne spremeni',
    tr: 'sil: bu olmadan komut yalnızca neyi sileceğini söyler ve hiçbir şeyi değiştirmez',
    da: 'slet: uden den siger kommandoen kun, hvad den ville slette, og ændrer intet',
    ru: 'удалить: без этого команда только сообщает, что удалила бы, и ничего не меняет',
  },
  'merge a duplicate into a customer: its identities, purchases, points and history move to the customer kept; cannot be undone': {
    sl: 'združi dvojnika s stranko: njegove identitete, nakupi, točke in zgodovina se premaknejo k ohranjeni stranki; ni mogoče razveljaviti',
    tr: 'bir kopyayı müşteriyle birleştir: kimlikleri, alışverişleri, puanları ve geçmişi korunan müşteriye taşınır; geri alınamaz',
    da: 'læg en dublet sammen med en kunde: dens identiteter, køb, point og historik flyttes til kunden, der beholdes; kan ikke fortrydes',
    ru: 'объединить дубликат с клиентом: его идентификаторы, покупки, баллы и история переходят к сохраняемому клиенту; нельзя отменить',
  },
  'the customer kept: their id, email, phone or card number': {
    sl: 'stranka, ki ostane: njen id, e-naslov, telefon ali številka kartice',
    tr: 'korunan müşteri: kimliği, e-postası, telefonu ya da kart numarası',
    da: 'kunden, der beholdes: deres id, e-mail, telefon eller kortnummer',
    ru: 'сохраняемый клиент: его id, эл. почта, телефон или номер карты',
  },
  'the duplicate merged into it (it answers no more, except to say where it went): its id, email, phone or card number': {
    sl: 'dvojnik, ki se združi z njo (ne odgovarja več, razen da pove, kam je šel): njegov id, e-naslov, telefon ali številka kartice',
    tr: 'onunla birleştirilen kopya (artık yalnızca nereye gittiğini söyler): kimliği, e-postası, telefonu ya da kart numarası',
    da: 'dubletten, der lægges sammen med den (den svarer ikke mere, kun med hvor den blev af): dens id, e-mail, telefon eller kortnummer',
    ru: 'дубликат, объединяемый с ним (больше не отвечает, кроме как куда перешёл): его id, эл. почта, телефон или номер карты',
  },
};
