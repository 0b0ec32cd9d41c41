import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars loyalty` and of its commands on the program and the whole ledger:
// apply, verify, report, maintain and schema (src/cli/commands/loyalty.ts) and simulate
// (loyalty-simulate.ts), keyed by its English text as cli-help.ts says; part of CLI_HELP
// there. A file of its own, as each command group has, so that cli-help.ts keeps to the
// program's own options and its smaller commands; a member's `loyalty account` and
// `loyalty adjust` are in cli-help-members.ts.

export const CLI_HELP_LOYALTY: Readonly<Record<string, HelpTranslations>> = {
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
  'upgrade_now (only upward moves now) or reevaluate_now (up and down now); a level the version drops or recodes has its members re-placed under either': {
    sl: 'upgrade_now (zdaj samo premiki navzgor) ali reevaluate_now (zdaj navzgor in navzdol); člane ravni, ki jo različica odstrani ali ji spremeni kodo, razvrsti na novo pri obeh',
    tr: 'upgrade_now (şimdi yalnızca yukarı) veya reevaluate_now (şimdi yukarı ve aşağı); sürümün kaldırdığı ya da kodunu değiştirdiği seviyenin üyeleri her ikisinde de yeniden yerleştirilir',
    da: 'upgrade_now (kun op nu) eller reevaluate_now (op og ned nu); medlemmer af et niveau, som versionen fjerner eller giver en ny kode, placeres på ny under begge',
    ru: 'upgrade_now (сейчас только вверх) или reevaluate_now (сейчас вверх и вниз); участники уровня, который версия убирает или переименовывает (новый код), переводятся заново при любой из них',
  },
  'why this version (kept with it)': {
    sl: 'zakaj ta različica (shranjeno z njo)',
    tr: 'bu sürüm neden (onunla birlikte saklanır)',
    da: 'hvorfor denne version (gemmes sammen med den)',
    ru: 'зачем эта версия (хранится вместе с ней)',
  },
  'replay the purchases since a date against a proposed program; changes nothing': {
    sl: 'preračunaj nakupe od datuma naprej po predlaganem programu; ne spremeni ničesar',
    tr: 'bir tarihten bu yana yapılan satın almaları önerilen programla yeniden hesapla; hiçbir şeyi değiştirmez',
    da: 'genberegn købene siden en dato efter et foreslået program; ændrer intet',
    ru: 'пересчитать покупки с указанной даты по предлагаемой программе; ничего не меняет',
  },
  'the proposed program document (JSON)': { sl: 'dokument predlaganega programa (JSON)', tr: 'önerilen program belgesi (JSON)', da: 'det foreslåede programdokument (JSON)', ru: 'документ предлагаемой программы (JSON)' },
  'the first day whose purchases are replayed (required): YYYY-MM-DD, or an ISO 8601 timestamp with its offset': {
    sl: 'prvi dan, od katerega se nakupi preračunajo (obvezno): YYYY-MM-DD ali časovni žig ISO 8601 z zamikom',
    tr: 'satın almaların yeniden hesaplanacağı ilk gün (zorunlu): YYYY-MM-DD ya da saat farkıyla bir ISO 8601 zaman damgası',
    da: 'den første dag, hvis køb genberegnes (påkrævet): YYYY-MM-DD eller et ISO 8601-tidsstempel med forskydning',
    ru: 'первый день, с которого пересчитываются покупки (обязательно): YYYY-MM-DD или метка времени ISO 8601 со смещением',
  },
  "prove every points account's balance against its ledger (members', and those of customers merged or erased since); exits 1 on any mismatch": {
    sl: 'dokaži stanje vsakega računa točk z njegovo evidenco (članov in strank, ki so bile od tedaj združene ali izbrisane); ob kakršnem koli neskladju konča s kodo 1',
    tr: 'her puan hesabının bakiyesini kendi kayıtlarına karşı kanıtla (üyelerin ve o zamandan beri birleştirilmiş ya da silinmiş müşterilerin); herhangi bir uyuşmazlıkta 1 koduyla çıkar',
    da: 'bevis hver pointkontos saldo mod dens posteringer (medlemmernes og dem for kunder, der siden er flettet eller slettet); afslutter med 1 ved enhver uoverensstemmelse',
    ru: 'сверить баланс каждого счёта баллов с его журналом (участников, а также клиентов, объединённых или удалённых с тех пор); при любом расхождении завершается с кодом 1',
  },
  'first local date YYYY-MM-DD of a period: its movements, issued points and rates (default: since the ledger began)': {
    sl: 'prvi krajevni datum YYYY-MM-DD obdobja: njegova gibanja, izdane točke in deleži (privzeto: od začetka evidence)',
    tr: 'bir dönemin ilk yerel tarihi YYYY-MM-DD: hareketleri, verilen puanları ve oranları (varsayılan: kayıtların başından beri)',
    da: 'første lokale dato YYYY-MM-DD i en periode: dens bevægelser, udstedte point og andele (standard: siden posteringerne begyndte)',
    ru: 'первая местная дата периода YYYY-MM-DD: его движения, выданные баллы и доли (по умолчанию: с начала журнала)',
  },
  'last local date YYYY-MM-DD of a period, inclusive (default: up to now)': {
    sl: 'zadnji krajevni datum YYYY-MM-DD obdobja, vključno (privzeto: do zdaj)',
    tr: 'bir dönemin son yerel tarihi YYYY-MM-DD, dahil (varsayılan: şu ana kadar)',
    da: 'sidste lokale dato YYYY-MM-DD i en periode, inklusive (standard: indtil nu)',
    ru: 'последняя местная дата периода YYYY-MM-DD включительно (по умолчанию: до текущего момента)',
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
};
