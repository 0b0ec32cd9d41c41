// What `regulars audit` prints (src/cli/commands/audit-text.ts): the activity log told in
// words as the dashboard's Settings → Activity tells it — its actions in the dashboard's
// words (audit-text.test.ts checks they stay the same), who did it, what it was about and
// the details an action recorded. An action this version has no words for is printed by
// its code, its details as recorded. Ids, codes, emails, amounts and scopes stay as written.

export const CLI_AUDIT = {
  // ── Who did it ──
  'cli.audit.who.key': { en: 'API key “{name}”', sl: 'Ključ API »{name}«', tr: 'API anahtarı “{name}”', da: 'API-nøgle “{name}”', ru: 'Ключ API «{name}»' },
  'cli.audit.who.key_revoked': { en: 'revoked since', sl: 'medtem ukinjen', tr: 'sonradan iptal edildi', da: 'tilbagekaldt siden', ru: 'с тех пор отозван' },
  'cli.audit.who.cli': { en: 'Command line', sl: 'Ukazna vrstica', tr: 'Komut satırı', da: 'Kommandolinjen', ru: 'Командная строка' },
  'cli.audit.who.system': { en: 'Regulars itself', sl: 'Regulars sam', tr: 'Regulars’ın kendisi', da: 'Regulars selv', ru: 'Сам Regulars' },
  'cli.audit.who.import': { en: 'An import', sl: 'Uvoz', tr: 'Bir içe aktarma', da: 'En import', ru: 'Импорт' },
  'cli.audit.who.demo': { en: 'The demo', sl: 'Demo', tr: 'Demo', da: 'Demoen', ru: 'Демо' },
  'cli.audit.who.automatic_enrolment': { en: 'Automatic enrolment', sl: 'Samodejna včlanitev', tr: 'Otomatik üyelik', da: 'Automatisk indmeldelse', ru: 'Автоматическое вступление' },

  // ── What was done (the dashboard's activity.action.*) ──
  'cli.audit.action.loyalty.adjust': { en: 'Adjusted points', sl: 'Ročna sprememba točk', tr: 'Puanları düzeltti', da: 'Justerede point', ru: 'Ручная корректировка баллов' },
  'cli.audit.action.loyalty.enrol': { en: 'Enrolled a member', sl: 'Včlanitev v program', tr: 'Programa üye kaydetti', da: 'Meldte et medlem ind', ru: 'Вступление в программу' },
  'cli.audit.action.loyalty.program.apply': { en: 'Published the program', sl: 'Objava programa', tr: 'Programı yayımladı', da: 'Udgav programmet', ru: 'Публикация программы' },
  'cli.audit.action.loyalty.referral.claim': { en: 'Recorded a referral', sl: 'Zapis priporočila', tr: 'Bir tavsiyeyi kaydetti', da: 'Registrerede en henvisning', ru: 'Запись приглашения' },
  'cli.audit.action.loyalty.bonus.survey': { en: 'Gave a survey bonus', sl: 'Bonus za anketo', tr: 'Anket bonusu verdi', da: 'Gav en bonus for en undersøgelse', ru: 'Бонус за опрос' },
  'cli.audit.action.loyalty.points_forfeited': {
    en: 'Forfeited points at an erasure',
    sl: 'Odvzem točk ob izbrisu',
    tr: 'Silme sırasında puanları düşürdü',
    da: 'Fratog point ved en sletning',
    ru: 'Списание баллов при удалении',
  },
  'cli.audit.action.loyalty.duplicate_bonus_taken_back': {
    en: 'Took back a bonus given twice',
    sl: 'Odvzem dvakrat podeljenega bonusa',
    tr: 'İki kez verilen bir bonusu geri aldı',
    da: 'Tog en bonus, der var givet to gange, tilbage',
    ru: 'Возврат бонуса, выданного дважды',
  },
  'cli.audit.action.loyalty.duplicate_birthday_gift_withdrawn': {
    en: 'Withdrew a second birthday gift',
    sl: 'Umik drugega rojstnodnevnega darila',
    tr: 'İkinci doğum günü hediyesini geri çekti',
    da: 'Trak en ekstra fødselsdagsgave tilbage',
    ru: 'Отзыв второго подарка ко дню рождения',
  },
  'cli.audit.action.loyalty.duplicate_birthday_gift_kept': {
    en: 'Kept a second birthday gift (already used)',
    sl: 'Drugo rojstnodnevno darilo ostane (že uporabljeno)',
    tr: 'İkinci doğum günü hediyesini bıraktı (zaten kullanılmış)',
    da: 'Beholdt en ekstra fødselsdagsgave (allerede brugt)',
    ru: 'Второй подарок ко дню рождения оставлен (уже использован)',
  },
  'cli.audit.action.customer.create': { en: 'Added a customer', sl: 'Nova stranka', tr: 'Müşteri ekledi', da: 'Tilføjede en kunde', ru: 'Новый клиент' },
  'cli.audit.action.customer.update': { en: 'Changed a customer', sl: 'Sprememba stranke', tr: 'Müşteriyi değiştirdi', da: 'Ændrede en kunde', ru: 'Изменение клиента' },
  'cli.audit.action.customer.merge': { en: 'Merged customers', sl: 'Združitev strank', tr: 'Müşterileri birleştirdi', da: 'Lagde kunder sammen', ru: 'Объединение клиентов' },
  'cli.audit.action.customer.erase': { en: 'Erased a customer', sl: 'Izbris stranke', tr: 'Müşteriyi sildi', da: 'Slettede en kunde', ru: 'Удаление клиента' },
  'cli.audit.action.customer.export': { en: "Exported a customer's data", sl: 'Izvoz podatkov stranke', tr: 'Müşterinin verilerini dışa aktardı', da: 'Eksporterede en kundes data', ru: 'Выгрузка данных клиента' },
  'cli.audit.action.purchase.refund': { en: 'Recorded a refund', sl: 'Zapis vračila', tr: 'İade kaydetti', da: 'Registrerede en refundering', ru: 'Запись возврата' },
  'cli.audit.action.coupon.use': { en: 'Used a coupon', sl: 'Uporaba kupona', tr: 'Kupon kullandı', da: 'Brugte en kupon', ru: 'Использование купона' },
  'cli.audit.action.coupon.rollback': { en: 'Gave a coupon use back', sl: 'Razveljavitev uporabe kupona', tr: 'Kupon kullanımını geri aldı', da: 'Rullede en kuponbrug tilbage', ru: 'Отмена использования купона' },
  'cli.audit.action.coupon.campaign.create': {
    en: 'Created a coupon campaign',
    sl: 'Nova kampanja kuponov',
    tr: 'Kupon kampanyası oluşturdu',
    da: 'Oprettede en kuponkampagne',
    ru: 'Новая кампания купонов',
  },
  'cli.audit.action.gift_card.issue': { en: 'Issued a gift card', sl: 'Izdaja darilne kartice', tr: 'Hediye kartı düzenledi', da: 'Udstedte et gavekort', ru: 'Выпуск подарочной карты' },
  'cli.audit.action.gift_card.charge': { en: 'Paid with a gift card', sl: 'Plačilo z darilno kartico', tr: 'Hediye kartıyla ödedi', da: 'Betalte med et gavekort', ru: 'Оплата подарочной картой' },
  'cli.audit.action.gift_card.refund': { en: 'Gave a gift card charge back', sl: 'Vračilo plačila na darilno kartico', tr: 'Hediye kartı ödemesini iade etti', da: 'Gav en gavekortbetaling tilbage', ru: 'Возврат списания на подарочную карту' },
  'cli.audit.action.user.create': { en: 'Added a staff user', sl: 'Nov uporabnik', tr: 'Personel kullanıcısı ekledi', da: 'Tilføjede en bruger', ru: 'Новый пользователь' },
  'cli.audit.action.user.update': { en: 'Changed a staff user', sl: 'Sprememba uporabnika', tr: 'Personel kullanıcısını değiştirdi', da: 'Ændrede en bruger', ru: 'Изменение пользователя' },
  'cli.audit.action.user.reset_password': {
    en: 'Gave a staff user a new password',
    sl: 'Novo geslo za uporabnika',
    tr: 'Personel kullanıcısına yeni parola verdi',
    da: 'Gav en bruger en ny adgangskode',
    ru: 'Новый пароль пользователя',
  },
  'cli.audit.action.api_key.create': { en: 'Created an API key', sl: 'Nov ključ API', tr: 'API anahtarı oluşturdu', da: 'Oprettede en API-nøgle', ru: 'Новый ключ API' },
  'cli.audit.action.api_key.revoke': { en: 'Revoked an API key', sl: 'Ukinitev ključa API', tr: 'API anahtarını iptal etti', da: 'Tilbagekaldte en API-nøgle', ru: 'Отзыв ключа API' },
  'cli.audit.action.webhook.create': { en: 'Added a webhook', sl: 'Nov webhook', tr: 'Webhook ekledi', da: 'Tilføjede en webhook', ru: 'Новый вебхук' },
  'cli.audit.action.webhook.delete': { en: 'Removed a webhook', sl: 'Odstranitev webhooka', tr: 'Webhook’u kaldırdı', da: 'Fjernede en webhook', ru: 'Удаление вебхука' },
  'cli.audit.action.store.create': { en: 'Added a store', sl: 'Nova poslovalnica', tr: 'Mağaza ekledi', da: 'Tilføjede en butik', ru: 'Новая точка продаж' },
  'cli.audit.action.store.update': { en: 'Changed a store', sl: 'Sprememba poslovalnice', tr: 'Mağazayı değiştirdi', da: 'Ændrede en butik', ru: 'Изменение точки продаж' },
  'cli.audit.action.analytics.settings.update': { en: 'Changed the cost to win a customer', sl: 'Sprememba stroška pridobitve stranke', tr: 'Müşteri kazanma maliyetini değiştirdi', da: 'Ændrede prisen for at vinde en kunde', ru: 'Изменение стоимости привлечения клиента' },

  // ── What it was about: {id} in full, as --subject takes it ──
  'cli.audit.about.customer': { en: 'Customer {id}', sl: 'Stranka {id}', tr: 'Müşteri {id}', da: 'Kunde {id}', ru: 'Клиент {id}' },
  'cli.audit.about.purchase': { en: 'Purchase {id}', sl: 'Nakup {id}', tr: 'Alışveriş {id}', da: 'Køb {id}', ru: 'Покупка {id}' },
  'cli.audit.about.campaign': { en: 'Campaign {id}', sl: 'Kampanja {id}', tr: 'Kampanya {id}', da: 'Kampagne {id}', ru: 'Кампания {id}' },
  'cli.audit.about.version': { en: 'Version {version}', sl: 'Različica {version}', tr: 'Sürüm {version}', da: 'Version {version}', ru: 'Версия {version}' },

  // ── The details an action recorded ──
  'cli.audit.details.reason': { en: 'reason: {reason}', sl: 'razlog: {reason}', tr: 'neden: {reason}', da: 'årsag: {reason}', ru: 'причина: {reason}' },
  'cli.audit.details.role': { en: 'role: {role}', sl: 'vloga: {role}', tr: 'rol: {role}', da: 'rolle: {role}', ru: 'роль: {role}' },
  // A user.update that changed the role: {from} and {to} are role names (cli.users.role.*).
  'cli.audit.details.role_change': { en: 'role: {from} → {to}', sl: 'vloga: {from} → {to}', tr: 'rol: {from} → {to}', da: 'rolle: {from} → {to}', ru: 'роль: {from} → {to}' },
  'cli.audit.logins_stopped': { en: 'logins stopped', sl: 'prijave ustavljene', tr: 'girişler durduruldu', da: 'login stoppet', ru: 'входы остановлены' },
  'cli.audit.details.logins_allowed': { en: 'logins allowed', sl: 'prijave dovoljene', tr: 'girişlere izin verildi', da: 'login tilladt', ru: 'входы разрешены' },
  'cli.audit.details.scopes': { en: 'scopes: {scopes}', sl: 'obsegi dostopa: {scopes}', tr: 'yetki kapsamları: {scopes}', da: 'adgangsområder: {scopes}', ru: 'области доступа: {scopes}' },
  'cli.audit.details.fields': { en: 'changed: {fields}', sl: 'spremenjeno: {fields}', tr: 'değişen: {fields}', da: 'ændret: {fields}', ru: 'изменено: {fields}' },
  'cli.audit.details.merged': { en: 'merged in: customer {id}', sl: 'pridružena: stranka {id}', tr: 'birleştirilen: müşteri {id}', da: 'lagt sammen med: kunde {id}', ru: 'присоединён: клиент {id}' },
  'cli.audit.details.forfeited': { en: '{points} forfeited', sl: 'odvzeto: {points}', tr: 'düşülen: {points}', da: '{points} frataget', ru: 'списано: {points}' },
  'cli.audit.details.taken_back': { en: '{points} taken back', sl: 'vzeto nazaj: {points}', tr: 'geri alınan: {points}', da: '{points} taget tilbage', ru: 'возвращено: {points}' },
  // {date}: a day, or a day and a time (dates.ts startText).
  'cli.audit.details.in_force_from': { en: 'in force from {date}', sl: 'velja od {date}', tr: 'geçerlilik başlangıcı: {date}', da: 'gælder fra {date}', ru: 'действует с {date}' },
  'cli.audit.details.note': { en: 'note: {note}', sl: 'opomba: {note}', tr: 'not: {note}', da: 'note: {note}', ru: 'примечание: {note}' },
  'cli.audit.details.amount': { en: 'amount: {amount}', sl: 'znesek: {amount}', tr: 'tutar: {amount}', da: 'beløb: {amount}', ru: 'сумма: {amount}' },
  'cli.audit.details.order': { en: 'order {order}', sl: 'naročilo {order}', tr: 'sipariş {order}', da: 'ordre {order}', ru: 'заказ {order}' },
  'cli.audit.details.code': { en: 'code {code}', sl: 'koda {code}', tr: 'kod {code}', da: 'kode {code}', ru: 'код {code}' },
  'cli.audit.details.order_refunded': { en: 'refunded in full (refund {refund})', sl: 'v celoti vrnjeno (vračilo {refund})', tr: 'tamamen iade edildi (iade {refund})', da: 'refunderet fuldt ud (refundering {refund})', ru: 'полностью возвращён (возврат {refund})' },
  'cli.audit.details.year': { en: 'birthday of {year}', sl: 'rojstni dan leta {year}', tr: '{year} doğum günü', da: 'fødselsdag {year}', ru: 'день рождения, {year} год' },

  // ── The list itself ──
  'cli.audit.none': { en: 'Nothing has been recorded yet.', sl: 'Zapisanega ni še ničesar.', tr: 'Henüz hiçbir şey kaydedilmedi.', da: 'Intet er registreret endnu.', ru: 'Пока ничего не записано.' },
  'cli.audit.none_filtered': { en: 'Nothing matches these filters.', sl: 'Tem filtrom ne ustreza nič.', tr: 'Bu filtrelere uyan bir şey yok.', da: 'Intet passer til disse filtre.', ru: 'Под эти фильтры ничего не подходит.' },
  // After a page with more behind it: the same command with --cursor shows the next.
  'cli.audit.more': {
    en: 'Older entries: the same command with --cursor {cursor} (or --all for every one).',
    sl: 'Starejši vnosi: isti ukaz z --cursor {cursor} (ali --all za vse).',
    tr: 'Daha eski kayıtlar: aynı komutu --cursor {cursor} ile çalıştırın (hepsi için --all).',
    da: 'Ældre poster: samme kommando med --cursor {cursor} (eller --all for dem alle).',
    ru: 'Более ранние записи: та же команда с --cursor {cursor} (или --all, чтобы показать все).',
  },
  'cli.audit.action_or_family': {
    en: 'give --action or --family, not both',
    sl: 'navedite --action ali --family, ne obojega',
    tr: '--action ya da --family verin, ikisini birden değil',
    da: 'angiv --action eller --family, ikke begge',
    ru: 'укажите --action или --family, но не оба',
  },
  'cli.audit.limit_or_all': {
    en: 'give --limit or --all, not both',
    sl: 'navedite --limit ali --all, ne obojega',
    tr: '--limit ya da --all verin, ikisini birden değil',
    da: 'angiv --limit eller --all, ikke begge',
    ru: 'укажите --limit или --all, но не оба',
  },
} as const;
