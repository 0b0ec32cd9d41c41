// What `regulars users …` and `regulars keys list` print (src/cli/commands/users.ts, admin.ts),
// and the words around a date the command line writes (src/cli/dates.ts), told as
// cli-commands.ts says: the dashboard's words where its Settings page has them (roles,
// logins stopped and allowed), so a user reads alike in both. Emails, ids, dates and
// instants stay as written.

export const CLI_ADMIN = {
  // ── A validity (dates.ts validityText): {date} the last day it works, {at} the instant it stops, {from} a day or an instant ──
  'cli.dates.always': { en: 'no time limit', sl: 'brez časovne omejitve', tr: 'süre sınırı yok', da: 'ingen tidsgrænse', ru: 'без ограничения срока' },
  'cli.dates.from': { en: 'from {from}', sl: 'od {from}', tr: '{from} tarihinden itibaren', da: 'fra {from}', ru: 'с {from}' },
  'cli.dates.through': { en: 'through {date}', sl: 'do vključno {date}', tr: '{date} tarihine kadar (dahil)', da: 'til og med {date}', ru: 'по {date} включительно' },
  'cli.dates.until': { en: 'until {at}', sl: 'do {at}', tr: '{at} tarihine kadar', da: 'indtil {at}', ru: 'до {at}' },
  'cli.dates.from_through': {
    en: 'from {from} through {date}', sl: 'od {from} do vključno {date}', tr: '{from} tarihinden {date} tarihine kadar (dahil)', da: 'fra {from} til og med {date}', ru: 'с {from} по {date} включительно',
  },
  'cli.dates.from_until': { en: 'from {from} until {at}', sl: 'od {from} do {at}', tr: '{from} tarihinden {at} tarihine kadar', da: 'fra {from} indtil {at}', ru: 'с {from} до {at}' },

  // ── Roles (the dashboard's, in lower case as a sentence says them) ──
  'cli.users.role.owner': { en: 'owner', sl: 'lastnik', tr: 'sahip', da: 'ejer', ru: 'владелец' },
  'cli.users.role.manager': { en: 'manager', sl: 'vodja', tr: 'müdür', da: 'leder', ru: 'менеджер' },
  'cli.users.role.staff': { en: 'staff', sl: 'osebje', tr: 'personel', da: 'medarbejder', ru: 'сотрудник' },

  // ── users role / disable / enable: what changed, or that nothing did ──
  'cli.users.role_changed': {
    en: 'Role of {email}: {role} (was {was}).',
    sl: 'Vloga uporabnika {email}: {role} (prej {was}).',
    tr: '{email} kullanıcısının rolü: {role} (önceden {was}).',
    da: 'Rolle for {email}: {role} (før {was}).',
    ru: 'Роль пользователя {email}: {role} (было: {was}).',
  },
  'cli.users.owner_may': {
    en: 'An owner may do everything: manage staff users, API keys, stores and webhooks, and publish the loyalty program.',
    sl: 'Lastnik sme vse: upravlja uporabnike, ključe API, poslovalnice in webhooke ter objavlja program zvestobe.',
    tr: 'Sahip her şeyi yapabilir: personel kullanıcılarını, API anahtarlarını, mağazaları ve webhook’ları yönetir, sadakat programını yayımlar.',
    da: 'En ejer må alt: administrere brugere, API-nøgler, butikker og webhooks og udgive loyalitetsprogrammet.',
    ru: 'Владелец может всё: управлять пользователями, ключами API, точками продаж и вебхуками и публиковать программу лояльности.',
  },
  'cli.users.role_unchanged': {
    en: '{email} is already {role}; nothing changed.',
    sl: 'Uporabnik {email} že ima vlogo {role}; nič ni bilo spremenjeno.',
    tr: '{email} zaten {role} rolünde; hiçbir şey değişmedi.',
    da: '{email} har allerede rollen {role}; intet blev ændret.',
    ru: 'У пользователя {email} уже роль «{role}»; ничего не изменено.',
  },
  'cli.users.disabled': {
    en: 'Stopped the logins of {email}: their open sessions have ended. `regulars users enable {email}` allows them again.',
    sl: 'Prijave uporabnika {email} so ustavljene: njegove odprte seje so končane. `regulars users enable {email}` jih znova dovoli.',
    tr: '{email} kullanıcısının girişleri durduruldu: açık oturumları sona erdi. `regulars users enable {email}` girişe yeniden izin verir.',
    da: 'Login for {email} er stoppet: brugerens åbne sessioner er afsluttet. `regulars users enable {email}` tillader login igen.',
    ru: 'Вход пользователя {email} закрыт: его открытые сеансы завершены. `regulars users enable {email}` снова разрешит вход.',
  },
  // {since}: the instant the logins were stopped (dates.ts whenText).
  'cli.users.already_disabled': {
    en: 'The logins of {email} were already stopped (since {since}); nothing changed.',
    sl: 'Prijave uporabnika {email} so bile že ustavljene (od {since}); nič ni bilo spremenjeno.',
    tr: '{email} kullanıcısının girişleri zaten durdurulmuştu ({since} tarihinden beri); hiçbir şey değişmedi.',
    da: 'Login for {email} var allerede stoppet (siden {since}); intet blev ændret.',
    ru: 'Вход пользователя {email} уже был закрыт (с {since}); ничего не изменено.',
  },
  'cli.users.enabled': {
    en: 'Allowed {email} to log in again, with their password.',
    sl: 'Uporabnik {email} se lahko znova prijavi, s svojim geslom.',
    tr: '{email} kullanıcısının parolasıyla yeniden giriş yapmasına izin verildi.',
    da: '{email} kan logge ind igen, med sin adgangskode.',
    ru: 'Пользователю {email} снова разрешён вход с его паролем.',
  },
  'cli.users.already_enabled': {
    en: '{email} may already log in; nothing changed.',
    sl: 'Uporabnik {email} se že lahko prijavi; nič ni bilo spremenjeno.',
    tr: '{email} zaten giriş yapabiliyor; hiçbir şey değişmedi.',
    da: '{email} kan allerede logge ind; intet blev ændret.',
    ru: 'Пользователю {email} вход уже разрешён; ничего не изменено.',
  },
  // The service's refusal (user.last_owner) in the command line's words: who, and the command that helps.
  'cli.users.last_owner': {
    en: '{email} is the only active owner: make another user an owner first (`regulars users role <email> owner`), or nobody could manage users, API keys and stores. Nothing changed.',
    sl: '{email} je edini aktivni lastnik: najprej naredite lastnika iz drugega uporabnika (`regulars users role <email> owner`), sicer nihče ne bi mogel upravljati uporabnikov, ključev API in trgovin. Nič ni bilo spremenjeno.',
    tr: '{email} tek etkin sahiptir: önce başka bir kullanıcıyı sahip yapın (`regulars users role <email> owner`), yoksa kimse kullanıcıları, API anahtarlarını ve mağazaları yönetemez. Hiçbir şey değişmedi.',
    da: '{email} er den eneste aktive ejer: gør først en anden bruger til ejer (`regulars users role <email> owner`), ellers kan ingen administrere brugere, API-nøgler og butikker. Intet blev ændret.',
    ru: '{email} — единственный активный владелец: сначала сделайте владельцем другого пользователя (`regulars users role <email> owner`), иначе никто не сможет управлять пользователями, ключами API и магазинами. Ничего не изменено.',
  },

  // ── users list, keys list: headings and states ──
  'cli.users.email': { en: 'email', sl: 'e-pošta', tr: 'e-posta', da: 'e-mail', ru: 'эл. почта' },
  'cli.users.name': { en: 'name', sl: 'ime', tr: 'ad', da: 'navn', ru: 'имя' },
  'cli.users.role': { en: 'role', sl: 'vloga', tr: 'rol', da: 'rolle', ru: 'роль' },
  'cli.users.logins': { en: 'logins', sl: 'prijave', tr: 'giriş', da: 'login', ru: 'вход' },
  'cli.users.last_login': { en: 'last login', sl: 'zadnja prijava', tr: 'son giriş', da: 'seneste login', ru: 'последний вход' },
  'cli.users.allowed': { en: 'allowed', sl: 'dovoljene', tr: 'izinli', da: 'tilladt', ru: 'разрешён' },
  'cli.users.stopped_since': { en: 'stopped since {since}', sl: 'ustavljene od {since}', tr: '{since} tarihinden beri durduruldu', da: 'stoppet siden {since}', ru: 'закрыт с {since}' },
  'cli.users.never': { en: 'never', sl: 'nikoli', tr: 'hiçbir zaman', da: 'aldrig', ru: 'никогда' },
  'cli.users.none': { en: 'No staff users.', sl: 'Ni uporabnikov.', tr: 'Personel kullanıcısı yok.', da: 'Ingen brugere.', ru: 'Пользователей нет.' },
  'cli.keys.scopes': { en: 'scopes', sl: 'obsegi dostopa', tr: 'yetki kapsamları', da: 'adgangsområder', ru: 'области доступа' },
  'cli.keys.state': { en: 'state', sl: 'stanje', tr: 'durum', da: 'tilstand', ru: 'состояние' },
  'cli.keys.revoked_at': { en: 'revoked {at}', sl: 'preklican {at}', tr: '{at} tarihinde iptal edildi', da: 'tilbagekaldt {at}', ru: 'отозван {at}' },
} as const;
