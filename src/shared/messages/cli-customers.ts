import type { Entry } from './languages.ts';

// What `regulars customers …` prints (src/cli/commands/customers.ts): one customer's
// profile, and the data-protection and duplicate actions (export, erase, merge). Amounts
// come written as the language writes money (moneyIn, shared/money.ts: "€30.00", "30,00 €");
// ids, emails, phones, card numbers and instants stay as written.

export const CLI_CUSTOMERS = {
  // ── show ──
  'cli.customers.heading': { en: '{name} ({id})', sl: '{name} ({id})', tr: '{name} ({id})', da: '{name} ({id})', ru: '{name} ({id})' },
  'cli.customers.unnamed': { en: 'Unnamed customer', sl: 'Neimenovana stranka', tr: 'Adsız müşteri', da: 'Unavngiven kunde', ru: 'Клиент без имени' },
  'cli.customers.identities': { en: 'Identities: {identities}', sl: 'Identitete: {identities}', tr: 'Kimlikler: {identities}', da: 'Identiteter: {identities}', ru: 'Идентификаторы: {identities}' },
  'cli.customers.kind.email': { en: 'email {value}', sl: 'e-naslov {value}', tr: 'e-posta {value}', da: 'e-mail {value}', ru: 'эл. почта {value}' },
  'cli.customers.kind.phone': { en: 'phone {value}', sl: 'telefon {value}', tr: 'telefon {value}', da: 'telefon {value}', ru: 'телефон {value}' },
  'cli.customers.kind.external_id': { en: 'card / POS id {value}', sl: 'kartica / id blagajne {value}', tr: 'kart / kasa kimliği {value}', da: 'kort / kasse-id {value}', ru: 'карта / id кассы {value}' },
  'cli.customers.consent': {
    en: 'Consent: email {email}; SMS {sms}',
    sl: 'Soglasje: e-pošta {email}; SMS {sms}',
    tr: 'İzin: e-posta {email}; SMS {sms}',
    da: 'Samtykke: e-mail {email}; SMS {sms}',
    ru: 'Согласие: эл. почта {email}; SMS {sms}',
  },
  'cli.customers.consent.granted': { en: 'granted ({source}, {at})', sl: 'dano ({source}, {at})', tr: 'verildi ({source}, {at})', da: 'givet ({source}, {at})', ru: 'дано ({source}, {at})' },
  'cli.customers.consent.withdrawn': { en: 'withdrawn ({source}, {at})', sl: 'preklicano ({source}, {at})', tr: 'geri çekildi ({source}, {at})', da: 'trukket tilbage ({source}, {at})', ru: 'отозвано ({source}, {at})' },
  'cli.customers.consent.unknown': { en: 'not asked', sl: 'ni vprašano', tr: 'sorulmadı', da: 'ikke spurgt', ru: 'не запрашивалось' },
  'cli.customers.profile': {
    en: 'Language: {language}; time zone: {zone}; birthday: {birthday}; home store: {store}; tags: {tags}',
    sl: 'Jezik: {language}; časovni pas: {zone}; rojstni dan: {birthday}; domača trgovina: {store}; oznake: {tags}',
    tr: 'Dil: {language}; saat dilimi: {zone}; doğum günü: {birthday}; ana mağaza: {store}; etiketler: {tags}',
    da: 'Sprog: {language}; tidszone: {zone}; fødselsdag: {birthday}; hjemmebutik: {store}; mærker: {tags}',
    ru: 'Язык: {language}; часовой пояс: {zone}; день рождения: {birthday}; домашний магазин: {store}; метки: {tags}',
  },
  'cli.customers.since': { en: 'Customer since {date}', sl: 'Stranka od {date}', tr: '{date} tarihinden beri müşteri', da: 'Kunde siden {date}', ru: 'Клиент с {date}' },
  'cli.customers.stats': {
    en: 'Purchases: {purchases}; purchase days: {days}; net spend: {net} (refunded: {refunded}); last: {last}',
    sl: 'Nakupi: {purchases}; dnevi z nakupi: {days}; neto poraba: {net} (vrnjeno: {refunded}); zadnji: {last}',
    tr: 'Alışverişler: {purchases}; alışveriş günleri: {days}; net harcama: {net} (iade: {refunded}); son: {last}',
    da: 'Køb: {purchases}; købsdage: {days}; nettoforbrug: {net} (refunderet: {refunded}); seneste: {last}',
    ru: 'Покупки: {purchases}; дни покупок: {days}; чистые траты: {net} (возвращено: {refunded}); последняя: {last}',
  },
  'cli.customers.no_purchases': { en: 'Purchases: none yet', sl: 'Nakupi: še nobenega', tr: 'Alışverişler: henüz yok', da: 'Køb: ingen endnu', ru: 'Покупки: пока нет' },
  'cli.customers.member': {
    en: 'Loyalty: points to spend: {points}; pending: {pending}; tier: {tier}; member since {since}',
    sl: 'Zvestoba: točke za porabo: {points}; v čakanju: {pending}; raven: {tier}; član od {since}',
    tr: 'Sadakat: harcanabilir puan: {points}; bekleyen: {pending}; seviye: {tier}; üyelik başlangıcı {since}',
    da: 'Loyalitet: point at bruge: {points}; afventer: {pending}; niveau: {tier}; medlem siden {since}',
    ru: 'Лояльность: доступно баллов: {points}; в ожидании: {pending}; уровень: {tier}; участник с {since}',
  },
  'cli.customers.not_member': { en: 'Loyalty: not a member', sl: 'Zvestoba: ni član', tr: 'Sadakat: üye değil', da: 'Loyalitet: ikke medlem', ru: 'Лояльность: не участник' },

  // ── export ──
  'cli.customers.exported': {
    en: 'Wrote everything stored about {customer} to {file}. It holds personal data: keep it safe, and delete it once it has been handed over.',
    sl: 'Vse, kar je shranjeno o stranki {customer}, je zapisano v {file}. Datoteka vsebuje osebne podatke: hranite jo varno in jo izbrišite, ko jo izročite.',
    tr: '{customer} hakkında saklanan her şey {file} dosyasına yazıldı. Dosya kişisel veri içerir: güvenle saklayın ve teslim ettikten sonra silin.',
    da: 'Alt, der er gemt om {customer}, er skrevet til {file}. Filen indeholder personoplysninger: opbevar den sikkert, og slet den, når den er udleveret.',
    ru: 'Всё, что хранится о клиенте {customer}, записано в {file}. Файл содержит персональные данные: храните его надёжно и удалите после передачи.',
  },

  // ── erase ──
  'cli.customers.erase_would': {
    en: 'This would erase the personal data of {customer}: name, identities ({identities}), birthday, language, time zone, home store, tags and consent. Their purchases ({purchases}) and totals stay, anonymous; their loyalty points ({points}) are forfeited. It cannot be undone. Run it again with --yes to erase.',
    sl: 'To bi izbrisalo osebne podatke stranke {customer}: ime, identitete ({identities}), rojstni dan, jezik, časovni pas, domačo trgovino, oznake in soglasja. Njeni nakupi ({purchases}) in seštevki ostanejo, anonimno; njene točke zvestobe ({points}) zapadejo. Tega ni mogoče razveljaviti. Za izbris ukaz zaženite znova z --yes.',
    tr: 'Bu, {customer} müşterisinin kişisel verilerini silecek: ad, kimlikler ({identities}), doğum günü, dil, saat dilimi, ana mağaza, etiketler ve izinler. Alışverişleri ({purchases}) ve toplamlar anonim olarak kalır; sadakat puanları ({points}) yanar. Geri alınamaz. Silmek için --yes ile yeniden çalıştırın.',
    da: 'Dette ville slette personoplysningerne om {customer}: navn, identiteter ({identities}), fødselsdag, sprog, tidszone, hjemmebutik, mærker og samtykke. Deres køb ({purchases}) og totaler bliver, anonymt; deres loyalitetspoint ({points}) fortabes. Det kan ikke fortrydes. Kør den igen med --yes for at slette.',
    ru: 'Это удалит персональные данные клиента {customer}: имя, идентификаторы ({identities}), день рождения, язык, часовой пояс, домашний магазин, метки и согласия. Его покупки ({purchases}) и итоги останутся, обезличенно; его баллы лояльности ({points}) аннулируются. Это нельзя отменить. Чтобы удалить, запустите снова с --yes.',
  },
  'cli.customers.erased': {
    en: 'Erased the personal data of {customer}. Their purchases and totals stay, anonymous; loyalty points forfeited: {points}.',
    sl: 'Osebni podatki stranke {customer} so izbrisani. Njeni nakupi in seštevki ostanejo, anonimno; zapadle točke zvestobe: {points}.',
    tr: '{customer} müşterisinin kişisel verileri silindi. Alışverişleri ve toplamlar anonim olarak kalır; yanan sadakat puanları: {points}.',
    da: 'Personoplysningerne om {customer} er slettet. Deres køb og totaler bliver, anonymt; fortabte loyalitetspoint: {points}.',
    ru: 'Персональные данные клиента {customer} удалены. Его покупки и итоги остались, обезличенно; аннулировано баллов лояльности: {points}.',
  },

  'cli.customers.erased_held': {
    en: 'An open checkout reservation still holds {points} points: no till can use them now, and they are forfeited once it lapses.',
    sl: 'Odprta rezervacija na blagajni še drži {points} točk: nobena blagajna jih ne more več porabiti; zapadejo, ko rezervacija poteče.',
    tr: 'Açık bir kasa rezervasyonu hâlâ {points} puan tutuyor: hiçbir kasa artık bunları kullanamaz; rezervasyonun süresi dolunca yanarlar.',
    da: 'En åben kassereservation holder stadig {points} point: ingen kasse kan bruge dem nu, og de fortabes, når den udløber.',
    ru: 'Открытый резерв на кассе ещё удерживает баллов: {points}; ни одна касса их больше не спишет, они аннулируются, когда резерв истечёт.',
  },
  'cli.customers.erased_merged': {
    en: 'Customers merged into them before lost their personal data too: {count}.',
    sl: 'Tudi stranke, prej združene z njo, so izgubile osebne podatke: {count}.',
    tr: 'Daha önce onunla birleştirilmiş müşterilerin kişisel verileri de silindi: {count}.',
    da: 'Kunder, der tidligere blev lagt sammen med dem, mistede også deres personoplysninger: {count}.',
    ru: 'Клиенты, ранее объединённые с ним, тоже лишились персональных данных: {count}.',
  },

  // ── merge ──
  'cli.customers.merge_would': {
    en: 'This would merge {duplicate} into {survivor}: its identities, purchases, points and history move to the customer kept, and a once-per-person bonus had under both is taken back. It cannot be undone. Run it again with --yes to merge.',
    sl: 'To bi stranko {duplicate} združilo s stranko {survivor}: njene identitete, nakupi, točke in zgodovina se premaknejo k ohranjeni stranki, enkratni bonus, prejet pri obeh, pa se odvzame. Tega ni mogoče razveljaviti. Za združitev ukaz zaženite znova z --yes.',
    tr: 'Bu, {duplicate} müşterisini {survivor} ile birleştirecek: kimlikleri, alışverişleri, puanları ve geçmişi korunan müşteriye taşınır; ikisinde de alınmış kişi başı tek seferlik bonus geri alınır. Geri alınamaz. Birleştirmek için --yes ile yeniden çalıştırın.',
    da: 'Dette ville lægge {duplicate} sammen med {survivor}: dens identiteter, køb, point og historik flyttes til kunden, der beholdes, og en engangsbonus fået under begge tages tilbage. Det kan ikke fortrydes. Kør den igen med --yes for at lægge sammen.',
    ru: 'Это объединит клиента {duplicate} с {survivor}: его идентификаторы, покупки, баллы и история перейдут к сохраняемому клиенту, а единовременный бонус, полученный обоими, будет списан. Это нельзя отменить. Чтобы объединить, запустите снова с --yes.',
  },
  'cli.customers.merge.kept': { en: 'Kept', sl: 'Ostane', tr: 'Korunan', da: 'Beholdes', ru: 'Сохраняется' },
  'cli.customers.merge.duplicate': { en: 'Merged into it', sl: 'Združi se vanjo', tr: 'Onunla birleşen', da: 'Lægges sammen med den', ru: 'Объединяется с ним' },
  'cli.customers.merged': {
    en: 'Merged {duplicate} into {survivor}. Moved: {moved}.',
    sl: 'Stranka {duplicate} je združena s stranko {survivor}. Premaknjeno: {moved}.',
    tr: '{duplicate}, {survivor} ile birleştirildi. Taşınanlar: {moved}.',
    da: '{duplicate} er lagt sammen med {survivor}. Flyttet: {moved}.',
    ru: 'Клиент {duplicate} объединён с {survivor}. Перенесено: {moved}.',
  },
  'cli.customers.merged_before': {
    en: '{duplicate} was merged into {survivor} before: nothing changed. That merge moved: {moved}.',
    sl: 'Stranka {duplicate} je bila s stranko {survivor} združena že prej: nič se ni spremenilo. Takrat premaknjeno: {moved}.',
    tr: '{duplicate} daha önce {survivor} ile birleştirilmişti: hiçbir şey değişmedi. O birleştirmede taşınanlar: {moved}.',
    da: '{duplicate} blev lagt sammen med {survivor} tidligere: intet er ændret. Den sammenlægning flyttede: {moved}.',
    ru: 'Клиент {duplicate} уже был объединён с {survivor}: ничего не изменилось. Тогда перенесено: {moved}.',
  },
  'cli.customers.merged_already': {
    en: '{duplicate} was merged into {survivor} already, on {at}: nothing to merge.',
    sl: 'Stranka {duplicate} je bila s stranko {survivor} združena že {at}: ni česa združiti.',
    tr: '{duplicate}, {survivor} ile zaten {at} tarihinde birleştirildi: birleştirilecek bir şey yok.',
    da: '{duplicate} blev allerede lagt sammen med {survivor} {at}: intet at lægge sammen.',
    ru: 'Клиент {duplicate} уже был объединён с {survivor} {at}: объединять нечего.',
  },
  'cli.customers.moved_nothing': { en: 'nothing', sl: 'nič', tr: 'hiçbir şey', da: 'intet', ru: 'ничего' },
  'cli.customers.moved.identities': { en: 'identities: {count}', sl: 'identitete: {count}', tr: 'kimlikler: {count}', da: 'identiteter: {count}', ru: 'идентификаторы: {count}' },
  'cli.customers.moved.purchases': { en: 'purchases: {count}', sl: 'nakupi: {count}', tr: 'alışverişler: {count}', da: 'køb: {count}', ru: 'покупки: {count}' },
  'cli.customers.moved.loyalty_points': { en: 'loyalty points: {count}', sl: 'točke zvestobe: {count}', tr: 'sadakat puanları: {count}', da: 'loyalitetspoint: {count}', ru: 'баллы лояльности: {count}' },
  'cli.customers.moved.duplicate_bonuses': { en: 'once-per-person bonuses had twice, taken back: {count}', sl: 'dvakrat prejeti enkratni bonusi, odvzeti: {count}', tr: 'iki kez alınan kişi başı tek seferlik bonuslar, geri alındı: {count}', da: 'engangsbonusser fået to gange, taget tilbage: {count}', ru: 'единовременные бонусы, полученные дважды, списаны: {count}' },
  'cli.customers.moved.duplicate_bonus_points': { en: 'points of those bonuses: {count}', sl: 'točke teh bonusov: {count}', tr: 'bu bonusların puanları: {count}', da: 'point af de bonusser: {count}', ru: 'баллы этих бонусов: {count}' },
  'cli.customers.moved.duplicate_birthday_gifts': { en: 'duplicate birthday gifts withdrawn: {count}', sl: 'umaknjena podvojena rojstnodnevna darila: {count}', tr: 'geri çekilen mükerrer doğum günü hediyeleri: {count}', da: 'dobbelte fødselsdagsgaver trukket tilbage: {count}', ru: 'отозванные повторные подарки ко дню рождения: {count}' },
  'cli.customers.moved.referral_codes': { en: 'referral codes: {count}', sl: 'kode priporočil: {count}', tr: 'tavsiye kodları: {count}', da: 'henvisningskoder: {count}', ru: 'реферальные коды: {count}' },
  'cli.customers.moved.coupons': { en: 'coupons: {count}', sl: 'kuponi: {count}', tr: 'kuponlar: {count}', da: 'kuponer: {count}', ru: 'купоны: {count}' },
  'cli.customers.moved.coupon_uses': { en: 'coupon uses: {count}', sl: 'uporabe kuponov: {count}', tr: 'kupon kullanımları: {count}', da: 'kuponindløsninger: {count}', ru: 'использования купонов: {count}' },
  'cli.customers.moved.gift_cards': { en: 'gift cards: {count}', sl: 'darilne kartice: {count}', tr: 'hediye kartları: {count}', da: 'gavekort: {count}', ru: 'подарочные карты: {count}' },
  'cli.customers.moved.referrals': { en: 'referrals: {count}', sl: 'priporočila: {count}', tr: 'tavsiyeler: {count}', da: 'henvisninger: {count}', ru: 'рекомендации: {count}' },
  'cli.customers.moved.referrals_rejected': { en: 'referrals rejected (a person referring themselves): {count}', sl: 'zavrnjena priporočila (oseba je priporočila sebe): {count}', tr: 'reddedilen tavsiyeler (kişi kendini tavsiye etmiş): {count}', da: 'afviste henvisninger (en person, der henviste sig selv): {count}', ru: 'отклонённые рекомендации (человек рекомендовал себя): {count}' },
  'cli.customers.moved.challenge_progress': { en: 'challenge progress: {count}', sl: 'napredek pri izzivih: {count}', tr: 'görev ilerlemesi: {count}', da: 'udfordringsforløb: {count}', ru: 'прогресс заданий: {count}' },
  'cli.customers.moved.tier_history': { en: 'tier changes: {count}', sl: 'spremembe ravni: {count}', tr: 'seviye değişiklikleri: {count}', da: 'niveauskift: {count}', ru: 'смены уровня: {count}' },

  // ── list (and the merge's sides) ──
  'cli.customers.col.customer': { en: 'Customer', sl: 'Stranka', tr: 'Müşteri', da: 'Kunde', ru: 'Клиент' },
  'cli.customers.col.id': { en: 'Id', sl: 'Id', tr: 'Kimlik', da: 'Id', ru: 'Id' },
  'cli.customers.col.identities': { en: 'Identities', sl: 'Identitete', tr: 'Kimlikler', da: 'Identiteter', ru: 'Идентификаторы' },
  'cli.customers.col.net_spend': { en: 'Net spend', sl: 'Neto poraba', tr: 'Net harcama', da: 'Nettoforbrug', ru: 'Чистые траты' },
  'cli.customers.col.since': { en: 'Customer since', sl: 'Stranka od', tr: 'Müşteri olduğu tarih', da: 'Kunde siden', ru: 'Клиент с' },
  'cli.customers.col.last_purchase': { en: 'Last purchase', sl: 'Zadnji nakup', tr: 'Son alışveriş', da: 'Seneste køb', ru: 'Последняя покупка' },
  'cli.customers.col.points': { en: 'Points to spend', sl: 'Točke za porabo', tr: 'Harcanabilir puan', da: 'Point at bruge', ru: 'Доступно баллов' },
  'cli.customers.col.pending': { en: 'Pending points', sl: 'Točke v čakanju', tr: 'Bekleyen puan', da: 'Afventende point', ru: 'Баллы в ожидании' },
  'cli.customers.col.tier': { en: 'Tier', sl: 'Raven', tr: 'Seviye', da: 'Niveau', ru: 'Уровень' },
  'cli.customers.list.none': { en: 'No customers found.', sl: 'Ni najdenih strank.', tr: 'Müşteri bulunamadı.', da: 'Ingen kunder fundet.', ru: 'Клиенты не найдены.' },
  'cli.customers.list.more': {
    en: 'More customers: the same command with --cursor {cursor} (or --all for every one).',
    sl: 'Še več strank: isti ukaz z --cursor {cursor} (ali --all za vse).',
    tr: 'Daha fazla müşteri: aynı komutu --cursor {cursor} ile çalıştırın (hepsi için --all).',
    da: 'Flere kunder: samme kommando med --cursor {cursor} (eller --all for dem alle).',
    ru: 'Есть ещё клиенты: та же команда с --cursor {cursor} (или --all, чтобы показать всех).',
  },
} as const satisfies Record<string, Entry>;
