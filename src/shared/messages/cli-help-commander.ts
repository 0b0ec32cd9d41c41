import type { HelpTranslations } from './cli-help.ts';

// Commander's own words in the command line's help and refusals (src/cli/help.ts), beside
// the descriptions of the commands in cli-help.ts.

/** Commander's own words around the descriptions: headings, the help option, the extras after an option. */
export const COMMANDER_WORDS: Readonly<Record<string, HelpTranslations>> = {
  'Usage:': { sl: 'Uporaba:', tr: 'Kullanım:', da: 'Brug:', ru: 'Использование:' },
  'Options:': { sl: 'Možnosti:', tr: 'Seçenekler:', da: 'Tilvalg:', ru: 'Параметры:' },
  'Global Options:': { sl: 'Splošne možnosti:', tr: 'Genel seçenekler:', da: 'Globale tilvalg:', ru: 'Общие параметры:' },
  'Arguments:': { sl: 'Argumenti:', tr: 'Argümanlar:', da: 'Argumenter:', ru: 'Аргументы:' },
  'Commands:': { sl: 'Ukazi:', tr: 'Komutlar:', da: 'Kommandoer:', ru: 'Команды:' },
  'display help for command': { sl: 'prikaži pomoč za ukaz', tr: 'komutun yardımını göster', da: 'vis hjælp til kommandoen', ru: 'показать справку по команде' },
  choices: { sl: 'možnosti', tr: 'seçenekler', da: 'valgmuligheder', ru: 'варианты' },
  default: { sl: 'privzeto', tr: 'varsayılan', da: 'standard', ru: 'по умолчанию' },
  env: { sl: 'okolje', tr: 'ortam', da: 'miljø', ru: 'переменная окружения' },
};

/**
 * Commander's refusals of a command line, by their English wording with the parts that
 * vary as {placeholders} (help.ts matches the English and tells it again). "error:" is
 * the word the command line begins every refusal with (errorWord), so all read alike.
 */
export const COMMANDER_ERRORS: Readonly<Record<string, HelpTranslations>> = {
  "unknown option '{flag}'": { sl: "neznana možnost '{flag}'", tr: "bilinmeyen seçenek '{flag}'", da: "ukendt tilvalg '{flag}'", ru: "неизвестный параметр '{flag}'" },
  "unknown command '{command}'": { sl: "neznan ukaz '{command}'", tr: "bilinmeyen komut '{command}'", da: "ukendt kommando '{command}'", ru: "неизвестная команда '{command}'" },
  '(Did you mean {suggestion}?)': { sl: '(Ste mislili {suggestion}?)', tr: '({suggestion} mi demek istediniz?)', da: '(Mente du {suggestion}?)', ru: '(Возможно, вы имели в виду {suggestion}?)' },
  "missing required argument '{argument}'": { sl: "manjka obvezni argument '{argument}'", tr: "zorunlu argüman eksik: '{argument}'", da: "mangler det påkrævede argument '{argument}'", ru: "не указан обязательный аргумент '{argument}'" },
  "option '{option}' argument missing": { sl: "možnosti '{option}' manjka vrednost", tr: "'{option}' seçeneğinin değeri eksik", da: "tilvalget '{option}' mangler sin værdi", ru: "у параметра '{option}' не указано значение" },
  "required option '{option}' not specified": { sl: "obvezna možnost '{option}' ni podana", tr: "zorunlu seçenek '{option}' verilmedi", da: "det påkrævede tilvalg '{option}' er ikke angivet", ru: "не указан обязательный параметр '{option}'" },
  'too many arguments{forCommand}. Expected {expected} argument{s} but got {received}.': {
    sl: 'preveč argumentov{forCommand}: pričakovano {expected}, podano {received}.',
    tr: 'çok fazla argüman{forCommand}: beklenen {expected}, verilen {received}.',
    da: 'for mange argumenter{forCommand}: forventede {expected}, fik {received}.',
    ru: 'слишком много аргументов{forCommand}: ожидалось {expected}, получено {received}.',
  },
  " for '{command}'": { sl: " za '{command}'", tr: " ('{command}' için)", da: " til '{command}'", ru: " для '{command}'" },
  "option '{option}' argument '{value}' is invalid.": { sl: "vrednost '{value}' možnosti '{option}' ni veljavna.", tr: "'{option}' seçeneğinin '{value}' değeri geçersiz.", da: "værdien '{value}' af tilvalget '{option}' er ugyldig.", ru: "значение '{value}' параметра '{option}' недопустимо." },
  "option '{option}' value '{value}' from env '{variable}' is invalid.": {
    sl: "vrednost '{value}' možnosti '{option}' iz spremenljivke okolja '{variable}' ni veljavna.",
    tr: "'{variable}' ortam değişkeninden gelen '{option}' seçeneği değeri '{value}' geçersiz.",
    da: "værdien '{value}' af tilvalget '{option}' fra miljøvariablen '{variable}' er ugyldig.",
    ru: "значение '{value}' параметра '{option}' из переменной окружения '{variable}' недопустимо.",
  },
  'Allowed choices are {choices}.': { sl: 'Dovoljene vrednosti: {choices}.', tr: 'İzin verilen değerler: {choices}.', da: 'Tilladte værdier: {choices}.', ru: 'Допустимые значения: {choices}.' },
};
