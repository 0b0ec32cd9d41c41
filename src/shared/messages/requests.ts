import type { Entry } from './languages.ts';

// What a request is told of its body as it came (src/http): bytes that are no UTF-8, an
// amount sent as a number JSON cannot carry exactly (src/shared/money.ts), and an import's
// upload (src/http/routes/imports.ts) — its field "map", its parts.

export const REQUESTS = {
  // A JSON body whose bytes are no UTF-8 (a till's windows-1250 "Ma\xC8ja"): its first bad byte, in hex, and its offset in bytes from 0.
  'http.not_utf8_at': {
    en: 'The body is not UTF-8 text (byte 0x{byte} at byte offset {position}): send JSON encoded as UTF-8',
    sl: 'Telo zahteve ni besedilo UTF-8 (bajt 0x{byte} na odmiku {position}): pošljite JSON, kodiran v UTF-8',
    tr: 'İstek gövdesi UTF-8 metni değil (bayt 0x{byte}, bayt konumu {position}): JSON\'u UTF-8 kodlamasıyla gönderin',
    da: 'Anmodningens indhold er ikke UTF-8-tekst (byte 0x{byte} ved byteposition {position}): send JSON kodet som UTF-8',
    ru: 'Тело запроса — не текст UTF-8 (байт 0x{byte} на смещении {position}): отправьте JSON в кодировке UTF-8',
  },
  // An amount sent as a JSON number beyond 2^53, which no reader gets exactly (9007199254740993 is read as …992): the value is not quoted.
  'amount.number_inexact': {
    en: 'is a number too large to be read exactly (over 2^53): send the amount as a string, e.g. "29.33"',
    sl: 'je število, preveliko, da bi ga bilo mogoče prebrati natančno (nad 2^53): pošljite znesek kot niz, npr. "29.33"',
    tr: 'tam olarak okunamayacak kadar büyük bir sayı (2^53 üzerinde): tutarı metin olarak gönderin, ör. "29.33"',
    da: 'er et tal, der er for stort til at kunne læses præcist (over 2^53): send beløbet som tekst, f.eks. "29.33"',
    ru: 'число слишком велико, чтобы прочитать его точно (больше 2^53): отправьте сумму строкой, например "29.33"',
  },

  // The upload's "map" as JSON: a field of it, named `map.<key>` beside the reason. {kind} as the route names it (purchases), {fields} the kind's fields.
  'upload.bad_map': {
    en: 'The upload\'s field "map" does not fit: {problems}',
    sl: 'Polje "map" nalaganja ni pravilno: {problems}',
    tr: 'Yüklemenin "map" alanı uygun değil: {problems}',
    da: 'Uploadens felt "map" passer ikke: {problems}',
    ru: 'Поле "map" загрузки не подходит: {problems}',
  },
  'upload.map_unknown_field': {
    en: 'is not a {kind} field (one of {fields})',
    sl: 'ni polje uvoza {kind} (eno od {fields})',
    tr: '{kind} içe aktarımının bir alanı değil (şunlardan biri: {fields})',
    da: 'er ikke et felt i {kind}-importen (et af {fields})',
    ru: 'не поле импорта {kind} (одно из: {fields})',
  },
  // …and the field it was likely meant as (validation.ts nearestOf), as a strict body's unknown field names one.
  'upload.map_unknown_field_near': {
    en: 'is not a {kind} field — did you mean "{known}"? (one of {fields})',
    sl: 'ni polje uvoza {kind} — ste mislili "{known}"? (eno od {fields})',
    tr: '{kind} içe aktarımının bir alanı değil — "{known}" mi demek istediniz? (şunlardan biri: {fields})',
    da: 'er ikke et felt i {kind}-importen — mente du "{known}"? (et af {fields})',
    ru: 'не поле импорта {kind} — возможно, вы имели в виду "{known}"? (одно из: {fields})',
  },
  'upload.map_not_text': {
    en: 'must be the name of a column (text), or "" to import the field from none',
    sl: 'mora biti ime stolpca (besedilo) ali "" za uvoz brez stolpca za to polje',
    tr: 'bir sütunun adı (metin) ya da alanı hiçbir sütundan almamak için "" olmalıdır',
    da: 'skal være navnet på en kolonne (tekst) eller "" for at importere feltet fra ingen kolonne',
    ru: 'должно быть названием столбца (текстом) или "", чтобы импортировать поле без столбца',
  },
  // An upload with two files (or an option sent as a file: curl's -F map=@map.json); the reason of the field `file`.
  'upload.one_file': {
    en: 'the upload holds more than one file: send one, as the part "file" (map, date_format and the other options as text fields)',
    sl: 'nalaganje vsebuje več kot eno datoteko: pošljite eno, kot del "file" (map, date_format in druge možnosti kot besedilna polja)',
    tr: 'yükleme birden fazla dosya içeriyor: tek bir dosyayı "file" bölümü olarak gönderin (map, date_format ve diğer seçenekleri metin alanı olarak)',
    da: 'uploaden indeholder mere end én fil: send én, som delen "file" (map, date_format og de andre indstillinger som tekstfelter)',
    ru: 'в загрузке больше одного файла: отправьте один, в части "file" (map, date_format и другие параметры — текстовыми полями)',
  },
  // Fields an upload does not take, each told as a strict body's unknown field is (key.unknown, key.unknown_near), joined by "; ".
  'upload.unknown_fields': {
    en: 'The upload has fields an import does not take: {problems}',
    sl: 'Nalaganje ima polja, ki jih uvoz ne sprejema: {problems}',
    tr: 'Yüklemede içe aktarımın almadığı alanlar var: {problems}',
    da: 'Uploaden har felter, som en import ikke tager imod: {problems}',
    ru: 'В загрузке есть поля, которые импорт не принимает: {problems}',
  },
} as const satisfies Record<string, Entry>;
