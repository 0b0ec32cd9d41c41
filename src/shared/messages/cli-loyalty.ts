import type { Entry } from './languages.ts';

// `regulars loyalty …` (src/cli/commands/loyalty*.ts), told as cli-commands.ts says. The
// points are Regulars' own word in each language; a number of points stands after a
// label ("točke 1.234", "баллов 1 234") where the word would have to agree with it.

export const CLI_LOYALTY = {
  // ── apply ──
  'cli.apply.applied': {
    en: 'Applied "{name}" as version {version}, effective {effective_from}.',
    sl: 'Program "{name}" je objavljen kot različica {version}, velja od {effective_from}.',
    tr: '"{name}" sürüm {version} olarak yayımlandı, yürürlük: {effective_from}.',
    da: '"{name}" er udgivet som version {version}, gældende fra {effective_from}.',
    ru: 'Программа "{name}" опубликована как версия {version}, действует с {effective_from}.',
  },
  'cli.apply.tiers_unchanged': {
    en: 'Tier rules unchanged: nobody re-placed, tier periods stand.',
    sl: 'Pravila ravni so nespremenjena: nihče ni znova razvrščen, obdobja ravni ostanejo.',
    tr: 'Seviye kuralları değişmedi: kimse yeniden yerleştirilmedi, seviye dönemleri korunuyor.',
    da: 'Niveaureglerne er uændrede: ingen er placeret på ny, niveauperioderne består.',
    ru: 'Правила уровней не изменились: никто не перераспределён, периоды уровней сохраняются.',
  },
  'cli.apply.tiers_deferred': {
    en: 'Nobody is re-placed at once: from when it takes effect, its tier rules place each member at their next purchase (up) and at the end of their tier period (down); --tier-policy applies to a version in force now.',
    sl: 'Nihče ni takoj prerazporejen: ko začne veljati, njena pravila ravni razvrstijo vsakega člana ob njegovem naslednjem nakupu (navzgor) in ob koncu njegovega obdobja ravni (navzdol); --tier-policy velja za različico, ki velja že zdaj.',
    tr: 'Kimse hemen yeniden yerleştirilmez: yürürlüğe girdiğinde seviye kuralları her üyeyi bir sonraki alışverişinde (yukarı) ve seviye döneminin sonunda (aşağı) yerleştirir; --tier-policy şu anda yürürlükte olan bir sürüme uygulanır.',
    da: 'Ingen placeres på ny med det samme: fra den træder i kraft, placerer dens niveauregler hvert medlem ved deres næste køb (op) og ved slutningen af deres niveauperiode (ned); --tier-policy gælder en version, der er i kraft nu.',
    ru: 'Никто не переводится сразу: с момента вступления в силу её правила уровней определяют уровень каждого участника при его следующей покупке (вверх) и в конце его периода уровня (вниз); --tier-policy действует для версии, вступающей в силу сейчас.',
  },
  'cli.apply.tiers_moved': {
    en: 'Tiers ({policy}): {up} up, {down} down, {unchanged} unchanged (keeping their tier period).',
    sl: 'Ravni ({policy}): navzgor {up}, navzdol {down}, brez spremembe {unchanged} (ti obdržijo svoje obdobje ravni).',
    tr: 'Seviyeler ({policy}): {up} yükselen, {down} düşen, {unchanged} değişmeyen (seviye dönemleri korunur).',
    da: 'Niveauer ({policy}): {up} op, {down} ned, {unchanged} uændret (de beholder deres niveauperiode).',
    ru: 'Уровни ({policy}): вверх {up}, вниз {down}, без изменений {unchanged} (у них сохраняется период уровня).',
  },
  'cli.warning': { en: 'Warning: {message}', sl: 'Opozorilo: {message}', tr: 'Uyarı: {message}', da: 'Advarsel: {message}', ru: 'Предупреждение: {message}' },
  // A warning's code scheduled_version_overridden, as the API's English message words it.
  'cli.apply.version_overridden': {
    en: 'Version {version}, scheduled to take effect on {date}, will never be in force: version {applied}, applied after it and in force from {from}, takes precedence on that date too (the version in force is the latest applied whose date has come). To still switch to version {version}\'s rules on {date}, apply its document again with effective_from {date}.',
    sl: 'Različica {version}, ki naj bi začela veljati {date}, ne bo nikoli veljala: različica {applied}, objavljena za njo in veljavna od {from}, ima prednost tudi na ta dan (velja zadnja objavljena različica, katere datum je že napočil). Če želite {date} vseeno preiti na pravila različice {version}, njen dokument znova objavite z effective_from {date}.',
    tr: 'Sürüm {version} {date} tarihinde yürürlüğe girecekti, ama hiç yürürlüğe girmeyecek: ondan sonra yayımlanan ve {from} itibarıyla yürürlükte olan sürüm {applied} o tarihte de önceliklidir (yürürlükteki sürüm, tarihi gelmiş en son yayımlanan sürümdür). {date} tarihinde yine de sürüm {version} kurallarına geçmek için belgesini effective_from {date} ile yeniden yayımlayın.',
    da: 'Version {version}, der skulle træde i kraft {date}, bliver aldrig gældende: version {applied}, udgivet efter den og gældende fra {from}, har forrang også på den dato (den gældende version er den senest udgivne, hvis dato er nået). Vil I stadig skifte til reglerne i version {version} {date}, så udgiv dens dokument igen med effective_from {date}.',
    ru: 'Версия {version}, которая должна была вступить в силу {date}, никогда не будет действовать: версия {applied}, опубликованная после неё и действующая с {from}, имеет приоритет и в эту дату (действует последняя опубликованная версия, дата которой уже наступила). Чтобы всё же перейти на правила версии {version} {date}, опубликуйте её документ снова с effective_from {date}.',
  },

  // ── simulate ──
  // {purchases}: CLI_COUNTS.purchases; {customers}: customersGenitive (whose purchases).
  'cli.simulate.replayed': {
    en: 'Replayed {purchases} of {customers} since {since} ({ms} ms).',
    sl: 'Preračunano od {since}: {purchases} {customers} ({ms} ms).',
    tr: '{since} tarihinden bu yana yeniden hesaplandı: {customers} için {purchases} ({ms} ms).',
    da: 'Genberegnet siden {since}: {purchases} fra {customers} ({ms} ms).',
    ru: 'Пересчитано с {since}: {purchases} от {customers} ({ms} мс).',
  },
  // {points}: CLI_COUNTS.points, the noun in the form its number takes ("192 200 баллов",
  // "2 točki"); the parts in brackets are bare numbers of those points.
  'cli.simulate.proposed': {
    en: 'Proposed program: {points} ({purchase_points} for purchases, {bonus_points} bonuses), worth {value}.',
    sl: 'Predlagani program: {points} (za nakupe {purchase_points}, za bonuse {bonus_points}), vrednost {value}.',
    tr: 'Önerilen program: {points} (alışverişler için {purchase_points}, bonus olarak {bonus_points}), değeri {value}.',
    da: 'Foreslået program: {points} ({purchase_points} for køb, {bonus_points} i bonusser), værd {value}.',
    ru: 'Предлагаемая программа: {points} (за покупки — {purchase_points}, бонусами — {bonus_points}) на сумму {value}.',
  },
  'cli.simulate.in_force': {
    en: 'Program in force (v{version}): {points}, worth {value}.',
    sl: 'Veljavni program (različica {version}): {points}, vrednost {value}.',
    tr: 'Yürürlükteki program (sürüm {version}): {points}, değeri {value}.',
    da: 'Gældende program (version {version}): {points}, værd {value}.',
    ru: 'Действующая программа (версия {version}): {points} на сумму {value}.',
  },
  // {points} and {value} carry their sign: "+1 018 баллов, +10,18 €".
  'cli.simulate.difference': {
    en: 'Difference: {points}, {value}.',
    sl: 'Razlika: {points}, {value}.',
    tr: 'Fark: {points}, {value}.',
    da: 'Forskel: {points}, {value}.',
    ru: 'Разница: {points}, {value}.',
  },
  // Column heads of the bonuses and tiers tables.
  'cli.simulate.bonuses': { en: 'Bonuses', sl: 'Bonusi', tr: 'Bonuslar', da: 'Bonusser', ru: 'Бонусы' },
  'cli.simulate.proposed_column': { en: 'proposed', sl: 'predlog', tr: 'önerilen', da: 'foreslået', ru: 'предложение' },
  'cli.simulate.in_force_column': { en: 'in force', sl: 'veljavni', tr: 'yürürlükte', da: 'gældende', ru: 'действующая' },
  'cli.simulate.triggers_column': { en: 'triggers', sl: 'kolikokrat', tr: 'kaç kez', da: 'antal gange', ru: 'сколько раз' },
  // The bonus kinds' rows, in the dashboard's words for them (its Bonuses card).
  'cli.simulate.bonus.first_purchase': { en: 'First purchase', sl: 'Prvi nakup', tr: 'İlk alışveriş', da: 'Første køb', ru: 'Первая покупка' },
  'cli.simulate.bonus.sign_up': { en: 'Sign-up', sl: 'Včlanitev', tr: 'Üyelik', da: 'Tilmelding', ru: 'Регистрация' },
  'cli.simulate.bonus.birthday': { en: 'Birthday', sl: 'Rojstni dan', tr: 'Doğum günü', da: 'Fødselsdag', ru: 'День рождения' },
  'cli.simulate.bonus.referral': { en: 'Referral', sl: 'Priporočilo', tr: 'Tavsiye', da: 'Henvisning', ru: 'Рекомендация' },
  'cli.simulate.bonus.survey': { en: 'Survey response', sl: 'Odgovor na anketo', tr: 'Anket yanıtı', da: 'Svar på undersøgelse', ru: 'Ответ на опрос' },
  'cli.simulate.bonus.profile_completion': { en: 'Completed profile', sl: 'Izpolnjen profil', tr: 'Tamamlanan profil', da: 'Udfyldt profil', ru: 'Заполненный профиль' },
  'cli.simulate.tiers': { en: 'Tiers', sl: 'Ravni', tr: 'Seviyeler', da: 'Niveauer', ru: 'Уровни' },
  'cli.simulate.today_column': { en: 'today', sl: 'danes', tr: 'bugün', da: 'i dag', ru: 'сегодня' },
  'cli.simulate.not_simulated': {
    en: 'Not simulated: {kind} ({points} paid by the ledger in the period, in neither total). {reason}',
    sl: 'Ni simulirano: {kind} (v obdobju je evidenca točk zanje izplačala {points}, ki niso v nobeni vsoti). {reason}',
    tr: 'Simüle edilmedi: {kind} (dönem içinde puan kayıtlarına göre ödenen {points}, hiçbir toplamda yok). {reason}',
    da: 'Ikke simuleret: {kind} ({points} udbetalt ifølge pointposterne i perioden, i ingen af summerne). {reason}',
    ru: 'Не симулируется: {kind} (за период по журналу операций за них выплачено {points}, они не вошли ни в одну сумму). {reason}',
  },
  'cli.simulate.kind.challenge': { en: 'challenge', sl: 'izzivi', tr: 'görevler', da: 'udfordringer', ru: 'задания' },
  // The report's reasons by their codes, in English as the API's sentences (simulate-bonuses.ts).
  'cli.simulate.challenge_timing': {
    en: 'Challenges are not simulated: a completion depends on when the live engine evaluated it (per dispatch of purchase events, at most one a day, progress counted from the last completion, refunds known by then), which the stored history does not replay faithfully.',
    sl: 'Izzivi niso simulirani: ali je izziv opravljen, je odvisno od tega, kdaj ga je sistem preveril (ob vsaki obdelavi dogodkov nakupov, največ enkrat na dan, napredek šteje od zadnjega opravljenega izziva, upoštevana so do takrat znana vračila), tega pa shranjena zgodovina ne more zvesto ponoviti.',
    tr: 'Görevler simüle edilmez: bir görevin tamamlanması, canlı sistemin onu ne zaman değerlendirdiğine bağlıdır (her alışveriş olayı işlenişinde, günde en fazla bir kez, ilerleme son tamamlanmadan itibaren sayılır, o ana kadar bilinen iadelerle) ve kayıtlı geçmiş bunu aslına uygun biçimde yeniden üretemez.',
    da: 'Udfordringer simuleres ikke: om en er gennemført, afhænger af hvornår systemet vurderede den (ved hver behandling af købshændelser, højst én gang om dagen, fremskridt talt fra seneste gennemførelse, med de refunderinger, der var kendt på det tidspunkt), og det kan den gemte historik ikke genskabe trofast.',
    ru: 'Задания не симулируются: выполнение зависит от того, когда работающая система его проверила (при каждой обработке событий покупок, не чаще раза в день, прогресс считается с последнего выполнения, с учётом известных к тому моменту возвратов), а сохранённая история не позволяет точно это воспроизвести.',
  },
  'cli.simulate.ledger_only_triggers': {
    en: 'Survey and profile-completion bonuses are replayed from the ledger\'s bonus entries: responses and completed profiles leave no other record, so only those a program in force rewarded are counted, and a proposal that adds either bonus shows nothing for it.',
    sl: 'Bonusi za ankete in izpolnjene profile so preračunani iz vnosov bonusov v evidenci točk: odgovori in izpolnjeni profili drugje ne pustijo sledi, zato so šteti le tisti, ki jih je nagradil veljavni program, predlog, ki doda katerega od teh bonusov, pa zanj ne pokaže ničesar.',
    tr: 'Anket ve profil tamamlama bonusları, puan kayıtlarındaki bonus kayıtlarından yeniden hesaplanır: yanıtlar ve tamamlanan profiller başka bir iz bırakmaz; bu yüzden yalnızca yürürlükteki bir programın ödüllendirdikleri sayılır ve bu bonuslardan birini ekleyen bir öneri onun için hiçbir şey göstermez.',
    da: 'Bonusser for undersøgelser og udfyldte profiler genberegnes ud fra pointposternes bonusposter: svar og udfyldte profiler efterlader intet andet spor, så kun dem, et gældende program belønnede, tælles med, og et forslag, der tilføjer en af disse bonusser, viser intet for den.',
    ru: 'Бонусы за опросы и заполненный профиль пересчитываются по бонусным записям журнала операций: ответы и заполненные профили не оставляют других следов, поэтому учитываются только те, что вознаградила действовавшая программа, а предложение, добавляющее один из этих бонусов, ничего по нему не покажет.',
  },
  'cli.simulate.note': { en: 'Note: {note}', sl: 'Opomba: {note}', tr: 'Not: {note}', da: 'Bemærk: {note}', ru: 'Примечание: {note}' },
  'cli.simulate.moves': {
    en: 'Members moving up: {up}, down: {down}, unchanged: {unchanged} (their history replayed under the proposal).',
    sl: 'Premiki članov med ravnmi — navzgor: {up}, navzdol: {down}, brez spremembe: {unchanged} (njihova zgodovina je preračunana po predlogu).',
    tr: 'Yükselen üyeler: {up}, düşen: {down}, değişmeyen: {unchanged} (geçmişleri öneriye göre yeniden hesaplandı).',
    da: 'Medlemmer, der rykker op: {up}, ned: {down}, uændret: {unchanged} (deres historik er genberegnet efter forslaget).',
    ru: 'Переходы участников между уровнями — вверх: {up}, вниз: {down}, без изменений: {unchanged} (их история пересчитана по предложению).',
  },
  'cli.simulate.in_force_moves': {
    en: 'The program in force, replayed the same way, moves members too — up: {up}, down: {down}. Tiers today were set by the tier rules in force when each purchase was made, and publishing re-judges no past purchase: moves like these come from the history, not from the proposal.',
    sl: 'Tudi veljavni program, preračunan na enak način, premakne člane — navzgor: {up}, navzdol: {down}. Današnje ravni so določila pravila ravni, ki so veljala ob posameznem nakupu, objava pa nobenega preteklega nakupa ne presodi znova: takšni premiki izhajajo iz zgodovine, ne iz predloga.',
    tr: 'Yürürlükteki program da aynı şekilde yeniden hesaplandığında üyeleri taşır — yükselen: {up}, düşen: {down}. Bugünkü seviyeleri her alışveriş yapıldığında yürürlükte olan seviye kuralları belirledi ve yayımlamak geçmiş hiçbir alışverişi yeniden değerlendirmez: bu tür değişimler önerinin değil, geçmişin sonucudur.',
    da: 'Også det gældende program, genberegnet på samme måde, flytter medlemmer — op: {up}, ned: {down}. Dagens niveauer blev sat af de niveauregler, der gjaldt, da hvert køb blev foretaget, og en udgivelse bedømmer ingen tidligere køb på ny: sådanne skift kommer fra historikken, ikke fra forslaget.',
    ru: 'Действующая программа, пересчитанная так же, тоже перемещает участников — вверх: {up}, вниз: {down}. Сегодняшние уровни назначены правилами уровней, действовавшими в момент каждой покупки, а публикация не пересматривает прошлые покупки: такие перемещения идут из истории, а не из предложения.',
  },
  'cli.simulate.held_by_period': {
    en: 'Of those reevaluate_now moves down, held today only by their tier period or its grace (below their tier\'s threshold under the rules in force as well): {count}.',
    sl: 'Od tistih, ki jih reevaluate_now premakne navzdol, jih danes na ravni drži le obdobje ravni ali njegov podaljšek (tudi po veljavnih pravilih so pod pragom svoje ravni): {count}.',
    tr: 'reevaluate_now ile düşenlerden bugün seviyesini yalnızca seviye dönemi ya da ek süresiyle koruyanlar (yürürlükteki kurallara göre de seviyelerinin eşiğinin altında): {count}.',
    da: 'Af dem, reevaluate_now flytter ned, holdes i dag kun på niveauet af deres niveauperiode eller dens henstand (også under de gældende regler under niveauets tærskel): {count}.',
    ru: 'Из тех, кого reevaluate_now переместит вниз, сегодня удерживают уровень только его период или льготный срок (их показатель ниже порога уровня и по действующим правилам): {count}.',
  },
  'cli.simulate.up': { en: 'up', sl: 'navzgor', tr: 'yükselir', da: 'op', ru: 'вверх' },
  'cli.simulate.down': { en: 'down', sl: 'navzdol', tr: 'düşer', da: 'ned', ru: 'вниз' },
  'cli.simulate.no_name': { en: '(no name)', sl: '(brez imena)', tr: '(adsız)', da: '(intet navn)', ru: '(без имени)' },
  'cli.simulate.no_tier': { en: '(none)', sl: '(brez)', tr: '(yok)', da: '(intet)', ru: '(нет)' },
  'cli.simulate.more_movers': {
    en: '… and {more} more (--json lists up to 1,000)',
    sl: '… in še {more} (--json jih navede do 1.000)',
    tr: '… ve {more} kişi daha (--json en fazla 1.000 kişiyi listeler)',
    da: '… og {more} mere (--json viser op til 1.000)',
    ru: '… и ещё {more} (--json показывает до 1000)',
  },
  'cli.simulate.publish_moves_nobody': {
    en: 'Publishing it now moves nobody: its tier rules are those in force, and tier periods stand.',
    sl: 'Objava zdaj nikogar ne premakne: njena pravila ravni so enaka veljavnim in obdobja ravni ostanejo.',
    tr: 'Şimdi yayımlamak kimseyi taşımaz: seviye kuralları yürürlüktekilerle aynı ve seviye dönemleri korunur.',
    da: 'At udgive det nu flytter ingen: dets niveauregler er de gældende, og niveauperioderne består.',
    ru: 'Публикация сейчас никого не переместит: её правила уровней совпадают с действующими, и периоды уровней сохраняются.',
  },
  'cli.simulate.publish_moves': {
    en: 'Publishing it now places members by their standing today: --tier-policy upgrade_now moves {keep_up} up; reevaluate_now moves {all_up} up and {all_down} down.',
    sl: 'Objava zdaj razvrsti člane po današnjem stanju: --tier-policy upgrade_now — navzgor {keep_up}; reevaluate_now — navzgor {all_up}, navzdol {all_down}.',
    tr: 'Şimdi yayımlamak üyeleri bugünkü durumlarına göre yerleştirir: --tier-policy upgrade_now ile {keep_up} yükselen; reevaluate_now ile {all_up} yükselen ve {all_down} düşen.',
    da: 'At udgive det nu placerer medlemmerne efter deres stilling i dag: --tier-policy upgrade_now flytter {keep_up} op; reevaluate_now flytter {all_up} op og {all_down} ned.',
    ru: 'Публикация сейчас распределит участников по их текущему положению: --tier-policy upgrade_now — вверх {keep_up}; reevaluate_now — вверх {all_up}, вниз {all_down}.',
  },
  'cli.simulate.publish_moves_dropped': {
    en: 'Publishing it now places members by their standing today: --tier-policy upgrade_now moves {keep_up} up and {keep_down} down (a level it drops or recodes is kept under neither policy); reevaluate_now moves {all_up} up and {all_down} down.',
    sl: 'Objava zdaj razvrsti člane po današnjem stanju: --tier-policy upgrade_now — navzgor {keep_up}, navzdol {keep_down} (ravni, ki jo odstrani ali ji spremeni kodo, ne ohrani nobena politika); reevaluate_now — navzgor {all_up}, navzdol {all_down}.',
    tr: 'Şimdi yayımlamak üyeleri bugünkü durumlarına göre yerleştirir: --tier-policy upgrade_now ile {keep_up} yükselen ve {keep_down} düşen (kaldırdığı ya da kodunu değiştirdiği bir seviye hiçbir politikada korunmaz); reevaluate_now ile {all_up} yükselen ve {all_down} düşen.',
    da: 'At udgive det nu placerer medlemmerne efter deres stilling i dag: --tier-policy upgrade_now flytter {keep_up} op og {keep_down} ned (et niveau, den fjerner eller giver en ny kode, beholdes under ingen af politikkerne); reevaluate_now flytter {all_up} op og {all_down} ned.',
    ru: 'Публикация сейчас распределит участников по их текущему положению: --tier-policy upgrade_now — вверх {keep_up}, вниз {keep_down} (уровень, который она убирает или переименовывает в коде, не сохраняется ни при одной политике); reevaluate_now — вверх {all_up}, вниз {all_down}.',
  },
  'cli.simulate.publish_with': {
    en: 'Publishing with --tier-policy {policy} moves:',
    sl: 'Objava z --tier-policy {policy} premakne:',
    tr: '--tier-policy {policy} ile yayımlamak şunları taşır:',
    da: 'Udgivelse med --tier-policy {policy} flytter:',
    ru: 'Публикация с --tier-policy {policy} переместит:',
  },

  // ── verify ──
  'cli.verify.ok': {
    en: 'OK: {accounts}, {entries} — every balance equals its ledger ({ms} ms).',
    sl: 'V redu: {accounts}, {entries} — vsako stanje se ujema s svojo evidenco ({ms} ms).',
    tr: 'Tamam: {accounts}, {entries} — her bakiye kendi kayıtlarıyla eşleşiyor ({ms} ms).',
    da: 'OK: {accounts}, {entries} — hver saldo svarer til sine posteringer ({ms} ms).',
    ru: 'OK: {accounts}, {entries} — каждый баланс совпадает со своим журналом ({ms} мс).',
  },
  'cli.verify.mismatch': { en: 'MISMATCH: {problems}', sl: 'NESKLADJE: {problems}', tr: 'UYUŞMAZLIK: {problems}', da: 'UOVERENSSTEMMELSE: {problems}', ru: 'РАСХОЖДЕНИЕ: {problems}' },
  // {entry}: '' or cli.verify.entry.
  'cli.verify.problem': {
    en: 'customer {customer}{entry}: {rule} — expected {expected}, found {actual}',
    sl: 'stranka {customer}{entry}: {rule} — pričakovano {expected}, najdeno {actual}',
    tr: 'müşteri {customer}{entry}: {rule} — beklenen {expected}, bulunan {actual}',
    da: 'kunde {customer}{entry}: {rule} — forventet {expected}, fundet {actual}',
    ru: 'клиент {customer}{entry}: {rule} — ожидалось {expected}, найдено {actual}',
  },
  'cli.verify.entry': { en: ' entry {entry}', sl: ' vnos {entry}', tr: ' kayıt {entry}', da: ' postering {entry}', ru: ' запись {entry}' },

  // ── report ──
  // {from}, {to}: the period's local dates, '…' where open.
  'cli.report.period': {
    en: 'Period {from} – {to}: movements, issued points and rates of these days; members, outstanding points and tiers as of now',
    sl: 'Obdobje {from} – {to}: gibanja, izdane točke in deleži teh dni; člani, neporabljene točke in ravni na današnji dan',
    tr: 'Dönem {from} – {to}: hareketler, verilen puanlar ve oranlar bu günlere ait; üyeler, kullanılmamış puanlar ve seviyeler şu anki',
    da: 'Periode {from} – {to}: bevægelser, udstedte point og andele for disse dage; medlemmer, udestående point og niveauer som nu',
    ru: 'Период {from} – {to}: движения, выданные баллы и доли за эти дни; участники, неизрасходованные баллы и уровни на текущий момент',
  },
  // A period's opening and closing (README, "opening and closing"): {date} a local date; the closing now when the period reaches today.
  'cli.report.opening': {
    en: 'Opening, start of {date}: {points} points outstanding, liability {value}',
    sl: 'Začetno stanje, začetek {date}: neporabljene točke {points}, obveznost {value}',
    tr: 'Açılış, {date} başı: kullanılmamış puanlar {points}, yükümlülük {value}',
    da: 'Primo, start på {date}: udestående point {points}, forpligtelse {value}',
    ru: 'Входящий остаток на начало {date}: неизрасходованные баллы {points}, обязательства {value}',
  },
  'cli.report.closing': {
    en: 'Closing, end of {date}: {points} points outstanding, liability {value}',
    sl: 'Končno stanje, konec {date}: neporabljene točke {points}, obveznost {value}',
    tr: 'Kapanış, {date} sonu: kullanılmamış puanlar {points}, yükümlülük {value}',
    da: 'Ultimo, udgangen af {date}: udestående point {points}, forpligtelse {value}',
    ru: 'Исходящий остаток на конец {date}: неизрасходованные баллы {points}, обязательства {value}',
  },
  'cli.report.closing_now': {
    en: 'Closing, now: {points} points outstanding, liability {value}',
    sl: 'Končno stanje, zdaj: neporabljene točke {points}, obveznost {value}',
    tr: 'Kapanış, şu an: kullanılmamış puanlar {points}, yükümlülük {value}',
    da: 'Ultimo, nu: udestående point {points}, forpligtelse {value}',
    ru: 'Исходящий остаток на текущий момент: неизрасходованные баллы {points}, обязательства {value}',
  },
  'cli.report.members': { en: 'Members: {members}', sl: 'Člani: {members}', tr: 'Üyeler: {members}', da: 'Medlemmer: {members}', ru: 'Участники: {members}' },
  'cli.report.outstanding': {
    en: 'Outstanding points: {outstanding} (pending {pending}; owed by members {owed}), liability {value}',
    sl: 'Neporabljene točke: {outstanding} (v čakanju {pending}; dolg članov {owed}), obveznost {value}',
    tr: 'Kullanılmamış puanlar: {outstanding} (beklemede {pending}; üyelerin borcu {owed}), yükümlülük {value}',
    da: 'Udestående point: {outstanding} (afventende {pending}; medlemmernes gæld {owed}), forpligtelse {value}',
    ru: 'Неизрасходованные баллы: {outstanding} (в ожидании {pending}; долг участников {owed}), обязательства {value}',
  },
  'cli.report.issued': {
    en: 'Issued {issued}: earned {earned} + added by staff {added} − taken back on refunds {reversed} ({owed} of them still owed, not taken yet)',
    sl: 'Izdane {issued}: zbrane {earned} + dodalo osebje {added} − odvzete ob vračilih {reversed} (od tega še dolgovane, ne še odvzete: {owed})',
    tr: 'Verilen {issued}: kazanılan {earned} + personelin eklediği {added} − iadelerde geri alınan {reversed} (bunların {owed} tanesi hâlâ borç, henüz geri alınmadı)',
    da: 'Udstedt {issued}: optjent {earned} + tilføjet af personalet {added} − trukket tilbage ved refunderinger {reversed} (heraf {owed} stadig skyldige, ikke trukket endnu)',
    ru: 'Выдано {issued}: начислено {earned} + добавлено персоналом {added} − отозвано при возвратах {reversed} (из них ещё в долгу, пока не отозваны: {owed})',
  },
  // {expiring}: '' or cli.report.expiring; {forfeited}: '' or cli.report.forfeited; {rate}, {breakage}: shares.
  'cli.report.spent': {
    en: 'Taken by staff {taken}, redeemed {redeemed} ({rate} of issued), expired {expired}{expiring}{forfeited} (breakage {breakage})',
    sl: 'Odvzelo osebje {taken}, unovčene {redeemed} ({rate} izdanih), zapadle {expired}{expiring}{forfeited} (delež zapadlih {breakage})',
    tr: 'Personelin düştüğü {taken}, kullanılan {redeemed} (verilenlerin {rate} kadarı), süresi dolan {expired}{expiring}{forfeited} (kullanılmadan sona eren {breakage})',
    da: 'Fratrukket af personalet {taken}, indløst {redeemed} ({rate} af de udstedte), udløbet {expired}{expiring}{forfeited} (udløbet ubrugt {breakage})',
    ru: 'Списано персоналом {taken}, потрачено на награды {redeemed} ({rate} от выданных), сгорело {expired}{expiring}{forfeited} (доля сгоревших {breakage})',
  },
  'cli.report.expiring': {
    en: ' ({points} of them past their date, written off at the next hourly maintenance)',
    sl: ' (od tega jim je rok že potekel: {points}; odpisane bodo ob naslednjem urnem vzdrževanju)',
    tr: ' (bunların {points} tanesinin tarihi geçti, bir sonraki saatlik bakımda silinecek)',
    da: ' (heraf {points} over deres dato, afskrives ved næste timevise vedligeholdelse)',
    ru: ' (из них срок уже истёк у {points}, они будут списаны при ближайшем ежечасном обслуживании)',
  },
  'cli.report.forfeited': {
    en: ', forfeited by erased customers {points}',
    sl: ', odvzete ob izbrisu strank {points}',
    tr: ', silinen müşterilerden düşülen {points}',
    da: ', bortfaldet ved sletning af kunder {points}',
    ru: ', аннулировано при удалении клиентов {points}',
  },
  'cli.report.merges': {
    en: 'Moved between customers by merges: {in} in, {out} out',
    sl: 'Preneseno med strankami ob združitvah: prejete {in}, oddane {out}',
    tr: 'Birleştirmelerde müşteriler arasında aktarılan: {in} giren, {out} çıkan',
    da: 'Flyttet mellem kunder ved sammenlægninger: {in} ind, {out} ud',
    ru: 'Перенесено между клиентами при объединении: получено {in}, передано {out}',
  },
  'cli.report.no_tier': { en: 'no tier', sl: 'brez ravni', tr: 'seviye yok', da: 'intet niveau', ru: 'без уровня' },

  // ── maintain ── ({members}, {customers}: CLI_COUNTS.ofMembers, ofCustomers — whose points)
  'cli.maintain.released': {
    en: 'Checkout reservations released: {count}',
    sl: 'Sproščene rezervacije točk ob plačilu: {count}',
    tr: 'Serbest bırakılan ödeme rezervasyonları: {count}',
    da: 'Frigivne reservationer ved betaling: {count}',
    ru: 'Снято резервов баллов при оплате: {count}',
  },
  'cli.maintain.expired': {
    en: 'Points expired: {points} {members}',
    sl: 'Zapadle točke: {points} {members}',
    tr: 'Süresi dolan puanlar: {points} ({members})',
    da: 'Udløbne point: {points} {members}',
    ru: 'Сгорело баллов: {points} {members}',
  },
  'cli.maintain.debts': {
    en: 'Debts settled from points held beside them: {points} {members}',
    sl: 'Dolgovi, poravnani s točkami, ki so jih člani imeli ob njih: {points} {members}',
    tr: 'Yanlarındaki puanlarla kapatılan borçlar: {points} ({members})',
    da: 'Gæld udlignet med point, der stod ved siden af: {points} {members}',
    ru: 'Долги, погашенные баллами, которые были у участников: {points} {members}',
  },
  'cli.maintain.forfeited': {
    en: 'Points of erased customers forfeited: {points} {customers}',
    sl: 'Odvzete točke izbrisanih strank: {points} {customers}',
    tr: 'Silinen müşterilerin düşülen puanları: {points} ({customers})',
    da: 'Bortfaldne point fra slettede kunder: {points} {customers}',
    ru: 'Аннулировано баллов удалённых клиентов: {points} {customers}',
  },
  'cli.maintain.reminded': { en: 'Expiry reminders: {members}', sl: 'Opomniki o zapadanju točk: {members}', tr: 'Süre dolumu hatırlatmaları: {members}', da: 'Påmindelser om udløb: {members}', ru: 'Напоминания о сгорании: {members}' },
  'cli.maintain.tier_reviews': {
    en: 'Tier reviews: {members}, {down} moved down',
    sl: 'Pregledi ravni: {members}, premaknjeni navzdol: {down}',
    tr: 'Seviye incelemeleri: {members}, {down} düşürüldü',
    da: 'Niveaugennemgange: {members}, {down} rykket ned',
    ru: 'Пересмотр уровней: {members}, понижено: {down}',
  },
  'cli.maintain.birthdays': { en: 'Birthday gifts: {members}', sl: 'Rojstnodnevna darila: {members}', tr: 'Doğum günü hediyeleri: {members}', da: 'Fødselsdagsgaver: {members}', ru: 'Подарки ко дню рождения: {members}' },
} as const satisfies Record<string, Entry>;
