import type { HelpTranslations } from './cli-help.ts';

// The help of `regulars analyze` and of its commands: clv and
// rfm (src/cli/commands/analyze.ts), scores (analyze-scores.ts), recommend
// (analyze-recommend.ts), metrics (analyze-metrics.ts) and settings (analyze-settings.ts),
// keyed by its English text as cli-help.ts says; part of CLI_HELP there. A file of its own,
// as each command group has, so that cli-help.ts keeps to the program's own options and its
// smaller commands.

export const CLI_HELP_ANALYTICS: Readonly<Record<string, HelpTranslations>> = {
  'customer analytics': { sl: 'analitika strank', tr: 'müşteri analitiği', da: 'kundeanalyse', ru: 'аналитика клиентов' },
  'fit BG/NBD, Pareto/NBD and Gamma-Gamma (from --summary, --purchases, or the database)': {
    sl: 'prilagodi BG/NBD, Pareto/NBD in Gamma-Gamma (iz --summary, --purchases ali podatkovne baze)',
    tr: 'BG/NBD, Pareto/NBD ve Gamma-Gamma modellerini uydur (--summary, --purchases veya veritabanından)',
    da: 'tilpas BG/NBD, Pareto/NBD og Gamma-Gamma (fra --summary, --purchases eller databasen)',
    ru: 'подобрать модели BG/NBD, Pareto/NBD и Gamma-Gamma (по --summary, --purchases или базе данных)',
  },
  'CSV with frequency,recency,T[,monetary_value] (lifetimes) or x,t_x,T[,zbar]': {
    sl: 'CSV s stolpci frequency,recency,T[,monetary_value] (lifetimes) ali x,t_x,T[,zbar]',
    tr: 'frequency,recency,T[,monetary_value] (lifetimes) veya x,t_x,T[,zbar] sütunlu CSV',
    da: 'CSV med frequency,recency,T[,monetary_value] (lifetimes) eller x,t_x,T[,zbar]',
    ru: 'CSV со столбцами frequency,recency,T[,monetary_value] (lifetimes) или x,t_x,T[,zbar]',
  },
  'canonical purchases CSV (customer_external_id|customer_email|customer_phone, occurred_at, total)': {
    sl: 'kanonični CSV nakupov (customer_external_id|customer_email|customer_phone, occurred_at, total)',
    tr: 'kanonik satın alma CSV dosyası (customer_external_id|customer_email|customer_phone, occurred_at, total)',
    da: 'kanonisk købs-CSV (customer_external_id|customer_email|customer_phone, occurred_at, total)',
    ru: 'канонический CSV покупок (customer_external_id|customer_email|customer_phone, occurred_at, total)',
  },
  'day, week or month': { sl: 'day (dan), week (teden) ali month (mesec)', tr: 'day (gün), week (hafta) veya month (ay)', da: 'day (dag), week (uge) eller month (måned)', ru: 'day (день), week (неделя) или month (месяц)' },
  'YYYY-MM-DD; default: the last purchase date': {
    sl: 'YYYY-MM-DD; privzeto: datum zadnjega nakupa',
    tr: 'YYYY-MM-DD; varsayılan: son satın alma tarihi',
    da: 'YYYY-MM-DD; standard: datoen for det seneste køb',
    ru: 'YYYY-MM-DD; по умолчанию: дата последней покупки',
  },
  'YYYY-MM-DD; adds a validation of predictions against (calibration end, holdout end]': {
    sl: 'YYYY-MM-DD; doda preverjanje napovedi na obdobju (konec kalibracije, konec preverjanja]',
    tr: 'YYYY-MM-DD; tahminlerin (kalibrasyon sonu, doğrulama sonu] dönemine karşı sınanmasını ekler',
    da: 'YYYY-MM-DD; tilføjer en validering af forudsigelserne mod (kalibreringens slut, valideringens slut]',
    ru: 'YYYY-MM-DD; добавляет проверку прогнозов на периоде (конец калибровки, конец проверки]',
  },
  'bgnbd, paretonbd, gammagamma or all': { sl: 'bgnbd, paretonbd, gammagamma ali all (vsi)', tr: 'bgnbd, paretonbd, gammagamma veya all (hepsi)', da: 'bgnbd, paretonbd, gammagamma eller all (alle)', ru: 'bgnbd, paretonbd, gammagamma или all (все)' },
  'RFM quintile scores and named segments of the customers who bought': {
    sl: 'ocene RFM po kvintilih in poimenovani segmenti strank, ki so kupovale',
    tr: 'satın alan müşterilerin RFM beşte birlik puanları ve adlandırılmış segmentleri',
    da: 'RFM-kvintilscorer og navngivne segmenter for de kunder, der har købt',
    ru: 'оценки RFM по квинтилям и именованные сегменты покупавших клиентов',
  },
  'machine-readable output (with every customer)': {
    sl: 'strojno berljiv izpis (z vsemi strankami)',
    tr: 'makine tarafından okunabilir çıktı (tüm müşterilerle)',
    da: 'maskinlæsbart output (med hver kunde)',
    ru: 'машиночитаемый вывод (со всеми клиентами)',
  },
  'score every customer now: RFM segment, probability alive, expected purchases, CLV, churn risk (the nightly job, on demand)': {
    sl: 'oceni vse stranke zdaj: segment RFM, verjetnost aktivnosti, pričakovani nakupi, CLV, tveganje odhoda (nočno opravilo, na zahtevo)',
    tr: 'tüm müşterileri şimdi puanla: RFM segmenti, aktif olma olasılığı, beklenen satın almalar, CLV, kayıp riski (gece işi, isteğe bağlı)',
    da: 'scor hver kunde nu: RFM-segment, sandsynlighed for at være aktiv, forventede køb, CLV, frafaldsrisiko (natjobbet, efter behov)',
    ru: 'оценить каждого клиента сейчас: сегмент RFM, вероятность активности, ожидаемые покупки, CLV, риск ухода (ночная задача, по запросу)',
  },
  'last local day of purchases the scores see, YYYY-MM-DD (default: today)': {
    sl: 'zadnji krajevni dan nakupov, ki jih ocene upoštevajo, YYYY-MM-DD (privzeto: danes)',
    tr: 'puanların gördüğü son yerel satın alma günü, YYYY-MM-DD (varsayılan: bugün)',
    da: 'den sidste lokale dag med køb, som scorerne ser, YYYY-MM-DD (standard: i dag)',
    ru: 'последний местный день покупок, который учитывают оценки, YYYY-MM-DD (по умолчанию: сегодня)',
  },
  'churn horizon: no purchase within this many days': {
    sl: 'obzorje odhoda: brez nakupa v toliko dneh',
    tr: 'kayıp ufku: bu kadar gün içinde satın alma yok',
    da: 'frafaldshorisont: intet køb inden for så mange dage',
    ru: 'горизонт ухода: ни одной покупки за столько дней',
  },
  'purchase model: bgnbd or paretonbd': { sl: 'model nakupov: bgnbd ali paretonbd', tr: 'satın alma modeli: bgnbd veya paretonbd', da: 'købsmodel: bgnbd eller paretonbd', ru: 'модель покупок: bgnbd или paretonbd' },
  'products bought together, next-best products for a customer, hit rate against the most popular': {
    sl: 'izdelki, kupljeni skupaj, najprimernejši naslednji izdelki za stranko, delež zadetkov v primerjavi z najbolj priljubljenimi',
    tr: 'birlikte alınan ürünler, bir müşteri için sıradaki en iyi ürünler, en popülerlere karşı isabet oranı',
    da: 'produkter købt sammen, de bedste næste produkter til en kunde, træfsikkerhed mod de mest populære',
    ru: 'товары, покупаемые вместе, лучшие следующие товары для клиента, доля попаданий по сравнению с самыми популярными',
  },
  'the products bought in the same basket as this one, by lift': {
    sl: 'izdelki, kupljeni v isti košarici kot ta, po dvigu (lift)',
    tr: 'bununla aynı sepette alınan ürünler, lift değerine göre',
    da: 'de produkter, der købes i samme kurv som dette, efter lift',
    ru: 'товары из той же корзины, что и этот, по лифту',
  },
  'the next-best products for a customer (id or external id) they have not bought': {
    sl: 'najprimernejši naslednji izdelki za stranko (id ali zunanji id), ki jih še ni kupila',
    tr: 'bir müşterinin (kimlik veya harici kimlik) henüz almadığı sıradaki en iyi ürünler',
    da: 'de bedste næste produkter til en kunde (id eller eksternt id), som kunden ikke har købt',
    ru: 'лучшие следующие товары для клиента (id или внешний id), которые он ещё не покупал',
  },
  'hit rate at --limit on a time split at --cutoff, against the most popular products': {
    sl: 'delež zadetkov pri --limit ob časovni delitvi pri --cutoff, v primerjavi z najbolj priljubljenimi izdelki',
    tr: '--cutoff tarihinde zamana göre bölünmüş veride --limit isabet oranı, en popüler ürünlere karşı',
    da: 'træfsikkerhed ved --limit med en tidsopdeling ved --cutoff, mod de mest populære produkter',
    ru: 'доля попаданий при --limit с разделением по времени на --cutoff, по сравнению с самыми популярными товарами',
  },
  'YYYY-MM-DD: with --evaluate, train on purchases before it and test on those from it on': {
    sl: 'YYYY-MM-DD: z --evaluate se uči na nakupih pred tem dnem in preverja na tistih od njega naprej',
    tr: 'YYYY-MM-DD: --evaluate ile bu günden önceki satın almalarla eğitir, bu günden itibarenkilerle sınar',
    da: 'YYYY-MM-DD: med --evaluate trænes på køb før datoen og testes på dem fra datoen',
    ru: 'YYYY-MM-DD: с --evaluate обучение на покупках до этой даты и проверка на покупках с неё',
  },
  'how many products (and k of the hit rate)': {
    sl: 'koliko izdelkov (in k za delež zadetkov)',
    tr: 'kaç ürün (ve isabet oranının k değeri)',
    da: 'hvor mange produkter (og k i træfsikkerheden)',
    ru: 'сколько товаров (и k для доли попаданий)',
  },
  'repeat purchase ratio, CLV, churn, average check, revenue by tier and of repeat customers, promotions — with sample sizes': {
    sl: 'delež ponovnih nakupov, CLV, odhod strank, povprečni račun, prihodki po ravneh in od stalnih strank, promocije — z velikostmi vzorcev',
    tr: 'tekrar satın alma oranı, CLV, kayıp, ortalama fiş, seviyelere ve tekrar eden müşterilere göre gelir, promosyonlar — örneklem büyüklükleriyle',
    da: 'genkøbsandel, CLV, frafald, gennemsnitlig bon, omsætning pr. niveau og fra genkøbende kunder, kampagner — med stikprøvestørrelser',
    ru: 'доля повторных покупок, CLV, отток, средний чек, выручка по уровням и от постоянных клиентов, акции — с размерами выборок',
  },
  'month, quarter or year: the last one ending today, as the dashboard shows it (instead of --year/--from/--to)': {
    sl: 'month, quarter ali year: zadnji mesec, četrtletje ali leto do danes, kot ga kaže nadzorna plošča (namesto --year/--from/--to)',
    tr: 'month, quarter ya da year: bugün biten son ay, çeyrek ya da yıl, panonun gösterdiği gibi (--year/--from/--to yerine)',
    da: 'month, quarter eller year: den seneste måned, det seneste kvartal eller år frem til i dag, som dashboardet viser det (i stedet for --year/--from/--to)',
    ru: 'month, quarter или year: последний месяц, квартал или год по сегодняшний день, как на панели (вместо --year/--from/--to)',
  },
  'a calendar year (default: the 12 months ending today)': {
    sl: 'koledarsko leto (privzeto: 12 mesecev do danes)',
    tr: 'bir takvim yılı (varsayılan: bugün biten 12 ay)',
    da: 'et kalenderår (standard: de 12 måneder frem til i dag)',
    ru: 'календарный год (по умолчанию: 12 месяцев по сегодняшний день)',
  },
  'first local date YYYY-MM-DD (instead of --year)': {
    sl: 'prvi krajevni datum YYYY-MM-DD (namesto --year)',
    tr: 'ilk yerel tarih YYYY-MM-DD (--year yerine)',
    da: 'første lokale dato YYYY-MM-DD (i stedet for --year)',
    ru: 'первая местная дата YYYY-MM-DD (вместо --year)',
  },
  'last local date YYYY-MM-DD, inclusive (default: today)': {
    sl: 'zadnji krajevni datum YYYY-MM-DD, vključno (privzeto: danes)',
    tr: 'son yerel tarih YYYY-MM-DD, dahil (varsayılan: bugün)',
    da: 'sidste lokale dato YYYY-MM-DD, inklusive (standard: i dag)',
    ru: 'последняя местная дата YYYY-MM-DD включительно (по умолчанию: сегодня)',
  },
  'only purchases made in this store': {
    sl: 'samo nakupi v tej poslovalnici',
    tr: 'yalnızca bu mağazada yapılan satın almalar',
    da: 'kun køb foretaget i denne butik',
    ru: 'только покупки в этой точке продаж',
  },
  'cost of winning one customer, subtracted in the CLV, e.g. 10.00 (default: the one stored in the dashboard, else 0)': {
    sl: 'strošek pridobitve ene stranke, odštet v CLV, npr. 10.00 (privzeto: shranjeni na nadzorni plošči, sicer 0)',
    tr: 'bir müşteri kazanmanın maliyeti, CLV\'den düşülür, ör. 10.00 (varsayılan: panoda kayıtlı olan, yoksa 0)',
    da: 'prisen for at vinde én kunde, trukket fra i CLV, f.eks. 10.00 (standard: den, der er gemt i dashboardet, ellers 0)',
    ru: 'стоимость привлечения одного клиента, вычитается из CLV, например 10.00 (по умолчанию: сохранённая на панели, иначе 0)',
  },
  // analyze settings (src/cli/commands/analyze-settings.ts)
  'the stored cost of winning one customer, which the CLV subtracts; shown, or changed with --acquisition-cost or --forget-acquisition-cost (recorded in the activity log)': {
    sl: 'shranjeni strošek pridobitve ene stranke, ki ga CLV odšteje; prikazan ali spremenjen z --acquisition-cost ali --forget-acquisition-cost (zapisano v dnevnik dejavnosti)',
    tr: 'CLV\'den düşülen, kayıtlı bir müşteri kazanma maliyeti; gösterilir ya da --acquisition-cost veya --forget-acquisition-cost ile değiştirilir (etkinlik günlüğüne yazılır)',
    da: 'den gemte pris for at vinde én kunde, som CLV trækker fra; vises eller ændres med --acquisition-cost eller --forget-acquisition-cost (skrives i aktivitetsloggen)',
    ru: 'сохранённая стоимость привлечения одного клиента, которую вычитает CLV; показывается или меняется через --acquisition-cost или --forget-acquisition-cost (записывается в журнал действий)',
  },
  "store this cost of winning one customer, in the business's currency, e.g. 25.00": {
    sl: 'shrani ta strošek pridobitve ene stranke v valuti podjetja, npr. 25.00',
    tr: 'bir müşteri kazanmanın bu maliyetini işletmenin para biriminde kaydet, ör. 25.00',
    da: 'gem denne pris for at vinde én kunde i virksomhedens valuta, f.eks. 25.00',
    ru: 'сохранить эту стоимость привлечения одного клиента в валюте компании, например 25.00',
  },
  'forget the stored cost (the CLV then subtracts 0)': {
    sl: 'pozabi shranjeni strošek (CLV nato odšteje 0)',
    tr: 'kayıtlı maliyeti unut (CLV bundan sonra 0 düşer)',
    da: 'glem den gemte pris (CLV trækker derefter 0 fra)',
    ru: 'забыть сохранённую стоимость (тогда CLV вычитает 0)',
  },
};
