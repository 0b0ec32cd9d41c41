import type { Entry } from './languages.ts';

// The catalogue's messages of purchases and refunds (src/modules/commerce): an order id or
// a refund id sent again with other values (purchase-difference.ts, refund-record.ts).
// English first, exactly as API clients have always read it (index.ts); ids, field paths
// and values are parameters and stay as written.

export const COMMERCE = {
  'purchase.recorded_otherwise': {
    en: 'Purchase {id} was already recorded with other values: {differences}',
    sl: 'Nakup {id} je že zabeležen z drugimi vrednostmi: {differences}',
    tr: '{id} alışverişi başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'Købet {id} er allerede registreret med andre værdier: {differences}',
    ru: 'Покупка {id} уже записана с другими значениями: {differences}',
  },
  'purchase.recorded_otherwise_unnamed': {
    en: 'Purchase {id} was already recorded with a different body (a field not stored differs)',
    sl: 'Nakup {id} je že zabeležen z drugačno vsebino zahteve (razlikuje se polje, ki se ne shranjuje)',
    tr: '{id} alışverişi farklı bir istek gövdesiyle zaten kaydedilmiş (saklanmayan bir alan farklı)',
    da: 'Købet {id} er allerede registreret med et andet indhold (et felt, der ikke gemmes, er anderledes)',
    ru: 'Покупка {id} уже записана с другим телом запроса (отличается поле, которое не сохраняется)',
  },
  'refund.recorded_otherwise': {
    en: 'Refund {id} was already recorded with other values: {differences}',
    sl: 'Vračilo {id} je že zabeleženo z drugimi vrednostmi: {differences}',
    tr: '{id} iadesi başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'Refunderingen {id} er allerede registreret med andre værdier: {differences}',
    ru: 'Возврат {id} уже записан с другими значениями: {differences}',
  },
  'refund.recorded_otherwise_unnamed': {
    en: 'Refund {id} was already recorded with a different body (a field not stored differs)',
    sl: 'Vračilo {id} je že zabeleženo z drugačno vsebino zahteve (razlikuje se polje, ki se ne shranjuje)',
    tr: '{id} iadesi farklı bir istek gövdesiyle zaten kaydedilmiş (saklanmayan bir alan farklı)',
    da: 'Refunderingen {id} er allerede registreret med et andet indhold (et felt, der ikke gemmes, er anderledes)',
    ru: 'Возврат {id} уже записан с другим телом запроса (отличается поле, которое не сохраняется)',
  },
  'refund.recorded_for_other_purchase': {
    en: 'Refund {id} was already recorded for another purchase (a refund id is unique across purchases)',
    sl: 'Vračilo {id} je že zabeleženo za drug nakup (oznaka vračila je edinstvena med vsemi nakupi)',
    tr: '{id} iadesi başka bir alışveriş için zaten kaydedilmiş (iade kimliği tüm alışverişlerde benzersizdir)',
    da: 'Refunderingen {id} er allerede registreret for et andet køb (et refunderings-id er entydigt på tværs af køb)',
    ru: 'Возврат {id} уже записан для другой покупки (идентификатор возврата уникален среди всех покупок)',
  },
} as const satisfies Record<string, Entry>;
