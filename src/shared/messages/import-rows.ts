import type { Entry } from './languages.ts';

// The catalogue's reasons a CSV import's report gives for its bad rows (the dashboard's
// import page lists them by line and column: src/modules/imports/report/error-report.ts), beside
// the API's own reasons for what a row holds. English first, exactly as API clients and the
// CLI have always read it (index.ts). The file's values, ids, columns and formats stay as
// written.

export const IMPORT_ROWS = {
  // ── A row's fields counted against the header (field-count.ts) ──
  'import.field_count': {
    en: '{count} fields where the header has {header}',
    sl: 'polj je {count}, glava pa jih ima {header}',
    tr: 'başlıkta {header} alan varken {count} alan',
    da: '{count} felter, hvor overskriften har {header}',
    ru: 'полей: {count}, а в заголовке — {header}',
  },
  'import.fields_separator': {
    en: '{counted} — a {separator} inside a value? Quote values that contain it',
    sl: '{counted} — {separator} znotraj vrednosti? Vrednosti, ki ga vsebujejo, postavite v narekovaje',
    tr: '{counted} — bir değerin içinde {separator} mi var? Bunu içeren değerleri tırnak içine alın',
    da: '{counted} — et {separator} inde i en værdi? Sæt værdier, der indeholder det, i anførselstegn',
    ru: '{counted} — {separator} внутри значения? Заключите такие значения в кавычки',
  },
  'import.fields_tab': {
    en: '{counted} — a tab inside a value? Quote values that contain it',
    sl: '{counted} — tabulator znotraj vrednosti? Vrednosti, ki ga vsebujejo, postavite v narekovaje',
    tr: '{counted} — bir değerin içinde sekme karakteri mi var? Bunu içeren değerleri tırnak içine alın',
    da: '{counted} — en tabulator inde i en værdi? Sæt værdier, der indeholder den, i anførselstegn',
    ru: '{counted} — табуляция внутри значения? Заключите такие значения в кавычки',
  },
  'import.fields_comma': {
    en: '{counted} — a "," inside a value? Quote values that contain ","',
    sl: '{counted} — "," znotraj vrednosti? Vrednosti, ki vsebujejo ",", postavite v narekovaje',
    tr: '{counted} — bir değerin içinde "," mi var? "," içeren değerleri tırnak içine alın',
    da: '{counted} — et "," inde i en værdi? Sæt værdier, der indeholder ",", i anførselstegn',
    ru: '{counted} — "," внутри значения? Заключите значения с "," в кавычки',
  },
  'import.fields_decimal_comma': {
    en: '{counted} — a decimal comma ("{text}") in a comma-separated file? Write amounts with a decimal point ({fixed})',
    sl: '{counted} — decimalna vejica ("{text}") v datoteki, ločeni z vejicami? Zneske pišite z decimalno piko ({fixed})',
    tr: '{counted} — virgülle ayrılmış bir dosyada ondalık virgül ("{text}") mü var? Tutarları ondalık noktayla yazın ({fixed})',
    da: '{counted} — et decimalkomma ("{text}") i en kommasepareret fil? Skriv beløb med decimalpunktum ({fixed})',
    ru: '{counted} — десятичная запятая ("{text}") в файле с разделителем-запятой? Пишите суммы с десятичной точкой ({fixed})',
  },
  'import.fields_thousands': {
    en: '{counted} — a thousands separator ("{text}") in a comma-separated file? Write amounts without it ({fixed})',
    sl: '{counted} — ločilo tisočic ("{text}") v datoteki, ločeni z vejicami? Zneske pišite brez njega ({fixed})',
    tr: '{counted} — virgülle ayrılmış bir dosyada binlik ayırıcı ("{text}") mı var? Tutarları ayırıcı olmadan yazın ({fixed})',
    da: '{counted} — en tusindtalsseparator ("{text}") i en kommasepareret fil? Skriv beløb uden den ({fixed})',
    ru: '{counted} — разделитель тысяч ("{text}") в файле с разделителем-запятой? Пишите суммы без него ({fixed})',
  },

  // ── A cell read by the file's format (file-format.ts) ──
  'import.date_has_time': {
    en: '"{text}" has a time: a date alone is expected',
    sl: '"{text}" vsebuje čas: pričakovan je samo datum',
    tr: '"{text}" saat içeriyor: yalnızca tarih bekleniyor',
    da: '"{text}" har et klokkeslæt: der forventes kun en dato',
    ru: '"{text}" содержит время: ожидается только дата',
  },
  'import.date_no_match': {
    en: '"{text}" does not match the date format {format}',
    sl: '"{text}" se ne ujema z zapisom datuma {format}',
    tr: '"{text}", {format} tarih biçimine uymuyor',
    da: '"{text}" passer ikke til datoformatet {format}',
    ru: '"{text}" не соответствует формату даты {format}',
  },
  'import.date_not_a_day': {
    en: '"{text}" is not a day of the calendar (read as {date} by the format {format})',
    sl: 'dneva "{text}" ni v koledarju (po zapisu {format} prebrano kot {date})',
    tr: '"{text}" takvimde olan bir gün değil ({format} biçimine göre {date} olarak okundu)',
    da: '"{text}" er ikke en dag i kalenderen (læst som {date} efter formatet {format})',
    ru: '"{text}" — такого дня нет в календаре (прочитано как {date} по формату {format})',
  },
  'import.date_not_a_time': {
    en: '"{text}" is not a time of day (read as {time} by the format {format})',
    sl: '"{text}" ni veljaven čas dneva (po zapisu {format} prebrano kot {time})',
    tr: '"{text}" geçerli bir saat değil ({format} biçimine göre {time} olarak okundu)',
    da: '"{text}" er ikke et gyldigt klokkeslæt (læst som {time} efter formatet {format})',
    ru: '"{text}" — недопустимое время суток (прочитано как {time} по формату {format})',
  },
  'import.not_amount_decimal_comma': {
    en: '"{text}" is not a non-negative amount written with a decimal comma (such as 1.234,50)',
    sl: '"{text}" ni nenegativen znesek z decimalno vejico (na primer 1.234,50)',
    tr: '"{text}", ondalık virgülle yazılmış, negatif olmayan bir tutar değil (ör. 1.234,50)',
    da: '"{text}" er ikke et ikke-negativt beløb skrevet med decimalkomma (f.eks. 1.234,50)',
    ru: '"{text}" — не неотрицательная сумма с десятичной запятой (например, 1.234,50)',
  },
  'import.not_decimal_comma': {
    en: '"{text}" is not a number written with a decimal comma (such as 1.234,50)',
    sl: '"{text}" ni število z decimalno vejico (na primer 1.234,50)',
    tr: '"{text}", ondalık virgülle yazılmış bir sayı değil (ör. 1.234,50)',
    da: '"{text}" er ikke et tal skrevet med decimalkomma (f.eks. 1.234,50)',
    ru: '"{text}" — не число с десятичной запятой (например, 1.234,50)',
  },

  // ── The rows of one order or refund (basket-input.ts, validation-pass.ts) ──
  'import.differs_in_order': {
    en: '"{value}" differs from "{first}" on line {line}, in the same order {id}',
    sl: '"{value}" se razlikuje od "{first}" v vrstici {line} istega naročila {id}',
    tr: '"{value}", aynı {id} siparişinin {line}. satırındaki "{first}" değerinden farklı',
    da: '"{value}" afviger fra "{first}" på linje {line} i samme ordre {id}',
    ru: '"{value}" отличается от "{first}" в строке {line} того же заказа {id}',
  },
  'import.differs_in_refund': {
    en: '"{value}" differs from "{first}" on line {line}, in the same refund {id}',
    sl: '"{value}" se razlikuje od "{first}" v vrstici {line} istega vračila {id}',
    tr: '"{value}", aynı {id} iadesinin {line}. satırındaki "{first}" değerinden farklı',
    da: '"{value}" afviger fra "{first}" på linje {line} i samme refusion {id}',
    ru: '"{value}" отличается от "{first}" в строке {line} того же возврата {id}',
  },
  'import.quantity_not_number': {
    en: 'must be a number such as 2 or 0.5, not "{text}"',
    sl: 'mora biti število, na primer 2 ali 0.5, ne "{text}"',
    tr: '2 ya da 0.5 gibi bir sayı olmalıdır, "{text}" değil',
    da: 'skal være et tal som 2 eller 0.5, ikke "{text}"',
    ru: 'должно быть числом, например 2 или 0.5, а не "{text}"',
  },
  'import.quantity_negative': {
    en: 'is negative ({text}): a returned item? Import returns as a refunds file naming their purchase, or leave the row out (skip invalid rows)',
    sl: 'je negativna ({text}): vrnjen artikel? Vračila uvozite kot datoteko vračil, ki navaja njihov nakup, ali vrstico izpustite (preskoči neveljavne vrstice)',
    tr: 'negatif ({text}): iade edilmiş bir ürün mü? İadeleri, alışverişlerini belirten bir iade dosyası olarak içe aktarın ya da satırı dışarıda bırakın (geçersiz satırları atla)',
    da: 'er negativ ({text}): en returneret vare? Importér returneringer som en refusionsfil, der angiver deres køb, eller udelad rækken (spring ugyldige rækker over)',
    ru: 'отрицательное ({text}): возвращённый товар? Импортируйте возвраты файлом возвратов с указанием покупки или пропустите строку (пропуск неверных строк)',
  },
  'import.order_split': {
    en: "order {id} has rows on line {line} too, with other orders' rows between: put an order's rows one after another",
    sl: 'naročilo {id} ima vrstice tudi v vrstici {line}, vmes pa so vrstice drugih naročil: vrstice naročila postavite drugo za drugo',
    tr: '{id} siparişinin {line}. satırda da satırları var ve arada başka siparişlerin satırları bulunuyor: bir siparişin satırlarını art arda yazın',
    da: 'ordren {id} har også rækker på linje {line}, med andre ordrers rækker imellem: sæt en ordres rækker efter hinanden',
    ru: 'у заказа {id} есть строки и в строке {line}, а между ними — строки других заказов: расположите строки заказа подряд',
  },
  'import.refund_split': {
    en: "refund {id} has rows on line {line} too, with other refunds' rows between: put a refund's rows one after another",
    sl: 'vračilo {id} ima vrstice tudi v vrstici {line}, vmes pa so vrstice drugih vračil: vrstice vračila postavite drugo za drugo',
    tr: '{id} iadesinin {line}. satırda da satırları var ve arada başka iadelerin satırları bulunuyor: bir iadenin satırlarını art arda yazın',
    da: 'refusionen {id} har også rækker på linje {line}, med andre refusioners rækker imellem: sæt en refusions rækker efter hinanden',
    ru: 'у возврата {id} есть строки и в строке {line}, а между ними — строки других возвратов: расположите строки возврата подряд',
  },
  'import.order_twice_in_file': {
    en: 'order id {id} is on line {line} too, with other values',
    sl: 'številka naročila {id} je tudi v vrstici {line}, z drugimi vrednostmi',
    tr: '{id} sipariş numarası {line}. satırda da var, başka değerlerle',
    da: 'ordrenummeret {id} står også på linje {line}, med andre værdier',
    ru: 'номер заказа {id} есть и в строке {line}, с другими значениями',
  },
  'import.order_recorded_otherwise': {
    en: 'order id {id} was already recorded with other values',
    sl: 'številka naročila {id} je že zabeležena z drugimi vrednostmi',
    tr: '{id} sipariş numarası başka değerlerle zaten kaydedilmiş',
    da: 'ordrenummeret {id} er allerede registreret med andre værdier',
    ru: 'номер заказа {id} уже записан с другими значениями',
  },
  'import.order_recorded_otherwise_named': {
    en: 'order id {id} was already recorded with other values: {differences}',
    sl: 'številka naročila {id} je že zabeležena z drugimi vrednostmi: {differences}',
    tr: '{id} sipariş numarası başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'ordrenummeret {id} er allerede registreret med andre værdier: {differences}',
    ru: 'номер заказа {id} уже записан с другими значениями: {differences}',
  },
  'import.unknown_payment_status': {
    en: '"{status}" is not a payment status known here: {paid} are imported; {not_paid} are left out as not paid',
    sl: '"{status}" ni znan status plačila: {paid} se uvozijo; {not_paid} se kot neplačani izpustijo',
    tr: '"{status}" burada bilinen bir ödeme durumu değil: {paid} içe aktarılır; {not_paid} ödenmemiş sayılıp dışarıda bırakılır',
    da: '"{status}" er ikke en betalingsstatus, der kendes her: {paid} importeres; {not_paid} udelades som ikke betalt',
    ru: '"{status}" — неизвестный статус оплаты: {paid} импортируются; {not_paid} пропускаются как неоплаченные',
  },

  // ── The report itself (error-report.ts) ──
  'import.no_customer': { en: 'is empty — a purchase needs its customer', sl: 'je prazno — nakup potrebuje svojo stranko', tr: 'boş — her alışverişin bir müşterisi olmalıdır', da: 'er tom — et køb skal have sin kunde', ru: 'пусто — у покупки должен быть клиент' },
  'import.left_out_order': {
    en: 'not imported: a row of order {id}, which has an error on line {line}',
    sl: 'ni uvoženo: vrstica naročila {id}, ki ima napako v vrstici {line}',
    tr: 'içe aktarılmadı: {line}. satırında hata olan {id} siparişinin bir satırı',
    da: 'ikke importeret: en række i ordren {id}, som har en fejl på linje {line}',
    ru: 'не импортировано: строка заказа {id}, в котором ошибка в строке {line}',
  },
  'import.left_out_refund': {
    en: 'not imported: a row of refund {id}, which has an error on line {line}',
    sl: 'ni uvoženo: vrstica vračila {id}, ki ima napako v vrstici {line}',
    tr: 'içe aktarılmadı: {line}. satırında hata olan {id} iadesinin bir satırı',
    da: 'ikke importeret: en række i refusionen {id}, som har en fejl på linje {line}',
    ru: 'не импортировано: строка возврата {id}, в котором ошибка в строке {line}',
  },
  'import.read_as': { en: '"{written}" (read as {read})', sl: '"{written}" (prebrano kot {read})', tr: '"{written}" ({read} olarak okundu)', da: '"{written}" (læst som {read})', ru: '"{written}" (прочитано как {read})' },
  'import.decimal_comma_hint': {
    en: '{reason}, not "{written}": written with a decimal comma? Import with --decimal-comma (on the dashboard: amounts written with a decimal comma)',
    sl: '{reason}, ne "{written}": zapisano z decimalno vejico? Uvozite z --decimal-comma (v nadzorni plošči: zneski z decimalno vejico)',
    tr: '{reason}, "{written}" değil: ondalık virgülle mi yazılmış? --decimal-comma ile içe aktarın (panelde: tutarlar ondalık virgülle yazılmış)',
    da: '{reason}, ikke "{written}": skrevet med decimalkomma? Importér med --decimal-comma (i kontrolpanelet: beløb skrevet med decimalkomma)',
    ru: '{reason}, а не "{written}": записано с десятичной запятой? Импортируйте с --decimal-comma (в панели управления: суммы с десятичной запятой)',
  },

  // ── An order's refunded amount (refunded-amounts.ts) ──
  'import.refunded_negative': {
    en: 'must not be negative ({amount}): it is how much of the order was refunded after it was paid',
    sl: 'ne sme biti negativen ({amount}): pove, koliko zneska naročila je bilo vrnjenega po plačilu',
    tr: 'negatif olamaz ({amount}): siparişin ödendikten sonra ne kadarının iade edildiğini gösterir',
    da: 'må ikke være negativt ({amount}): det er, hvor meget af ordren der blev refunderet, efter at den var betalt',
    ru: 'не может быть отрицательной ({amount}): это сумма заказа, возвращённая после оплаты',
  },
  'import.refunded_exceeds_total': {
    en: 'the refunded {amount} is more than the order\'s total of {total}',
    sl: 'vrnjeni znesek {amount} presega skupni znesek naročila {total}',
    tr: 'iade edilen {amount}, {total} olan sipariş toplamından fazla',
    da: 'det refunderede beløb {amount} er større end ordrens samlede beløb på {total}',
    ru: 'возвращённая сумма {amount} больше суммы заказа {total}',
  },

  // ── A points file's rows: opening balances (points-pass.ts) ──
  'import.points_default_reason': {
    en: 'Opening balance (import)',
    sl: 'Začetno stanje (uvoz)',
    tr: 'Açılış bakiyesi (içe aktarma)',
    da: 'Startsaldo (import)',
    ru: 'Начальный баланс (импорт)',
  },
  'import.points_not_whole': {
    en: 'must be a whole number of {points_word} (positive to add, negative to take away), not "{text}"',
    sl: 'mora biti celo število {points_word} (pozitivno doda, negativno odvzame), ne "{text}"',
    tr: 'tam sayı olmalı: eklenecek ya da düşülecek {points_word} (pozitif ekler, negatif düşer), "{text}" değil',
    da: 'skal være et helt antal {points_word} (positivt lægger til, negativt trækker fra), ikke "{text}"',
    ru: 'должно быть целым числом {points_word} (положительное начисляет, отрицательное списывает), а не "{text}"',
  },
  'import.points_expiry_on_debit': {
    en: 'only points added have an expiry: a row that takes points away takes them from what the member holds',
    sl: 'rok poteka imajo le dodane točke: vrstica, ki točke odvzame, jih vzame od tistih, ki jih član ima',
    tr: 'yalnızca eklenen puanların son kullanma tarihi olur: puan düşen satır, üyenin elindekilerden düşer',
    da: 'kun point, der lægges til, har en udløbsdato: en række, der trækker point fra, tager dem af dem, medlemmet har',
    ru: 'срок действия бывает только у начисленных баллов: строка списания списывает их из имеющихся у участника',
  },
  'import.points_expiry_past': {
    en: '{text} has passed: points would expire as they are added',
    sl: '{text} je že minil: točke bi potekle že ob dodajanju',
    tr: '{text} geçmişte kaldı: puanlar eklenirken sona ererdi',
    da: '{text} er overskredet: pointene ville udløbe, idet de lægges til',
    ru: '{text} уже прошло: баллы сгорели бы сразу при начислении',
  },
  'import.points_below_zero': {
    en: 'would take away {points} where the member has {available} {points_name} to spend (with the file\'s rows above)',
    sl: 'bi odvzelo {points}, član pa ima na voljo {available} {points_name} (z vrsticami datoteke zgoraj)',
    tr: '{points} düşerdi, üyenin kullanabileceği ise {available} {points_name} (dosyadaki önceki satırlarla)',
    da: 'ville trække {points} fra, hvor medlemmet har {available} {points_name} til rådighed (med filens rækker ovenfor)',
    ru: 'списало бы {points}, а у участника доступно: {available} {points_name} (с учётом строк файла выше)',
  },
  'import.points_below_zero_one': {
    en: 'would take away {points} where the member has {available} {points_name} to spend (with the file\'s rows above)',
    sl: 'bi odvzelo {points}, član pa ima na voljo le {available} {points_name} (z vrsticami datoteke zgoraj)',
    tr: '{points} düşerdi, üyenin kullanabileceği yalnızca {available} {points_name} (dosyadaki önceki satırlarla)',
    da: 'ville trække {points} fra, hvor medlemmet kun har {available} {points_name} til rådighed (med filens rækker ovenfor)',
    ru: 'списало бы {points}, а у участника доступен лишь {available} {points_name} (с учётом строк файла выше)',
  },
} as const satisfies Record<string, Entry>;
