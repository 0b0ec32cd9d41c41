import type { Entry } from './languages.ts';

// What `regulars loyalty account` and `regulars loyalty adjust` print (src/cli/commands/loyalty-account.ts).
// The entries' own descriptions are the account's, told by the server in the same language.

export const CLI_MEMBERS = {
  'cli.account.not_member': {
    en: '{customer} is not a member of the loyalty program.',
    sl: '{customer} ni član programa zvestobe.',
    tr: '{customer} sadakat programının üyesi değil.',
    da: '{customer} er ikke medlem af loyalitetsprogrammet.',
    ru: '{customer} не участвует в программе лояльности.',
  },
  'cli.account.balance': {
    en: '{customer}: {balance} to spend, {pending} pending',
    sl: '{customer}: {balance} za porabo, {pending} v čakanju',
    tr: '{customer}: harcanabilir {balance}, bekleyen {pending}',
    da: '{customer}: {balance} at bruge, {pending} afventer',
    ru: '{customer}: доступно {balance}, в ожидании {pending}',
  },
  'cli.account.owed': {
    en: 'Owed: {owed} (taken back on a refund after they were spent; the next points earned pay it)',
    sl: 'Dolg: {owed} (odvzeto ob vračilu, ko je bilo že porabljeno; poplačajo ga naslednje prislužene točke)',
    tr: 'Borç: {owed} (harcandıktan sonra bir iadede geri alındı; sonraki kazanılan puanlar öder)',
    da: 'Skyldig: {owed} (taget tilbage ved en refundering efter de var brugt; de næste optjente point betaler det)',
    ru: 'Долг: {owed} (списано при возврате после того, как было потрачено; погасят следующие начисления)',
  },
  'cli.account.tier': {
    en: 'Tier: {tier}, since {since}',
    sl: 'Raven: {tier}, od {since}',
    tr: 'Seviye: {tier}, {since} tarihinden beri',
    da: 'Niveau: {tier}, siden {since}',
    ru: 'Уровень: {tier}, с {since}',
  },
  'cli.account.next_tier': {
    en: 'Next tier: {tier}, {missing} to go',
    sl: 'Naslednja raven: {tier}, manjka še {missing}',
    tr: 'Sonraki seviye: {tier}, kalan {missing}',
    da: 'Næste niveau: {tier}, {missing} mangler',
    ru: 'Следующий уровень: {tier}, осталось {missing}',
  },
  'cli.account.next_expiry': {
    en: 'Next to expire: {points} at {at}',
    sl: 'Naslednje poteče: {points} ob {at}',
    tr: 'Sıradaki sona erme: {points}, {at}',
    da: 'Udløber næste gang: {points} den {at}',
    ru: 'Ближайшее сгорание: {points} в {at}',
  },
  'cli.account.lifetime': {
    en: 'Since joining: earned {earned}, adjusted {adjusted}, redeemed {redeemed}, taken back on refunds {reversed}, expired {expired}',
    sl: 'Od včlanitve: prisluženo {earned}, popravljeno {adjusted}, unovčeno {redeemed}, odvzeto ob vračilih {reversed}, poteklo {expired}',
    tr: 'Katıldığından beri: kazanılan {earned}, düzeltilen {adjusted}, kullanılan {redeemed}, iadelerde geri alınan {reversed}, süresi dolan {expired}',
    da: 'Siden indmeldelsen: optjent {earned}, justeret {adjusted}, indløst {redeemed}, trukket tilbage ved refunderinger {reversed}, udløbet {expired}',
    ru: 'С момента вступления: начислено {earned}, скорректировано {adjusted}, потрачено {redeemed}, списано при возвратах {reversed}, сгорело {expired}',
  },
  'cli.account.entries': {
    en: 'The latest {shown} of {total} entries, oldest first:',
    sl: 'Zadnji vnosi ({shown} od {total}), najstarejši prvi:',
    tr: 'Son kayıtlar ({total} kayıttan {shown}), en eskisi önce:',
    da: 'De seneste posteringer ({shown} af {total}), ældste først:',
    ru: 'Последние записи ({shown} из {total}), сначала старые:',
  },
  'cli.account.entries_all': {
    en: 'All entries ({total}), oldest first:',
    sl: 'Vsi vnosi ({total}), najstarejši prvi:',
    tr: 'Tüm kayıtlar ({total}), en eskisi önce:',
    da: 'Alle posteringer ({total}), ældste først:',
    ru: 'Все записи ({total}), сначала старые:',
  },
  'cli.account.column.when': { en: 'when', sl: 'kdaj', tr: 'ne zaman', da: 'hvornår', ru: 'когда' },
  'cli.account.column.points': { en: 'points', sl: 'točke', tr: 'puan', da: 'point', ru: 'баллы' },
  'cli.account.column.balance': { en: 'balance after', sl: 'stanje po', tr: 'sonraki bakiye', da: 'saldo efter', ru: 'остаток после' },
  'cli.account.column.what': { en: 'what', sl: 'kaj', tr: 'ne', da: 'hvad', ru: 'что' },
  'cli.account.adds_up': {
    en: 'The entries add up to {sum}: the stored balance ({stored}).',
    sl: 'Vsota vnosov je {sum}: shranjeno stanje ({stored}).',
    tr: 'Kayıtların toplamı {sum}: kayıtlı bakiye ({stored}).',
    da: 'Posteringerne summer til {sum}: den gemte saldo ({stored}).',
    ru: 'Сумма записей {sum}: сохранённый остаток ({stored}).',
  },
  'cli.account.does_not_add_up': {
    en: 'MISMATCH: the entries add up to {sum}, the stored balance is {stored} (see `regulars loyalty verify`).',
    sl: 'NESKLADJE: vsota vnosov je {sum}, shranjeno stanje pa {stored} (glejte `regulars loyalty verify`).',
    tr: 'UYUŞMAZLIK: kayıtların toplamı {sum}, kayıtlı bakiye {stored} (bkz. `regulars loyalty verify`).',
    da: 'UOVERENSSTEMMELSE: posteringerne summer til {sum}, den gemte saldo er {stored} (se `regulars loyalty verify`).',
    ru: 'РАСХОЖДЕНИЕ: сумма записей {sum}, сохранённый остаток {stored} (см. `regulars loyalty verify`).',
  },
  'cli.account.adjusted': {
    en: 'Adjusted: {points}.',
    sl: 'Popravljeno: {points}.',
    tr: 'Düzeltildi: {points}.',
    da: 'Justeret: {points}.',
    ru: 'Скорректировано: {points}.',
  },
  'cli.account.challenge': {
    en: 'Challenge “{name}”: {progress} of {goal}{done}',
    sl: 'Izziv „{name}“: {progress} od {goal}{done}',
    tr: '“{name}” görevi: {progress}/{goal}{done}',
    da: 'Udfordringen »{name}«: {progress} af {goal}{done}',
    ru: 'Задание «{name}»: {progress} из {goal}{done}',
  },
  'cli.account.challenge_done': {
    en: ', completed {count}× (last {at})',
    sl: ', opravljen {count}× (nazadnje {at})',
    tr: ', {count} kez tamamlandı (son: {at})',
    da: ', gennemført {count}× (senest {at})',
    ru: ', выполнено {count}× (последний раз {at})',
  },
} as const satisfies Record<string, Entry>;
