import type { Entry } from './languages.ts';

// zod's common issues, told in the product's words (src/shared/validation.ts zodIssue): zod's
// own locales write them as "ожидалось, что number будет >0", "pričakovano string" or
// "Too small: expected number to be >0", with type names and comparison signs.
//
// A count of characters or items ({unit}: validation.ts's CHARACTERS and ITEMS) stands
// where its noun takes the case the forms are written in: the accusative after "imeti"
// and "содержать" (Slovenian's forms are the accusative ones, "3 znake").

export const VALIDATION = {
  'value.at_least': { en: 'must be at least {minimum}', sl: 'mora biti vsaj {minimum}', tr: 'en az {minimum} olmalıdır', da: 'skal være mindst {minimum}', ru: 'должно быть не меньше {minimum}' },
  'value.greater_than': {
    en: 'must be greater than {minimum}',
    sl: 'mora biti večje od {minimum}',
    tr: '{minimum} değerinden büyük olmalıdır',
    da: 'skal være større end {minimum}',
    ru: 'должно быть больше {minimum}',
  },
  'value.at_most': { en: 'must be at most {maximum}', sl: 'mora biti največ {maximum}', tr: 'en fazla {maximum} olmalıdır', da: 'skal være højst {maximum}', ru: 'должно быть не больше {maximum}' },
  'value.less_than': {
    en: 'must be less than {maximum}',
    sl: 'mora biti manjše od {maximum}',
    tr: '{maximum} değerinden küçük olmalıdır',
    da: 'skal være mindre end {maximum}',
    ru: 'должно быть меньше {maximum}',
  },
  'length.not_empty': { en: 'must not be empty', sl: 'ne sme biti prazno', tr: 'boş olamaz', da: 'må ikke være tom', ru: 'не должно быть пустым' },
  'length.at_least': {
    en: 'must have at least {minimum} {unit}',
    sl: 'mora imeti vsaj {minimum} {unit}',
    tr: 'en az {minimum} {unit} içermelidir',
    da: 'skal have mindst {minimum} {unit}',
    ru: 'должно содержать как минимум {minimum} {unit}',
  },
  'length.at_most': {
    en: 'must have at most {maximum} {unit}',
    sl: 'sme imeti največ {maximum} {unit}',
    tr: 'en fazla {maximum} {unit} içerebilir',
    da: 'må højst have {maximum} {unit}',
    ru: 'может содержать максимум {maximum} {unit}',
  },
  'length.exactly': {
    en: 'must have exactly {length} {unit}',
    sl: 'mora imeti natanko {length} {unit}',
    tr: 'tam olarak {length} {unit} içermelidir',
    da: 'skal have præcis {length} {unit}',
    ru: 'должно содержать ровно {length} {unit}',
  },
  // What a value of another type is told, by the type expected (JSON's words: true and false stay as written);
  // a number not whole is capture.whole's "must be a whole number".
  'type.number': { en: 'must be a number', sl: 'mora biti število', tr: 'bir sayı olmalıdır', da: 'skal være et tal', ru: 'должно быть числом' },
  'type.text': { en: 'must be text', sl: 'mora biti besedilo', tr: 'metin olmalıdır', da: 'skal være tekst', ru: 'должно быть текстом' },
  'type.boolean': { en: 'must be true or false', sl: 'mora biti true ali false', tr: 'true ya da false olmalıdır', da: 'skal være true eller false', ru: 'должно быть true или false' },
  'type.list': { en: 'must be a list', sl: 'mora biti seznam', tr: 'bir liste olmalıdır', da: 'skal være en liste', ru: 'должно быть списком' },
  'type.object': { en: 'must be an object', sl: 'mora biti objekt', tr: 'bir nesne olmalıdır', da: 'skal være et objekt', ru: 'должно быть объектом' },
  'type.other': { en: 'is of the wrong type', sl: 'je napačne vrste', tr: 'türü yanlış', da: 'har en forkert type', ru: 'имеет неверный тип' },
  'format.timestamp': {
    en: 'must be an ISO 8601 timestamp such as 2026-12-31T18:00:00Z',
    sl: 'mora biti časovni žig ISO 8601, na primer 2026-12-31T18:00:00Z',
    tr: '2026-12-31T18:00:00Z gibi bir ISO 8601 zaman damgası olmalıdır',
    da: 'skal være et ISO 8601-tidsstempel, f.eks. 2026-12-31T18:00:00Z',
    ru: 'должно быть меткой времени ISO 8601, например 2026-12-31T18:00:00Z',
  },
  // English as API clients and the README have always read it (customer.email, a user's email).
  'format.email': {
    en: 'must be a valid email address',
    sl: 'mora biti veljaven e-poštni naslov',
    tr: 'geçerli bir e-posta adresi olmalıdır',
    da: 'skal være en gyldig e-mailadresse',
    ru: 'должно быть корректным адресом электронной почты',
  },
  // A value not among those a field takes (a zod enum or literal, a union's discriminator): the
  // values as a client writes them, as purchase.channel names its channels.
  'value.one_of': {
    en: 'must be one of {values}',
    sl: 'mora biti ena od vrednosti {values}',
    tr: 'şunlardan biri olmalıdır: {values}',
    da: 'skal være en af {values}',
    ru: 'должно быть одним из значений {values}',
  },
  'value.equal_to': { en: 'must be {value}', sl: 'mora biti {value}', tr: '{value} olmalıdır', da: 'skal være {value}', ru: 'должно быть равно {value}' },
  // A key an object does not take, told at the object's path (zod's unrecognized_keys), as
  // the reservation's capture already words it.
  'key.unknown': { en: 'unknown field "{key}"', sl: 'neznano polje "{key}"', tr: 'bilinmeyen alan "{key}"', da: 'ukendt felt "{key}"', ru: 'неизвестное поле "{key}"' },
  'key.unknown_many': { en: 'unknown fields {keys}', sl: 'neznana polja {keys}', tr: 'bilinmeyen alanlar {keys}', da: 'ukendte felter {keys}', ru: 'неизвестные поля {keys}' },
} as const satisfies Record<string, Entry>;
