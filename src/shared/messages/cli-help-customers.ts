import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars customers …` (src/cli/commands/customers.ts), keyed by its English
// text as cli-help.ts says; part of CLI_HELP there.

export const CLI_HELP_CUSTOMERS: Readonly<Record<string, HelpTranslations>> = {
  'one customer: their profile, a copy of everything stored about them, erasing their personal data, merging a duplicate': {
    sl: 'ena stranka: njen profil, kopija vsega, kar je shranjeno o njej, izbris njenih osebnih podatkov, združitev dvojnika',
    tr: 'tek müşteri: profili, hakkında saklanan her şeyin bir kopyası, kişisel verilerinin silinmesi, bir kopyanın birleştirilmesi',
    da: 'én kunde: profilen, en kopi af alt, der er gemt om dem, sletning af deres personoplysninger, sammenlægning af en dublet',
    ru: 'один клиент: профиль, копия всего, что о нём хранится, удаление его персональных данных, объединение дубликата',
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
