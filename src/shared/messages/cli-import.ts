import type { Entry } from './languages.ts';

// `regulars import`'s summary (src/cli/commands/import-summary.ts), told as cli-commands.ts
// says. Its counts are CLI_COUNTS (cli-counts.ts), each written for its place here:
// {errors} "1 row has errors", {created} of a check "2" in English and "2 novi" in
// Slovenian (English's "would add 2" needs no word beside the number).

export const CLI_IMPORT = {
  // What the file holds, and what was imported, by the import's kind.
  'cli.import.file.purchases': { en: 'purchases file', sl: 'datoteka nakupov', tr: 'alışveriş dosyası', da: 'fil med køb', ru: 'файл покупок' },
  'cli.import.file.customers': { en: 'customers file', sl: 'datoteka strank', tr: 'müşteri dosyası', da: 'fil med kunder', ru: 'файл клиентов' },
  'cli.import.file.refunds': { en: 'refunds file', sl: 'datoteka vračil', tr: 'iade dosyası', da: 'fil med refunderinger', ru: 'файл возвратов' },
  'cli.import.done.purchases': { en: 'Imported purchases', sl: 'Uvoz nakupov', tr: 'Alışveriş içe aktarımı', da: 'Import af køb', ru: 'Импорт покупок' },
  'cli.import.done.customers': { en: 'Imported customers', sl: 'Uvoz strank', tr: 'Müşteri içe aktarımı', da: 'Import af kunder', ru: 'Импорт клиентов' },
  'cli.import.done.refunds': { en: 'Imported refunds', sl: 'Uvoz vračil', tr: 'İade içe aktarımı', da: 'Import af refunderinger', ru: 'Импорт возвратов' },
  'cli.import.file.points': { en: 'points file', sl: 'datoteka točk', tr: 'puan dosyası', da: 'fil med point', ru: 'файл баллов' },
  'cli.import.done.points': { en: 'Imported points balances', sl: 'Uvoz stanj točk', tr: 'Puan bakiyesi içe aktarımı', da: 'Import af pointsaldi', ru: 'Импорт балансов баллов' },
  // A points file's sums (points-pass.ts): what its new rows add and take away, and from how many members.
  'cli.import.points_forecast': {
    en: 'It would add {credited} {points_name} and take away {debited} for {members}.',
    sl: 'Uvoz bi dodal {credited} {points_name} in odvzel {debited} pri {members}.',
    tr: 'İçe aktarma {members} için {credited} {points_name} ekler ve {debited} düşerdi.',
    da: 'Importen ville lægge {credited} {points_name} til og trække {debited} fra hos {members}.',
    ru: 'Импорт начислил бы {credited} {points_name} и списал бы {debited} у {members}.',
  },
  'cli.import.points_done': {
    en: '{credited} {points_name} added and {debited} taken away for {members}.',
    sl: 'Dodanih {credited} {points_name} in odvzetih {debited} pri {members}.',
    tr: '{members} için {credited} {points_name} eklendi ve {debited} düşüldü.',
    da: '{credited} {points_name} lagt til og {debited} trukket fra hos {members}.',
    ru: 'Начислено {credited} {points_name} и списано {debited} у {members}.',
  },

  'cli.import.error_line': {
    en: 'line {line}, column {column}: {reason}',
    sl: 'vrstica {line}, stolpec {column}: {reason}',
    tr: 'satır {line}, sütun {column}: {reason}',
    da: 'linje {line}, kolonne {column}: {reason}',
    ru: 'строка {line}, столбец {column}: {reason}',
  },
  'cli.import.more_errors': { en: '… more errors not listed', sl: '… nadaljnje napake niso navedene', tr: '… diğer hatalar listelenmedi', da: '… flere fejl er ikke vist', ru: '… остальные ошибки не показаны' },
  'cli.import.columns_guessed': {
    en: 'Columns guessed: {columns} (--map to choose others)',
    sl: 'Samodejno izbrani stolpci: {columns} (druge izberete z --map)',
    tr: 'Otomatik eşlenen sütunlar: {columns} (başkalarını --map ile seçin)',
    da: 'Kolonner valgt automatisk: {columns} (vælg andre med --map)',
    ru: 'Столбцы выбраны автоматически: {columns} (другие можно выбрать через --map)',
  },
  // The progress bar's phases (a terminal's; each language's are padded to one width).
  'cli.import.phase.upload': { en: 'uploading', sl: 'nalagam', tr: 'yükleniyor', da: 'uploader', ru: 'загрузка' },
  'cli.import.phase.validate': { en: 'checking', sl: 'preverjam', tr: 'denetleniyor', da: 'kontrollerer', ru: 'проверка' },
  'cli.import.phase.import': { en: 'importing', sl: 'uvažam', tr: 'içe aktarılıyor', da: 'importerer', ru: 'импорт' },

  // ── A check (--dry-run) ──
  'cli.import.dry_run_refused': {
    en: 'Dry run, nothing written: the import would refuse the file, as {errors} ({rows} in the file). Fix them, or use --skip-invalid.',
    sl: 'Preizkusni zagon, nič ni zapisano: uvoz bi datoteko zavrnil, ker {errors} ({rows} v datoteki). Popravite jih ali uporabite --skip-invalid.',
    tr: 'Deneme çalıştırması, hiçbir şey yazılmadı: {errors} (dosyada {rows}), bu yüzden içe aktarma dosyayı reddederdi. Hataları düzeltin ya da --skip-invalid kullanın.',
    da: 'Prøvekørsel, intet skrevet: importen ville afvise filen, da {errors} ({rows} i filen). Ret dem, eller brug --skip-invalid.',
    ru: 'Пробный запуск, ничего не записано: импорт отклонил бы файл, так как {errors} (всего в файле {rows}). Исправьте их или используйте --skip-invalid.',
  },
  // With --skip-invalid, every row of the file refused: the command fails (data.ts), and says why.
  'cli.import.dry_run_nothing_valid': {
    en: 'Dry run, nothing written: the import would import nothing, as {errors} ({rows} in the file) and --skip-invalid would leave no row to import.',
    sl: 'Preizkusni zagon, nič ni zapisano: uvoz ne bi uvozil ničesar, ker {errors} ({rows} v datoteki) in z --skip-invalid ne bi ostala nobena vrstica za uvoz.',
    tr: 'Deneme çalıştırması, hiçbir şey yazılmadı: {errors} (dosyada {rows}) ve --skip-invalid ile içe aktarılacak satır kalmayacağı için içe aktarma hiçbir şey aktarmazdı.',
    da: 'Prøvekørsel, intet skrevet: importen ville ikke importere noget, da {errors} ({rows} i filen), og med --skip-invalid ville der ikke være nogen række tilbage at importere.',
    ru: 'Пробный запуск, ничего не записано: импорт ничего бы не импортировал, так как {errors} (всего в файле {rows}), и с --skip-invalid не осталось бы ни одной строки для импорта.',
  },
  // {skipped}: '' or cli.import.would_skip.
  'cli.import.dry_run': {
    en: 'Dry run, nothing written: {file} of {rows}. The import would add {created} and find {duplicates} already there{skipped}.',
    sl: 'Preizkusni zagon, nič ni zapisano: {file}, {rows}. Rezultat uvoza bi bil: {created}, {duplicates}{skipped}.',
    tr: 'Deneme çalıştırması, hiçbir şey yazılmadı: {file}, {rows}. İçe aktarılırsa: {created}, {duplicates}{skipped}.',
    da: 'Prøvekørsel, intet skrevet: {file}, {rows}. Importen ville give: {created}, {duplicates}{skipped}.',
    ru: 'Пробный запуск, ничего не записано: {file}, {rows}. Если импортировать: {created}, {duplicates}{skipped}.',
  },
  'cli.import.dry_run_orders': {
    en: 'Dry run, nothing written: {file} of {rows}, {orders}. The import would add {created} and find {duplicates} already there{skipped}.',
    sl: 'Preizkusni zagon, nič ni zapisano: {file}, {rows} ({orders}). Rezultat uvoza bi bil: {created}, {duplicates}{skipped}.',
    tr: 'Deneme çalıştırması, hiçbir şey yazılmadı: {file}, {rows} ({orders}). İçe aktarılırsa: {created}, {duplicates}{skipped}.',
    da: 'Prøvekørsel, intet skrevet: {file}, {rows} ({orders}). Importen ville give: {created}, {duplicates}{skipped}.',
    ru: 'Пробный запуск, ничего не записано: {file}, {rows} ({orders}). Если импортировать: {created}, {duplicates}{skipped}.',
  },
  'cli.import.would_skip': { en: '; it would skip {rows}', sl: '; {rows}', tr: '; {rows}', da: '; {rows}', ru: '; {rows}' },
  'cli.import.would_record_refunds': {
    en: "It would record {refunds} so that the orders' refunds add up to their refunded amounts.",
    sl: 'Uvoz bi zapisal vračila, da se ujemajo z vrnjenimi zneski naročil: {refunds}.',
    tr: 'İçe aktarma, siparişlerin iadeleri iade edilen tutarlarıyla örtüşsün diye şu kadar iade kaydederdi: {refunds}.',
    da: 'Importen ville registrere refunderinger, så ordrernes refunderinger svarer til deres refunderede beløb: {refunds}.',
    ru: 'Импорт записал бы возвраты, чтобы возвраты заказов сошлись с их возвращёнными суммами: {refunds}.',
  },

  // ── An import ──
  'cli.import.refused': {
    en: 'Nothing imported: {errors} ({rows} in the file). Fix them, or use --skip-invalid.',
    sl: 'Nič ni bilo uvoženo: {errors} ({rows} v datoteki). Popravite jih ali uporabite --skip-invalid.',
    tr: 'Hiçbir şey içe aktarılmadı: {errors} (dosyada {rows}). Hataları düzeltin ya da --skip-invalid kullanın.',
    da: 'Intet blev importeret: {errors} ({rows} i filen). Ret dem, eller brug --skip-invalid.',
    ru: 'Ничего не импортировано: {errors} (всего в файле {rows}). Исправьте их или используйте --skip-invalid.',
  },
  'cli.import.nothing_valid': {
    en: 'Nothing imported: {errors} ({rows} in the file), and --skip-invalid left no row to import.',
    sl: 'Nič ni bilo uvoženo: {errors} ({rows} v datoteki) in z --skip-invalid ni ostala nobena vrstica za uvoz.',
    tr: 'Hiçbir şey içe aktarılmadı: {errors} (dosyada {rows}); --skip-invalid ile içe aktarılacak satır kalmadı.',
    da: 'Intet blev importeret: {errors} ({rows} i filen), og med --skip-invalid er der ingen række tilbage at importere.',
    ru: 'Ничего не импортировано: {errors} (всего в файле {rows}), и с --skip-invalid не осталось ни одной строки для импорта.',
  },
  // {imported}: cli.import.done.<kind>; {seconds} as the language writes a decimal.
  'cli.import.done': {
    en: '{imported}: {rows}, {created}, {duplicates}, {invalid} ({seconds} s).',
    sl: '{imported}: {rows}, {created}, {duplicates}, {invalid} ({seconds} s).',
    tr: '{imported}: {rows}, {created}, {duplicates}, {invalid} ({seconds} sn).',
    da: '{imported}: {rows}, {created}, {duplicates}, {invalid} ({seconds} s).',
    ru: '{imported}: {rows}, {created}, {duplicates}, {invalid} ({seconds} с).',
  },
  'cli.import.done_orders': {
    en: '{imported}: {rows}, {orders}: {created}, {duplicates}; {invalid} ({seconds} s).',
    sl: '{imported}: {rows}, {orders}: {created}, {duplicates}; {invalid} ({seconds} s).',
    tr: '{imported}: {rows}, {orders}: {created}, {duplicates}; {invalid} ({seconds} sn).',
    da: '{imported}: {rows}, {orders}: {created}, {duplicates}; {invalid} ({seconds} s).',
    ru: '{imported}: {rows}, {orders}: {created}, {duplicates}; {invalid} ({seconds} с).',
  },
  'cli.import.not_paid': {
    en: '{orders} left out as not paid (pending, authorized, voided or expired).',
    sl: 'Izpuščena neplačana naročila (v čakanju, avtorizirana, razveljavljena ali potekla): {orders}.',
    tr: 'Ödenmediği için dışarıda bırakılan siparişler (beklemede, yetkilendirilmiş, iptal edilmiş ya da süresi dolmuş): {orders}.',
    da: 'Ordrer udeladt som ikke betalt (afventer, autoriseret, annulleret eller udløbet): {orders}.',
    ru: 'Пропущены как неоплаченные (в ожидании, авторизованные, аннулированные или просроченные): {orders}.',
  },
  'cli.import.refunds_recorded': {
    en: "{refunds} recorded so that the orders' refunds add up to their refunded amounts.",
    sl: 'Zapisana vračila, da se ujemajo z vrnjenimi zneski naročil: {refunds}.',
    tr: 'Siparişlerin iadeleri iade edilen tutarlarıyla örtüşsün diye kaydedilen iadeler: {refunds}.',
    da: 'Refunderinger registreret, så ordrernes refunderinger svarer til deres refunderede beløb: {refunds}.',
    ru: 'Записаны возвраты, чтобы возвраты заказов сошлись с их возвращёнными суммами: {refunds}.',
  },
  'cli.import.coupon_uses_rolled_back': {
    en: 'Coupon uses given back, their orders refunded in full: {count}.',
    sl: 'Vrnjene uporabe kuponov, ker so bila njihova naročila v celoti vrnjena: {count}.',
    tr: 'Siparişleri tamamen iade edildiği için geri alınan kupon kullanımları: {count}.',
    da: 'Kuponbrug rullet tilbage, fordi deres ordrer er refunderet fuldt ud: {count}.',
    ru: 'Отменены использования купонов, так как их заказы полностью возвращены: {count}.',
  },
} as const satisfies Record<string, Entry>;
