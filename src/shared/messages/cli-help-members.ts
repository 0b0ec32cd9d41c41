import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars loyalty account` and `regulars loyalty adjust`
// (src/cli/commands/loyalty-account.ts), keyed by its English text as cli-help.ts says; part
// of CLI_HELP there.

export const CLI_HELP_MEMBERS: Readonly<Record<string, HelpTranslations>> = {
  "a member's points: balance, pending, tier, next expiry and the latest entries explained in words": {
    sl: 'točke člana: stanje, točke v čakanju, raven, naslednji potek in zadnji vnosi, razloženi z besedami',
    tr: 'bir üyenin puanları: bakiye, bekleyenler, seviye, sıradaki sona erme ve kelimelerle açıklanan son kayıtlar',
    da: 'et medlems point: saldo, afventende, niveau, næste udløb og de seneste posteringer forklaret med ord',
    ru: 'баллы участника: остаток, ожидающие, уровень, ближайшее сгорание и последние записи, объяснённые словами',
  },
  'their id, email, phone or card number': {
    sl: 'njihov id, e-naslov, telefon ali številka kartice',
    tr: 'kimliği, e-postası, telefonu ya da kart numarası',
    da: 'deres id, e-mail, telefon eller kortnummer',
    ru: 'их id, эл. почта, телефон или номер карты',
  },
  'how many of the latest entries to print (default 20)': {
    sl: 'koliko zadnjih vnosov izpisati (privzeto 20)',
    tr: 'son kayıtlardan kaç tanesinin yazdırılacağı (varsayılan 20)',
    da: 'hvor mange af de seneste posteringer der skrives (standard 20)',
    ru: 'сколько последних записей вывести (по умолчанию 20)',
  },
  'print every entry': {
    sl: 'izpiši vse vnose',
    tr: 'tüm kayıtları yazdır',
    da: 'skriv alle posteringer',
    ru: 'вывести все записи',
  },
  'add points to a member, or take them (a negative number), with the reason kept in the ledger and the activity log': {
    sl: 'dodaj točke članu ali jih odvzemi (negativno število); razlog se shrani v knjigo točk in dnevnik dejavnosti',
    tr: 'bir üyeye puan ekle ya da al (negatif sayı); neden puan defterinde ve etkinlik günlüğünde tutulur',
    da: 'giv et medlem point, eller tag dem (et negativt tal); årsagen gemmes i pointbogen og aktivitetsloggen',
    ru: 'начислить участнику баллы или списать их (отрицательное число); причина сохраняется в журнале баллов и журнале действий',
  },
  'whole points: 500 adds, -500 takes': {
    sl: 'cele točke: 500 doda, -500 odvzame',
    tr: 'tam puan: 500 ekler, -500 alır',
    da: 'hele point: 500 giver, -500 tager',
    ru: 'целые баллы: 500 начисляет, -500 списывает',
  },
  'why (at least 3 characters; the member may be shown it)': {
    sl: 'zakaj (vsaj 3 znaki; član ga lahko vidi)',
    tr: 'neden (en az 3 karakter; üyeye gösterilebilir)',
    da: 'hvorfor (mindst 3 tegn; medlemmet kan få det vist)',
    ru: 'почему (не менее 3 символов; участник может это увидеть)',
  },
};
