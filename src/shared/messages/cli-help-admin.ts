import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars users role/disable/enable/list` (src/cli/commands/users.ts) and
// `regulars audit` (src/cli/commands/audit.ts), keyed by its English text as cli-help.ts
// says; part of CLI_HELP there. Flags, actions, actors and formats (--all, loyalty.adjust,
// user:<email>, YYYY-MM-DD) stay as written.

export const CLI_HELP_ADMIN: Readonly<Record<string, HelpTranslations>> = {
  'list the staff users: their roles, whether they may log in, their last login': {
    sl: 'izpiši uporabnike: njihove vloge, ali se lahko prijavijo, njihovo zadnjo prijavo',
    tr: 'personel kullanıcılarını listele: rolleri, giriş yapıp yapamayacakları, son girişleri',
    da: 'vis brugerne: deres roller, om de må logge ind, deres seneste login',
    ru: 'список пользователей: их роли, разрешён ли им вход, их последний вход',
  },
  "change a staff user's role; the last active owner keeps theirs": {
    sl: 'spremeni vlogo uporabnika; zadnji aktivni lastnik svojo obdrži',
    tr: 'bir personel kullanıcısının rolünü değiştir; son etkin sahip rolünü korur',
    da: 'skift en brugers rolle; den sidste aktive ejer beholder sin',
    ru: 'изменить роль пользователя; последний активный владелец сохраняет свою',
  },
  'stop a staff user from logging in and end their sessions; the last active owner cannot be stopped': {
    sl: 'ustavi prijave uporabnika in končaj njegove seje; zadnjemu aktivnemu lastniku jih ni mogoče ustaviti',
    tr: 'bir personel kullanıcısının girişini durdur ve oturumlarını sonlandır; son etkin sahibin girişi durdurulamaz',
    da: 'stop en brugers login og afslut brugerens sessioner; den sidste aktive ejer kan ikke stoppes',
    ru: 'закрыть пользователю вход и завершить его сеансы; последнему активному владельцу вход закрыть нельзя',
  },
  'allow a stopped staff user to log in again, with their password': {
    sl: 'znova dovoli prijave ustavljenemu uporabniku, z njegovim geslom',
    tr: 'girişi durdurulmuş bir personel kullanıcısının parolasıyla yeniden giriş yapmasına izin ver',
    da: 'tillad en stoppet bruger at logge ind igen, med sin adgangskode',
    ru: 'снова разрешить вход пользователю, которому он был закрыт, с его паролем',
  },
  'the activity log: every admin and staff write, newest first — who made it, what it was and what it was about': {
    sl: 'dnevnik dejavnosti: vsaka sprememba skrbnikov in osebja, najnovejša najprej — kdo jo je naredil, kaj je bila in na kaj se je nanašala',
    tr: 'etkinlik günlüğü: yöneticilerin ve personelin her değişikliği, en yenisi önce — kimin yaptığı, ne olduğu ve neyle ilgili olduğu',
    da: 'aktivitetsloggen: hver ændring foretaget af administratorer og personale, nyeste først — hvem der lavede den, hvad den var, og hvad den drejede sig om',
    ru: 'журнал действий: каждое изменение администраторов и сотрудников, сначала новые — кто его сделал, что это было и чего оно касалось',
  },
  'only this action (loyalty.adjust), or a family of actions ending in a dot (loyalty., user.)': {
    sl: 'samo to dejanje (loyalty.adjust) ali družina dejanj, ki se konča s piko (loyalty., user.)',
    tr: 'yalnızca bu eylem (loyalty.adjust) ya da noktayla biten bir eylem ailesi (loyalty., user.)',
    da: 'kun denne handling (loyalty.adjust) eller en familie af handlinger, der ender med et punktum (loyalty., user.)',
    ru: 'только это действие (loyalty.adjust) или семейство действий, оканчивающееся точкой (loyalty., user.)',
  },
  "only this kind of action, as the dashboard's Activity tab filters them": {
    sl: 'samo ta vrsta dejanj, kot jih filtrira zavihek Dejavnost na nadzorni plošči',
    tr: 'yalnızca bu tür eylemler, yönetim panelinin Etkinlik sekmesinin süzdüğü gibi',
    da: 'kun denne slags handlinger, som kontrolpanelets fane Aktivitet filtrerer dem',
    ru: 'только этот вид действий, как их фильтрует вкладка «Журнал» панели управления',
  },
  'only what this one did, as the log names them: user:<email> (or the email alone), key:<name>, cli, system, import': {
    sl: 'samo to, kar je naredil ta, kot ga imenuje dnevnik: user:<email> (ali samo e-pošta), key:<name>, cli, system, import',
    tr: 'yalnızca bunun yaptıkları, günlüğün adlandırdığı gibi: user:<email> (ya da yalnızca e-posta), key:<name>, cli, system, import',
    da: 'kun hvad denne gjorde, som loggen navngiver dem: user:<email> (eller e-mailen alene), key:<name>, cli, system, import',
    ru: 'только то, что сделал этот участник, как его называет журнал: user:<email> (или просто адрес эл. почты), key:<name>, cli, system, import',
  },
  "only entries about this, as the log names it: a customer's id, a gift card's code, a user's email, a store's code…": {
    sl: 'samo vnosi o tem, kot ga imenuje dnevnik: id stranke, koda darilne kartice, e-pošta uporabnika, koda poslovalnice …',
    tr: 'yalnızca bununla ilgili kayıtlar, günlüğün adlandırdığı gibi: bir müşterinin kimliği, bir hediye kartının kodu, bir kullanıcının e-postası, bir mağazanın kodu…',
    da: 'kun poster om dette, som loggen navngiver det: en kundes id, et gavekorts kode, en brugers e-mail, en butiks kode …',
    ru: 'только записи об этом, как его называет журнал: id клиента, код подарочной карты, адрес пользователя, код точки продаж…',
  },
  "entries at or after this: an ISO timestamp with its offset, or a date YYYY-MM-DD (its start in the business's time zone)": {
    sl: 'vnosi od tega trenutka naprej: časovni žig ISO z zamikom ali datum YYYY-MM-DD (njegov začetek v časovnem pasu podjetja)',
    tr: 'bu andan itibaren kayıtlar: farkıyla birlikte bir ISO zaman damgası ya da bir YYYY-MM-DD tarihi (işletmenin saat dilimindeki başlangıcı)',
    da: 'poster på eller efter dette tidspunkt: et ISO-tidsstempel med forskydning eller en dato YYYY-MM-DD (dens begyndelse i virksomhedens tidszone)',
    ru: 'записи с этого момента: метка времени ISO со смещением или дата YYYY-MM-DD (её начало в часовом поясе компании)',
  },
  'entries before this: an ISO timestamp with its offset, or a date YYYY-MM-DD (its start: that day is left out)': {
    sl: 'vnosi pred tem trenutkom: časovni žig ISO z zamikom ali datum YYYY-MM-DD (njegov začetek: ta dan je izpuščen)',
    tr: 'bu andan önceki kayıtlar: farkıyla birlikte bir ISO zaman damgası ya da bir YYYY-MM-DD tarihi (başlangıcı: o gün dahil değildir)',
    da: 'poster før dette tidspunkt: et ISO-tidsstempel med forskydning eller en dato YYYY-MM-DD (dens begyndelse: den dag er ikke med)',
    ru: 'записи до этого момента: метка времени ISO со смещением или дата YYYY-MM-DD (её начало: сам этот день не входит)',
  },
  'at most this many entries (default 50)': {
    sl: 'največ toliko vnosov (privzeto 50)',
    tr: 'en fazla bu kadar kayıt (varsayılan 50)',
    da: 'højst så mange poster (standard 50)',
    ru: 'не больше стольких записей (по умолчанию 50)',
  },
  'go on after the entries a run before printed, from the cursor it printed': {
    sl: 'nadaljuj za vnosi, ki jih je izpisal prejšnji zagon, od kazalca, ki ga je izpisal',
    tr: 'önceki çalıştırmanın yazdığı kayıtlardan sonra, yazdığı imleçten devam et',
    da: 'fortsæt efter de poster, en tidligere kørsel skrev, fra den markør, den skrev',
    ru: 'продолжить после записей, выведенных предыдущим запуском, с выведенного им курсора',
  },
  'every entry that matches, however many': {
    sl: 'vsi ustrezni vnosi, ne glede na število',
    tr: 'eşleşen tüm kayıtlar, kaç tane olursa olsun',
    da: 'alle poster, der passer, uanset hvor mange',
    ru: 'все подходящие записи, сколько бы их ни было',
  },
};
