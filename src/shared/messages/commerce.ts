import type { Entry } from './languages.ts';

// The catalogue's messages of purchases and refunds (src/modules/commerce): an order id or
// a refund id sent again with other values (purchase-difference.ts, refund-record.ts), a
// purchase's or a refund's fields refused, a refund that takes more than is left. The CSV
// import checks its rows by the same rules (refund-check.ts), so its report tells them
// alike. English first, exactly as API clients have always read it (index.ts); ids, SKUs,
// field paths, amounts and currencies are parameters and stay as written.

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
  // A field one request sent and the other left out (refund-check.ts sentOnceOnly): "amount not sent, 8.05 worked out when recorded (this request: 8.05)".
  'refund.not_sent': { en: 'not sent', sl: 'ni poslano', tr: 'gönderilmedi', da: 'ikke sendt', ru: 'не передано' },
  'refund.not_sent_worked_out': {
    en: 'not sent, {value} worked out when recorded',
    sl: 'ni bilo poslano, ob zapisu določeno {value}',
    tr: 'gönderilmemişti, kaydedilirken {value} olarak belirlendi',
    da: 'ikke sendt, {value} fastsat ved registreringen',
    ru: 'не было передано, при записи определено {value}',
  },
  'refund.recorded_for_other_purchase': {
    en: 'Refund {id} was already recorded for purchase {purchase} (a refund id is unique across purchases)',
    sl: 'Vračilo {id} je že zabeleženo za nakup {purchase} (oznaka vračila je edinstvena med vsemi nakupi)',
    tr: '{id} iadesi zaten {purchase} alışverişi için kaydedilmiş (iade kimliği tüm alışverişlerde benzersizdir)',
    da: 'Refunderingen {id} er allerede registreret for købet {purchase} (et refunderings-id er entydigt på tværs af køb)',
    ru: 'Возврат {id} уже записан для покупки {purchase} (идентификатор возврата уникален среди всех покупок)',
  },
  // ── A purchase's fields (purchase.schema.ts, purchase.prepare.ts) ──
  // (A date of the right form the calendar lacks is the catalogue's simulation.since_not_a_day, a time simulation.since_not_a_time.)
  'occurrence.format': {
    en: 'must be an ISO 8601 timestamp with a time zone offset (2025-03-01T10:15:00+01:00) or a date (2025-03-01)',
    sl: 'mora biti časovni žig ISO 8601 z zamikom časovnega pasu (2025-03-01T10:15:00+01:00) ali datum (2025-03-01)',
    tr: 'saat dilimi farkı belirtilmiş bir ISO 8601 zaman damgası (2025-03-01T10:15:00+01:00) ya da bir tarih (2025-03-01) olmalıdır',
    da: 'skal være et ISO 8601-tidsstempel med tidszoneforskydning (2025-03-01T10:15:00+01:00) eller en dato (2025-03-01)',
    ru: 'должно быть меткой времени ISO 8601 со смещением часового пояса (2025-03-01T10:15:00+01:00) или датой (2025-03-01)',
  },
  'occurrence.in_future': {
    en: 'is more than a day in the future',
    sl: 'je več kot en dan v prihodnosti',
    tr: 'bir günden daha ileri bir gelecekte',
    da: 'ligger mere end en dag ude i fremtiden',
    ru: 'более чем на сутки в будущем',
  },
  // A discount more than its purchase's lines add up to (commerce purchase-lines.ts), by the API and an import alike.
  'purchase.discount_beyond_lines': {
    en: "{discount} is more than the order's lines add up to ({sum})",
    sl: '{discount} je več, kot znašajo postavke naročila skupaj ({sum})',
    tr: '{discount}, siparişin kalemlerinin toplamından ({sum}) fazla',
    da: '{discount} er mere, end ordrens linjer giver tilsammen ({sum})',
    ru: '{discount} больше, чем сумма позиций заказа ({sum})',
  },
  'purchase.order_id_required': {
    en: 'is required (the POS or web store order id; it makes retries safe)',
    sl: 'je obvezno (številka naročila z blagajne ali iz spletne trgovine; z njo so ponovni poskusi varni)',
    tr: 'zorunludur (POS ya da web mağazasının sipariş numarası; yeniden denemeleri güvenli kılar)',
    da: 'skal udfyldes (kassens eller webshoppens ordrenummer; det gør nye forsøg sikre)',
    ru: 'обязательное поле (номер заказа кассы или интернет-магазина; с ним повторные попытки безопасны)',
  },
  // A fixed text (a zod enum's own message; purchase.schema.ts checks it names PURCHASE_CHANNELS).
  'purchase.channel': {
    en: 'must be one of in_store, online, phone, other',
    sl: 'mora biti ena od vrednosti in_store, online, phone, other',
    tr: 'şunlardan biri olmalıdır: in_store, online, phone, other',
    da: 'skal være en af in_store, online, phone, other',
    ru: 'должно быть одним из значений in_store, online, phone, other',
  },
  'purchase.not_business_currency': {
    en: '{currency} is not the business currency {business}; convert before sending',
    sl: '{currency} ni valuta podjetja ({business}); zneske pretvorite pred pošiljanjem',
    tr: '{currency} işletmenin para birimi ({business}) değil; göndermeden önce dönüştürün',
    da: '{currency} er ikke virksomhedens valuta ({business}); omregn før afsendelse',
    ru: '{currency} — не валюта компании ({business}); пересчитайте суммы перед отправкой',
  },

  // ── A refund refused (refund-check.ts, refund-record.ts, refund-lines.ts) ──
  'refund.id_required': {
    en: 'is required (your refund id; it makes retries safe)',
    sl: 'je obvezno (vaša oznaka vračila; z njo so ponovni poskusi varni)',
    tr: 'zorunludur (iade kimliğiniz; yeniden denemeleri güvenli kılar)',
    da: 'skal udfyldes (jeres refunderings-id; det gør nye forsøg sikre)',
    ru: 'обязательное поле (ваш идентификатор возврата; с ним повторные попытки безопасны)',
  },
  'refund.before_purchase': {
    en: 'is before the purchase it refunds ({at})',
    sl: 'je pred nakupom, na katerega se vračilo nanaša ({at})',
    tr: 'iade ettiği alışverişten önce ({at})',
    da: 'ligger før det køb, refunderingen gælder ({at})',
    ru: 'раньше покупки, к которой относится возврат ({at})',
  },
  'refund.fully_refunded': {
    en: 'the purchase is already fully refunded',
    sl: 'nakup je že v celoti vrnjen',
    tr: 'alışverişin tamamı zaten iade edilmiş',
    da: 'købet er allerede refunderet fuldt ud',
    ru: 'покупка уже полностью возвращена',
  },
  // What is left to refund, as "exceeds {refundable}" names it (the accusative in sl and ru, -ı in tr).
  'refund.refundable': {
    en: 'the refundable {amount}',
    sl: 'znesek {amount}, ki ga je še mogoče vrniti',
    tr: 'iade edilebilecek {amount} tutarını',
    da: 'de {amount}, der kan refunderes',
    ru: 'сумму {amount}, доступную для возврата',
  },
  'refund.exceeds': { en: 'exceeds {refundable}', sl: 'presega {refundable}', tr: '{refundable} aşıyor', da: 'overstiger {refundable}', ru: 'превышает {refundable}' },
  'refund.lines_exceed': {
    en: "the lines' {value} exceed {refundable}",
    sl: 'vrednost postavk ({value}) presega {refundable}',
    tr: 'kalemlerin tutarı ({value}) {refundable} aşıyor',
    da: 'linjernes {value} overstiger {refundable}',
    ru: 'стоимость позиций ({value}) превышает {refundable}',
  },
  'refund.no_line_items': {
    en: 'purchase {purchase} has no line items to return; give the amount instead',
    sl: 'nakup {purchase} nima postavk, ki bi jih bilo mogoče vrniti; namesto tega navedite znesek',
    tr: '{purchase} alışverişinde iade edilecek kalem yok; bunun yerine tutarı belirtin',
    da: 'købet {purchase} har ingen varelinjer at returnere; angiv beløbet i stedet',
    ru: 'в покупке {purchase} нет позиций для возврата; укажите вместо этого сумму',
  },
  'refund.sku_required': {
    en: 'is required: the SKU of the line returned',
    sl: 'je obvezno: SKU vrnjene postavke',
    tr: 'zorunludur: iade edilen kalemin SKU kodu',
    da: 'skal udfyldes: SKU for den returnerede linje',
    ru: 'обязательное поле: SKU возвращаемой позиции',
  },
  'refund.no_such_sku': {
    en: 'purchase {purchase} has no line with SKU {sku}',
    sl: 'nakup {purchase} nima postavke s SKU {sku}',
    tr: '{purchase} alışverişinde SKU kodu {sku} olan kalem yok',
    da: 'købet {purchase} har ingen linje med SKU {sku}',
    ru: 'в покупке {purchase} нет позиции с SKU {sku}',
  },
  // Quantities may be fractional (0.5 kg): each stands after a colon or as a count that takes no noun, so no form agrees with it.
  'refund.quantity_exceeds': {
    en: 'exceeds the {returnable} of SKU {sku} still returnable ({bought} bought)',
    sl: 'presega količino SKU {sku}, ki jo je še mogoče vrniti: {returnable} (kupljeno: {bought})',
    tr: 'SKU {sku} için hâlâ iade edilebilecek miktarı aşıyor: {returnable} (satın alınan: {bought})',
    da: 'overstiger den mængde af SKU {sku}, der stadig kan returneres: {returnable} (købt: {bought})',
    ru: 'превышает количество SKU {sku}, которое ещё можно вернуть: {returnable} (куплено: {bought})',
  },
  'refund.lines_without_value': {
    en: 'the lines of purchase {purchase} have no value to return; give the amount instead',
    sl: 'postavke nakupa {purchase} nimajo vrednosti, ki bi jo bilo mogoče vrniti; namesto tega navedite znesek',
    tr: '{purchase} alışverişinin kalemlerinin iade edilecek bir değeri yok; bunun yerine tutarı belirtin',
    da: 'linjerne i købet {purchase} har ingen værdi at returnere; angiv beløbet i stedet',
    ru: 'у позиций покупки {purchase} нет стоимости для возврата; укажите вместо этого сумму',
  },
  'refund.lines_unchecked': {
    en: 'purchase {purchase} has no line items, so the lines cannot be checked: leave them out and the amount is refunded',
    sl: 'nakup {purchase} nima postavk, zato vrnjenih postavk ni mogoče preveriti: izpustite jih in vrne se znesek',
    tr: '{purchase} alışverişinde kalem yok, bu yüzden kalemler denetlenemez: kalemleri çıkarın, tutar iade edilir',
    da: 'købet {purchase} har ingen varelinjer, så linjerne kan ikke kontrolleres: udelad dem, så refunderes beløbet',
    ru: 'в покупке {purchase} нет позиций, поэтому проверить возвращаемые позиции нельзя: не указывайте их, и будет возвращена сумма',
  },
  'refund.amount_exceeds_lines': {
    en: '{amount} exceeds the {value} the lines returned were paid (leave the amount out to refund the lines at what they were paid)',
    sl: '{amount} presega {value}, kolikor je bilo plačano za vrnjene postavke (izpustite znesek in postavke se vrnejo po plačani ceni)',
    tr: '{amount}, iade edilen kalemler için ödenen {value} tutarını aşıyor (kalemleri ödendikleri tutardan iade etmek için tutarı belirtmeyin)',
    da: '{amount} overstiger de {value}, der blev betalt for de returnerede linjer (udelad beløbet for at refundere linjerne til det, de blev betalt)',
    ru: '{amount} превышает {value}, уплаченные за возвращаемые позиции (не указывайте сумму, чтобы вернуть позиции по уплаченной за них цене)',
  },
  'refund.amount_exceeds_lines_and_rest': {
    en: '{amount} exceeds the {value} the lines returned were paid and the {rest} of purchase {purchase} outside its lines (leave the amount out to refund the lines at what they were paid)',
    sl: '{amount} presega {value}, kolikor je bilo plačano za vrnjene postavke, in {rest} nakupa {purchase} zunaj njegovih postavk (izpustite znesek in postavke se vrnejo po plačani ceni)',
    tr: '{amount}, iade edilen kalemler için ödenen {value} ile {purchase} alışverişinin kalemleri dışındaki {rest} tutarının toplamını aşıyor (kalemleri ödendikleri tutardan iade etmek için tutarı belirtmeyin)',
    da: '{amount} overstiger de {value}, der blev betalt for de returnerede linjer, og de {rest} af købet {purchase} uden for dets linjer (udelad beløbet for at refundere linjerne til det, de blev betalt)',
    ru: '{amount} превышает {value}, уплаченные за возвращаемые позиции, и {rest} покупки {purchase} вне её позиций (не указывайте сумму, чтобы вернуть позиции по уплаченной за них цене)',
  },

  // ── A file's refunds (refund-check.ts): the purchase by its reference, and the file's earlier rows ──
  'refund.purchase_required': {
    en: 'is required (the order id of the purchase refunded)',
    sl: 'je obvezno (številka naročila vrnjenega nakupa)',
    tr: 'zorunludur (iade edilen alışverişin sipariş numarası)',
    da: 'skal udfyldes (ordrenummeret på det refunderede køb)',
    ru: 'обязательное поле (номер заказа возвращаемой покупки)',
  },
  'refund.no_such_purchase': {
    en: 'no purchase with the order id or id "{purchase}" (import the purchases first)',
    sl: 'ni nakupa s številko naročila ali oznako "{purchase}" (najprej uvozite nakupe)',
    tr: 'sipariş numarası ya da kimliği "{purchase}" olan bir alışveriş yok (önce alışverişleri içe aktarın)',
    da: 'intet køb med ordrenummeret eller id\'et "{purchase}" (importér købene først)',
    ru: 'нет покупки с номером заказа или идентификатором "{purchase}" (сначала импортируйте покупки)',
  },
  'refund.earlier_in_file': {
    en: 'refund {id} is earlier in the file, with other values',
    sl: 'vračilo {id} je že prej v datoteki, z drugimi vrednostmi',
    tr: '{id} iadesi dosyada daha önce, başka değerlerle geçiyor',
    da: 'refunderingen {id} står tidligere i filen, med andre værdier',
    ru: 'возврат {id} уже есть выше в файле, с другими значениями',
  },
  'refund.on_line_too': {
    en: 'refund {id} is on line {line} too, with other values',
    sl: 'vračilo {id} je tudi v vrstici {line}, z drugimi vrednostmi',
    tr: '{id} iadesi {line}. satırda da var, başka değerlerle',
    da: 'refunderingen {id} står også på linje {line}, med andre værdier',
    ru: 'возврат {id} есть и в строке {line}, с другими значениями',
  },
  'refund.recorded_otherwise_in_file': {
    en: 'refund {id} was already recorded with other values',
    sl: 'vračilo {id} je že zabeleženo z drugimi vrednostmi',
    tr: '{id} iadesi başka değerlerle zaten kaydedilmiş',
    da: 'refunderingen {id} er allerede registreret med andre værdier',
    ru: 'возврат {id} уже записан с другими значениями',
  },
  'refund.recorded_otherwise_in_file_named': {
    en: 'refund {id} was already recorded with other values: {differences}',
    sl: 'vračilo {id} je že zabeleženo z drugimi vrednostmi: {differences}',
    tr: '{id} iadesi başka değerlerle zaten kaydedilmiş: {differences}',
    da: 'refunderingen {id} er allerede registreret med andre værdier: {differences}',
    ru: 'возврат {id} уже записан с другими значениями: {differences}',
  },
  'refund.counted_by_export': {
    en: "purchase {purchase}'s refunds were recorded from an orders export's refunded amount ({amount}): this refund would count that money again; import an order's refunds from the export or from a refunds file, not both",
    sl: 'vračila nakupa {purchase} so bila zabeležena iz vrnjenega zneska v izvozu naročil ({amount}): to vračilo bi isti denar štelo še enkrat; vračila naročila uvozite iz izvoza ali iz datoteke vračil, ne iz obeh',
    tr: '{purchase} alışverişinin iadeleri bir sipariş dışa aktarımındaki iade tutarından kaydedildi ({amount}): bu iade aynı parayı ikinci kez sayar; bir siparişin iadelerini ya dışa aktarımdan ya da bir iade dosyasından içe aktarın, ikisinden birden değil',
    da: 'refunderingerne af købet {purchase} er registreret ud fra et ordreeksports refunderede beløb ({amount}): denne refundering ville tælle de samme penge igen; importér en ordres refunderinger fra eksporten eller fra en refusionsfil, ikke fra begge',
    ru: 'возвраты покупки {purchase} записаны по возвращённой сумме из выгрузки заказов ({amount}): этот возврат учёл бы те же деньги повторно; импортируйте возвраты заказа из выгрузки или из файла возвратов, но не из обоих',
  },
  'refund.purchase_fully_refunded': {
    en: 'purchase {purchase} is already fully refunded{after}',
    sl: 'nakup {purchase} je že v celoti vrnjen{after}',
    tr: '{purchase} alışverişinin tamamı zaten iade edilmiş{after}',
    da: 'købet {purchase} er allerede refunderet fuldt ud{after}',
    ru: 'покупка {purchase} уже полностью возвращена{after}',
  },
  'refund.refundable_of': {
    en: 'the refundable {amount} of purchase {purchase}{after}',
    sl: 'znesek {amount}, ki ga je pri nakupu {purchase} še mogoče vrniti{after}',
    tr: '{purchase} alışverişinin iade edilebilecek {amount} tutarını{after}',
    da: 'de {amount} af købet {purchase}, der kan refunderes{after}',
    ru: 'сумму {amount}, доступную для возврата по покупке {purchase}{after}',
  },
  // {after} above: nothing, or the file's earlier rows that refunded part of the purchase ("3, 7, …").
  'refund.after_file_line': {
    en: " after this file's refund on line {lines}",
    sl: ' po vračilu v vrstici {lines} te datoteke',
    tr: ' (bu dosyanın {lines}. satırındaki iadeden sonra)',
    da: ' efter filens refundering på linje {lines}',
    ru: ' после возврата в строке {lines} этого файла',
  },
  'refund.after_file_lines': {
    en: " after this file's refunds on lines {lines}",
    sl: ' po vračilih v vrsticah {lines} te datoteke',
    tr: ' (bu dosyanın {lines} numaralı satırlarındaki iadelerden sonra)',
    da: ' efter filens refunderinger på linjerne {lines}',
    ru: ' после возвратов в строках {lines} этого файла',
  },

  // ── Stores (src/modules/stores) ──
  'store.unknown': {
    en: 'unknown store "{code}" (create it first: regulars stores create, or POST /api/v1/stores)',
    sl: 'neznana trgovina "{code}" (najprej jo ustvarite: regulars stores create ali POST /api/v1/stores)',
    tr: 'bilinmeyen mağaza "{code}" (önce oluşturun: regulars stores create ya da POST /api/v1/stores)',
    da: 'ukendt butik "{code}" (opret den først: regulars stores create eller POST /api/v1/stores)',
    ru: 'неизвестный магазин "{code}" (сначала создайте его: regulars stores create или POST /api/v1/stores)',
  },
  // …with the store's code it was likely meant as (a program's condition: program/store-codes.ts).
  'store.unknown_near': {
    en: 'unknown store "{code}" — did you mean "{known}"? (or create it first: regulars stores create, or POST /api/v1/stores)',
    sl: 'neznana trgovina "{code}" — ste mislili "{known}"? (ali jo najprej ustvarite: regulars stores create ali POST /api/v1/stores)',
    tr: 'bilinmeyen mağaza "{code}" — "{known}" mi demek istediniz? (ya da önce oluşturun: regulars stores create ya da POST /api/v1/stores)',
    da: 'ukendt butik "{code}" — mente du "{known}"? (eller opret den først: regulars stores create eller POST /api/v1/stores)',
    ru: 'неизвестный магазин "{code}" — возможно, вы имели в виду "{known}"? (или сначала создайте его: regulars stores create или POST /api/v1/stores)',
  },
} as const satisfies Record<string, Entry>;
