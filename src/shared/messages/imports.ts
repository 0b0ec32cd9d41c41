import type { Entry } from './languages.ts';

// The catalogue's messages of a CSV import refused as a whole, as the dashboard's import
// page shows them (src/modules/imports, src/http/routes/imports.ts): the upload's options,
// the file's encoding, its columns and its date format. English first, exactly as API
// clients and the CLI have always read it (index.ts). Column and field names, formats,
// the CLI's options (--map) and the upload's fields ("map") stay as written.

export const IMPORTS = {
  // ── The upload (src/http/routes/imports.ts) ──
  'import.file_missing': {
    en: 'attach the CSV file as the multipart field "file"',
    sl: 'priložite datoteko CSV kot večdelno polje "file"',
    tr: 'CSV dosyasını "file" adlı multipart alanı olarak ekleyin',
    da: 'vedhæft CSV-filen som multipart-feltet "file"',
    ru: 'приложите файл CSV как поле multipart "file"',
  },
  // {shape} is "{ canonical: column }" (braces in a text would be read as a parameter).
  'import.map_not_object': {
    en: 'must be a JSON object {shape}',
    sl: 'mora biti objekt JSON {shape}',
    tr: 'bir JSON nesnesi {shape} olmalıdır',
    da: 'skal være et JSON-objekt {shape}',
    ru: 'должно быть объектом JSON {shape}',
  },
  'import.not_boolean': { en: 'must be true or false, not "{text}"', sl: 'mora biti true ali false, ne "{text}"', tr: 'true ya da false olmalıdır, "{text}" değil', da: 'skal være true eller false, ikke "{text}"', ru: 'должно быть true или false, а не "{text}"' },
  'import.unknown_kind': {
    en: 'must be one of {kinds}, not "{kind}"',
    sl: 'mora biti ena od vrednosti {kinds}, ne "{kind}"',
    tr: 'şunlardan biri olmalıdır: {kinds}; "{kind}" değil',
    da: 'skal være en af {kinds}, ikke "{kind}"',
    ru: 'должно быть одним из значений {kinds}, а не "{kind}"',
  },
  'import.file_empty': {
    en: 'is empty: a CSV file begins with a line naming its columns',
    sl: 'je prazna: datoteka CSV se začne z vrstico, ki poimenuje njene stolpce',
    tr: 'boş: bir CSV dosyası, sütunlarını adlandıran bir satırla başlar',
    da: 'er tom: en CSV-fil begynder med en linje, der navngiver dens kolonner',
    ru: 'пуст: файл CSV начинается со строки с названиями столбцов',
  },

  // ── The file's encoding (src/modules/imports/file/encoding.ts) ──
  'import.unknown_encoding': {
    en: '"{label}" is not an encoding this server can read (such as {encodings})',
    sl: '"{label}" ni kodiranje, ki ga ta strežnik zna prebrati (na primer {encodings})',
    tr: '"{label}", bu sunucunun okuyabildiği bir kodlama değil (ör. {encodings})',
    da: '"{label}" er ikke en tegnkodning, som denne server kan læse (f.eks. {encodings})',
    ru: '"{label}" — не кодировка, которую может прочитать этот сервер (например, {encodings})',
  },
  'import.not_utf8': {
    en: 'line {line} is not UTF-8 text (byte 0x{byte}): the file seems to be in {code_page} — import it with that encoding, or save it as UTF-8',
    sl: 'vrstica {line} ni besedilo UTF-8 (bajt 0x{byte}): datoteka je videti v kodiranju {code_page} — uvozite jo s tem kodiranjem ali jo shranite kot UTF-8',
    tr: '{line}. satır UTF-8 metni değil (bayt 0x{byte}): dosya {code_page} kodlamasında görünüyor — bu kodlamayla içe aktarın ya da UTF-8 olarak kaydedin',
    da: 'linje {line} er ikke UTF-8-tekst (byte 0x{byte}): filen ser ud til at være i {code_page} — importér den med den tegnkodning, eller gem den som UTF-8',
    ru: 'строка {line} — не текст UTF-8 (байт 0x{byte}): похоже, файл в кодировке {code_page} — импортируйте его в этой кодировке или сохраните как UTF-8',
  },

  // ── The file's quotes (src/modules/imports/file/csv.ts): where the reading stopped, and why ──
  'import.csv_at': { en: 'line {line}, column {column}', sl: 'vrstica {line}, stolpec {column}', tr: 'satır {line}, sütun {column}', da: 'linje {line}, kolonne {column}', ru: 'строка {line}, столбец {column}' },
  'import.csv_at_line': { en: 'line {line}', sl: 'vrstica {line}', tr: 'satır {line}', da: 'linje {line}', ru: 'строка {line}' },
  'import.csv_stray_quote': {
    en: '{at}: a quote (") inside a field that does not begin with one — put the whole field in quotes and double each quote in it ("Ana ""Anka"" Novak")',
    sl: '{at}: narekovaj (") sredi polja, ki se z njim ne začne — celotno polje postavite v narekovaje in vsak narekovaj v njem podvojite ("Ana ""Anka"" Novak")',
    tr: '{at}: tırnakla başlamayan bir alanın içinde tırnak işareti (") var — alanın tamamını tırnak içine alın ve içindeki her tırnağı iki kez yazın ("Ana ""Anka"" Novak")',
    da: '{at}: et anførselstegn (") inde i et felt, der ikke begynder med et — sæt hele feltet i anførselstegn, og fordobl hvert anførselstegn i det ("Ana ""Anka"" Novak")',
    ru: '{at}: кавычка (") внутри поля, которое не начинается с кавычки, — заключите всё поле в кавычки и удвойте каждую кавычку в нём ("Ana ""Anka"" Novak")',
  },
  'import.csv_after_quote': {
    en: '{at}: text after the quote that closes the field — put the whole field in quotes and double each quote in it ("Ana ""Anka"" Novak")',
    sl: '{at}: besedilo za narekovajem, ki zapira polje — celotno polje postavite v narekovaje in vsak narekovaj v njem podvojite ("Ana ""Anka"" Novak")',
    tr: '{at}: alanı kapatan tırnaktan sonra metin var — alanın tamamını tırnak içine alın ve içindeki her tırnağı iki kez yazın ("Ana ""Anka"" Novak")',
    da: '{at}: tekst efter det anførselstegn, der lukker feltet — sæt hele feltet i anførselstegn, og fordobl hvert anførselstegn i det ("Ana ""Anka"" Novak")',
    ru: '{at}: текст после кавычки, закрывающей поле, — заключите всё поле в кавычки и удвойте каждую кавычку в нём ("Ana ""Anka"" Novak")',
  },
  'import.csv_quote_not_closed': {
    en: '{at}: the quote that opens the field is never closed (the rest of the file would be this one field) — close it, or double each quote inside it',
    sl: '{at}: narekovaj, ki odpira polje, ni nikjer zaprt (preostanek datoteke bi bil to eno polje) — zaprite ga ali podvojite vsak narekovaj v polju',
    tr: '{at}: alanı açan tırnak hiç kapanmıyor (dosyanın geri kalanı bu tek alan olurdu) — kapatın ya da alandaki her tırnağı iki kez yazın',
    da: '{at}: anførselstegnet, der åbner feltet, lukkes aldrig (resten af filen ville være dette ene felt) — luk det, eller fordobl hvert anførselstegn i feltet',
    ru: '{at}: кавычка, открывающая поле, нигде не закрыта (весь остаток файла оказался бы этим одним полем) — закройте её или удвойте каждую кавычку внутри поля',
  },

  // ── The file's columns (src/modules/imports/rows/mapping.ts) ──
  'import.still_missing_with_guesses': {
    en: '(with the columns guessed: {columns}; --map to choose others)',
    sl: '(s samodejno izbranimi stolpci: {columns}; druge izberete z --map)',
    tr: '(otomatik eşlenen sütunlarla: {columns}; başkalarını --map ile seçin)',
    da: '(med kolonnerne valgt automatisk: {columns}; vælg andre med --map)',
    ru: '(со столбцами, выбранными автоматически: {columns}; другие можно выбрать через --map)',
  },

  // A bad cell of a column the command line guessed (preview.ts hintGuessedColumns): a POS's
  // "Trgovina" of store names taken for store codes failed every row, with no word of the way out.
  'import.guessed_column_hint': {
    en: '{reason} (the column "{column}" was guessed as {field}; if it holds something else, import without it: --map {field}=)',
    sl: '{reason} (stolpec "{column}" je bil samodejno izbran kot {field}; če vsebuje kaj drugega, uvozite brez njega: --map {field}=)',
    tr: '{reason} ("{column}" sütunu otomatik olarak {field} sayıldı; başka bir şey içeriyorsa onsuz içe aktarın: --map {field}=)',
    da: '{reason} (kolonnen "{column}" blev gættet som {field}; rummer den noget andet, så importér uden den: --map {field}=)',
    ru: '{reason} (столбец "{column}" был автоматически принят за {field}; если в нём что-то другое, импортируйте без него: --map {field}=)',
  },

  // --map as the command line writes it (parseMapSpec)
  // (Not "Bad --map: …": a list of several problems is headed by what comes before "--map: " its first.)
  'import.bad_map': {
    en: 'The value of --map does not fit: {problems}',
    sl: 'Vrednost --map ni pravilna: {problems}',
    tr: '--map değeri uygun değil: {problems}',
    da: 'Værdien af --map passer ikke: {problems}',
    ru: 'Значение --map не подходит: {problems}',
  },
  'import.map_not_a_pair': {
    en: '"{pair}" is not canonical=column',
    sl: '"{pair}" ni oblike kanonično=stolpec (canonical=column)',
    tr: '"{pair}", kanonik=sütun (canonical=column) biçiminde değil',
    da: '"{pair}" er ikke på formen kanonisk=kolonne (canonical=column)',
    ru: '"{pair}" — не в виде канонический=столбец (canonical=column)',
  },
  'import.map_unknown_field': {
    en: '"{field}" is not a {kind} field (one of {fields})',
    sl: '"{field}" ni polje uvoza {kind} (eno od {fields})',
    tr: '"{field}", {kind} içe aktarımının bir alanı değil (şunlardan biri: {fields})',
    da: '"{field}" er ikke et felt i {kind}-importen (et af {fields})',
    ru: '"{field}" — не поле импорта {kind} (одно из: {fields})',
  },
  'import.columns_do_not_fit': {
    en: "The file's columns do not fit: {problems}",
    sl: 'Stolpci datoteke se ne ujemajo: {problems}',
    tr: 'Dosyanın sütunları uymuyor: {problems}',
    da: 'Filens kolonner passer ikke: {problems}',
    ru: 'Столбцы файла не подходят: {problems}',
  },
  'import.no_such_column': {
    en: 'the file has no column "{column}" (its columns: {columns})',
    sl: 'datoteka nima stolpca "{column}" (njeni stolpci: {columns})',
    tr: 'dosyada "{column}" sütunu yok (sütunları: {columns})',
    da: 'filen har ingen kolonne "{column}" (dens kolonner: {columns})',
    ru: 'в файле нет столбца "{column}" (его столбцы: {columns})',
  },
  'import.required_column': {
    en: 'required column "{field}" is missing (map another column with --map {field}=COLUMN)',
    sl: 'manjka obvezni stolpec "{field}" (z --map {field}=COLUMN mu priredite drug stolpec)',
    tr: 'zorunlu "{field}" sütunu eksik (--map {field}=COLUMN ile başka bir sütunu eşleyin)',
    da: 'den påkrævede kolonne "{field}" mangler (knyt en anden kolonne til den med --map {field}=COLUMN)',
    ru: 'нет обязательного столбца "{field}" (сопоставьте ему другой столбец: --map {field}=COLUMN)',
  },
  'import.required_column_or': {
    en: 'required column "{field}" is missing (map another column with --map {field}=COLUMN, or map {other})',
    sl: 'manjka obvezni stolpec "{field}" (z --map {field}=COLUMN mu priredite drug stolpec ali priredite {other})',
    tr: 'zorunlu "{field}" sütunu eksik (--map {field}=COLUMN ile başka bir sütunu eşleyin ya da {other} alanını eşleyin)',
    da: 'den påkrævede kolonne "{field}" mangler (knyt en anden kolonne til den med --map {field}=COLUMN, eller knyt {other})',
    ru: 'нет обязательного столбца "{field}" (сопоставьте ему другой столбец: --map {field}=COLUMN, или сопоставьте {other})',
  },
  // The same, to a caller of the API's upload (and the dashboard's import page, which is
  // one): it maps a column in the upload's "map" field; {example} is that field's JSON.
  'import.required_column_api': {
    en: 'required column "{field}" is missing (map another column to it in the upload\'s field "map": {example}; on the dashboard, choose its column under Columns)',
    sl: 'manjka obvezni stolpec "{field}" (v polju "map" nalaganja mu priredite drug stolpec: {example}; v nadzorni plošči mu izberite stolpec pod Stolpci)',
    tr: 'zorunlu "{field}" sütunu eksik (yüklemenin "map" alanında ona başka bir sütun eşleyin: {example}; panelde, Sütunlar altında sütununu seçin)',
    da: 'den påkrævede kolonne "{field}" mangler (knyt en anden kolonne til den i uploadens felt "map": {example}; i kontrolpanelet: vælg dens kolonne under Kolonner)',
    ru: 'нет обязательного столбца "{field}" (сопоставьте ему другой столбец в поле "map" загрузки: {example}; в панели управления выберите его столбец в разделе «Столбцы»)',
  },
  'import.required_column_or_api': {
    en: 'required column "{field}" is missing (map another column to it in the upload\'s field "map": {example}, or map {other}; on the dashboard, choose a column for either under Columns)',
    sl: 'manjka obvezni stolpec "{field}" (v polju "map" nalaganja mu priredite drug stolpec: {example}, ali priredite {other}; v nadzorni plošči izberite stolpec za enega od njiju pod Stolpci)',
    tr: 'zorunlu "{field}" sütunu eksik (yüklemenin "map" alanında ona başka bir sütun eşleyin: {example} ya da {other} alanını eşleyin; panelde, Sütunlar altında bunlardan biri için bir sütun seçin)',
    da: 'den påkrævede kolonne "{field}" mangler (knyt en anden kolonne til den i uploadens felt "map": {example}, eller knyt {other}; i kontrolpanelet: vælg en kolonne til en af dem under Kolonner)',
    ru: 'нет обязательного столбца "{field}" (сопоставьте ему другой столбец в поле "map" загрузки: {example}, или сопоставьте {other}; в панели управления выберите столбец для одного из них в разделе «Столбцы»)',
  },
  'import.quantity_needs_sku': {
    en: 'line_quantity needs line_sku too: a row is the quantity of one SKU returned',
    sl: 'line_quantity potrebuje tudi line_sku: vrstica je vrnjena količina enega SKU',
    tr: "line_quantity için line_sku da gerekir: her satır, iade edilen tek bir SKU'nun miktarıdır",
    da: 'line_quantity kræver også line_sku: en række er den returnerede mængde af ét SKU',
    ru: 'для line_quantity нужен и line_sku: строка — это возвращённое количество одного SKU',
  },
  'import.needs_identity': {
    en: 'needs at least one customer identity column: {columns}',
    sl: 'potreben je vsaj en stolpec, ki identificira stranko: {columns}',
    tr: 'müşteriyi tanımlayan en az bir sütun gerekir: {columns}',
    da: 'skal have mindst én kolonne, der identificerer kunden: {columns}',
    ru: 'нужен хотя бы один столбец, идентифицирующий клиента: {columns}',
  },
  'import.lines_need_price': {
    en: 'line columns ({columns}) need line_unit_price too: a row is one item bought, at its unit price',
    sl: 'stolpci postavk ({columns}) potrebujejo tudi line_unit_price: vrstica je en kupljeni artikel po svoji ceni na enoto',
    tr: 'kalem sütunları ({columns}) için line_unit_price da gerekir: her satır, birim fiyatıyla satın alınmış bir üründür',
    da: 'varelinjekolonnerne ({columns}) kræver også line_unit_price: en række er én købt vare til sin stykpris',
    ru: 'столбцам позиций ({columns}) нужен и line_unit_price: строка — это один купленный товар по цене за единицу',
  },
  'import.lines_need_order_id': {
    en: 'a file with one row per item needs the order id column external_id: the rows of one order id, one after another, are one purchase',
    sl: 'datoteka z eno vrstico na artikel potrebuje stolpec s številko naročila external_id: zaporedne vrstice z isto številko naročila so en nakup',
    tr: 'ürün başına bir satır içeren dosyada sipariş numarası sütunu external_id gerekir: aynı sipariş numarasının art arda gelen satırları tek bir alışveriştir',
    da: 'en fil med én række pr. vare skal have ordrenummerkolonnen external_id: rækkerne med samme ordrenummer, efter hinanden, er ét køb',
    ru: 'файлу с одной строкой на товар нужен столбец номера заказа external_id: идущие подряд строки с одним номером заказа — это одна покупка',
  },

  // ── The file's date format (src/modules/imports/rows/file-format.ts) ──
  'date_format.minutes_twice': { en: '"{format}" has minutes twice', sl: '"{format}" ima minute dvakrat', tr: '"{format}" içinde dakika iki kez geçiyor', da: '"{format}" har minutter to gange', ru: 'в "{format}" минуты указаны дважды' },
  'date_format.twice': { en: '"{format}" has {token} twice', sl: '"{format}" ima {token} dvakrat', tr: '"{format}" içinde {token} iki kez geçiyor', da: '"{format}" har {token} to gange', ru: 'в "{format}" {token} указано дважды' },
  'date_format.twice_month': {
    en: '"{format}" has {token} twice (minutes are mm, months M or MM)',
    sl: '"{format}" ima {token} dvakrat (minute so mm, meseci M ali MM)',
    tr: '"{format}" içinde {token} iki kez geçiyor (dakika mm, ay M ya da MM ile yazılır)',
    da: '"{format}" har {token} to gange (minutter er mm, måneder M eller MM)',
    ru: 'в "{format}" {token} указано дважды (минуты — mm, месяцы — M или MM)',
  },
  'date_format.not_a_part': {
    en: '"{format}" has "{token}", which is not a date part (YYYY, M, MM, D, DD, H, HH, mm, ss)',
    sl: '"{format}" vsebuje "{token}", ki ni del datuma (YYYY, M, MM, D, DD, H, HH, mm, ss)',
    tr: '"{format}" içinde tarih parçası olmayan "{token}" var (YYYY, M, MM, D, DD, H, HH, mm, ss)',
    da: '"{format}" indeholder "{token}", som ikke er en del af en dato (YYYY, M, MM, D, DD, H, HH, mm, ss)',
    ru: 'в "{format}" есть "{token}" — это не часть даты (YYYY, M, MM, D, DD, H, HH, mm, ss)',
  },
  'date_format.two_digit_year': {
    en: '"{format}": a two-digit year (YY) cannot tell 1925 from 2025: write YYYY',
    sl: '"{format}": dvomestna letnica (YY) ne loči 1925 od 2025: pišite YYYY',
    tr: "\"{format}\": iki basamaklı yıl (YY) 1925'i 2025'ten ayıramaz: YYYY yazın",
    da: '"{format}": et tocifret årstal (YY) kan ikke skelne 1925 fra 2025: skriv YYYY',
    ru: '"{format}": по двузначному году (YY) не отличить 1925 от 2025: пишите YYYY',
  },
  'date_format.needs_day': {
    en: '"{format}" needs a year (YYYY), a month (M or MM) and a day (D or DD), before the time',
    sl: '"{format}" potrebuje leto (YYYY), mesec (M ali MM) in dan (D ali DD), pred časom',
    tr: '"{format}" içinde saatten önce yıl (YYYY), ay (M ya da MM) ve gün (D ya da DD) olmalıdır',
    da: '"{format}" skal have et år (YYYY), en måned (M eller MM) og en dag (D eller DD) før klokkeslættet',
    ru: 'в "{format}" нужны год (YYYY), месяц (M или MM) и день (D или DD) перед временем',
  },
  'date_format.needs_minutes': {
    en: '"{format}" needs hours and minutes together (H:mm)',
    sl: '"{format}" potrebuje ure in minute skupaj (H:mm)',
    tr: '"{format}" içinde saat ve dakika birlikte olmalıdır (H:mm)',
    da: '"{format}" skal have timer og minutter sammen (H:mm)',
    ru: 'в "{format}" часы и минуты нужны вместе (H:mm)',
  },
  'date_format.missing': {
    en: "the dates of column {column} are not ISO 8601 (line {line}: \"{value}\"): name the file's date format, {formats}",
    sl: 'datumi v stolpcu {column} niso v obliki ISO 8601 (vrstica {line}: "{value}"): navedite zapis datumov v datoteki, {formats}',
    tr: '{column} sütunundaki tarihler ISO 8601 biçiminde değil (satır {line}: "{value}"): dosyanın tarih biçimini belirtin, {formats}',
    da: 'datoerne i kolonnen {column} er ikke ISO 8601 (linje {line}: "{value}"): angiv filens datoformat, {formats}',
    ru: 'даты в столбце {column} не в формате ISO 8601 (строка {line}: "{value}"): укажите формат дат файла, {formats}',
  },
  'date_format.missing_either': {
    en: "the dates of column {column} are not ISO 8601 (line {line}: \"{value}\"): name the file's date format, {formats} (its first rows fit either)",
    sl: 'datumi v stolpcu {column} niso v obliki ISO 8601 (vrstica {line}: "{value}"): navedite zapis datumov v datoteki, {formats} (prve vrstice ustrezajo kateremukoli)',
    tr: '{column} sütunundaki tarihler ISO 8601 biçiminde değil (satır {line}: "{value}"): dosyanın tarih biçimini belirtin, {formats} (ilk satırlar hepsine uyuyor)',
    da: 'datoerne i kolonnen {column} er ikke ISO 8601 (linje {line}: "{value}"): angiv filens datoformat, {formats} (de første rækker passer til hvert af dem)',
    ru: 'даты в столбце {column} не в формате ISO 8601 (строка {line}: "{value}"): укажите формат дат файла, {formats} (первые строки подходят под любой из них)',
  },
} as const satisfies Record<string, Entry>;
