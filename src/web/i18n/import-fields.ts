import type { Language } from './index.ts';

// The import's fields by what they hold, for the mapping form (which shows the code, the
// name a CSV header or the API's `map` uses, beside it). A name means one thing in every
// kind of file unless `kind:name` says otherwise (an external id is an order's, a
// customer's card or a refund's). A field not here shows as its code.
type Labels = Record<string, string>;

const en: Labels = {
  'purchases:external_id': 'Order number', 'customers:external_id': 'Card / POS id', 'refunds:external_id': 'Refund number',
  'refunds:occurred_at': 'Date of the refund', occurred_at: 'Date and time of the purchase',
  customer_external_id: 'Customer’s card / POS id', customer_email: 'Customer’s email', customer_phone: 'Customer’s phone',
  customer_first_name: 'Customer’s first name', customer_last_name: 'Customer’s last name', customer_birthday: 'Customer’s birthday', customer_language: 'Customer’s language',
  store: 'Store', channel: 'Channel', currency: 'Currency', total: 'Total', discount: 'Discount', promo_code: 'Promo code', referral_code: 'Referral code the customer came with',
  payment_status: 'Payment status', refunded_amount: 'Amount refunded since',
  line_sku: 'Item SKU', line_name: 'Item name', line_category: 'Item category', line_quantity: 'Item quantity', line_unit_price: 'Item unit price',
  email: 'Email', phone: 'Phone', first_name: 'First name', last_name: 'Last name', birthday: 'Birthday', language: 'Language',
  time_zone: 'Time zone', home_store: 'Home store', tags: 'Tags', email_consent: 'Email consent', sms_consent: 'SMS consent',
  purchase: 'Order number of the purchase', amount: 'Amount refunded', reason: 'Reason',
  'points:external_id': 'Card / POS id', points: 'Points (negative takes away)', 'points:reason': 'Reason (else “Opening balance (import)”)', expires_at: 'Points expire at',
};

const sl: Labels = {
  'purchases:external_id': 'Številka naročila', 'customers:external_id': 'Kartica / ID blagajne', 'refunds:external_id': 'Številka vračila',
  'refunds:occurred_at': 'Datum vračila', occurred_at: 'Datum in čas nakupa',
  customer_external_id: 'Kartica / ID blagajne stranke', customer_email: 'E-pošta stranke', customer_phone: 'Telefon stranke',
  customer_first_name: 'Ime stranke', customer_last_name: 'Priimek stranke', customer_birthday: 'Rojstni dan stranke', customer_language: 'Jezik stranke',
  store: 'Trgovina', channel: 'Kanal', currency: 'Valuta', total: 'Skupaj', discount: 'Popust', promo_code: 'Promocijska koda', referral_code: 'Koda za priporočilo, s katero je prišla stranka',
  payment_status: 'Stanje plačila', refunded_amount: 'Pozneje vrnjeni znesek',
  line_sku: 'Šifra artikla', line_name: 'Ime artikla', line_category: 'Kategorija artikla', line_quantity: 'Količina artikla', line_unit_price: 'Cena na enoto',
  email: 'E-pošta', phone: 'Telefon', first_name: 'Ime', last_name: 'Priimek', birthday: 'Rojstni dan', language: 'Jezik',
  time_zone: 'Časovni pas', home_store: 'Domača trgovina', tags: 'Oznake', email_consent: 'Soglasje za e-pošto', sms_consent: 'Soglasje za SMS',
  purchase: 'Številka naročila nakupa', amount: 'Vrnjeni znesek', reason: 'Razlog',
  'points:external_id': 'Kartica / ID blagajne', points: 'Točke (negativne odvzamejo)', 'points:reason': 'Razlog (sicer »Začetno stanje (uvoz)«)', expires_at: 'Točke potečejo',
};

const tr: Labels = {
  'purchases:external_id': 'Sipariş numarası', 'customers:external_id': 'Kart / kasa kimliği', 'refunds:external_id': 'İade numarası',
  'refunds:occurred_at': 'İade tarihi', occurred_at: 'Alışveriş tarihi ve saati',
  customer_external_id: 'Müşterinin kartı / kasa kimliği', customer_email: 'Müşterinin e-postası', customer_phone: 'Müşterinin telefonu',
  customer_first_name: 'Müşterinin adı', customer_last_name: 'Müşterinin soyadı', customer_birthday: 'Müşterinin doğum günü', customer_language: 'Müşterinin dili',
  store: 'Mağaza', channel: 'Kanal', currency: 'Para birimi', total: 'Toplam', discount: 'İndirim', promo_code: 'Promosyon kodu', referral_code: 'Müşterinin geldiği tavsiye kodu',
  payment_status: 'Ödeme durumu', refunded_amount: 'Sonradan iade edilen tutar',
  line_sku: 'Ürün stok kodu', line_name: 'Ürün adı', line_category: 'Ürün kategorisi', line_quantity: 'Ürün adedi', line_unit_price: 'Ürün birim fiyatı',
  email: 'E-posta', phone: 'Telefon', first_name: 'Ad', last_name: 'Soyad', birthday: 'Doğum günü', language: 'Dil',
  time_zone: 'Saat dilimi', home_store: 'Ana mağaza', tags: 'Etiketler', email_consent: 'E-posta izni', sms_consent: 'SMS izni',
  purchase: 'Alışverişin sipariş numarası', amount: 'İade edilen tutar', reason: 'Neden',
  'points:external_id': 'Kart / kasa kimliği', points: 'Puan (negatif düşer)', 'points:reason': 'Neden (yoksa “Açılış bakiyesi (içe aktarma)”)', expires_at: 'Puanların son kullanma tarihi',
};

const da: Labels = {
  'purchases:external_id': 'Ordrenummer', 'customers:external_id': 'Kort / kasse-id', 'refunds:external_id': 'Refusionsnummer',
  'refunds:occurred_at': 'Dato for refusionen', occurred_at: 'Købets dato og tid',
  customer_external_id: 'Kundens kort / kasse-id', customer_email: 'Kundens e-mail', customer_phone: 'Kundens telefon',
  customer_first_name: 'Kundens fornavn', customer_last_name: 'Kundens efternavn', customer_birthday: 'Kundens fødselsdag', customer_language: 'Kundens sprog',
  store: 'Butik', channel: 'Kanal', currency: 'Valuta', total: 'I alt', discount: 'Rabat', promo_code: 'Rabatkode', referral_code: 'Henvisningskode, kunden kom med',
  payment_status: 'Betalingsstatus', refunded_amount: 'Senere refunderet beløb',
  line_sku: 'Varens varenummer', line_name: 'Varens navn', line_category: 'Varens kategori', line_quantity: 'Varens antal', line_unit_price: 'Varens stykpris',
  email: 'E-mail', phone: 'Telefon', first_name: 'Fornavn', last_name: 'Efternavn', birthday: 'Fødselsdag', language: 'Sprog',
  time_zone: 'Tidszone', home_store: 'Hjemmebutik', tags: 'Mærker', email_consent: 'Samtykke til e-mail', sms_consent: 'Samtykke til sms',
  purchase: 'Købets ordrenummer', amount: 'Refunderet beløb', reason: 'Årsag',
  'points:external_id': 'Kort / kasse-id', points: 'Point (negative trækkes fra)', 'points:reason': 'Årsag (ellers »Startsaldo (import)«)', expires_at: 'Pointene udløber',
};

const ru: Labels = {
  'purchases:external_id': 'Номер заказа', 'customers:external_id': 'Карта / ID кассы', 'refunds:external_id': 'Номер возврата',
  'refunds:occurred_at': 'Дата возврата', occurred_at: 'Дата и время покупки',
  customer_external_id: 'Карта / ID кассы клиента', customer_email: 'Email клиента', customer_phone: 'Телефон клиента',
  customer_first_name: 'Имя клиента', customer_last_name: 'Фамилия клиента', customer_birthday: 'День рождения клиента', customer_language: 'Язык клиента',
  store: 'Магазин', channel: 'Канал', currency: 'Валюта', total: 'Сумма', discount: 'Скидка', promo_code: 'Промокод', referral_code: 'Код приглашения, с которым пришёл покупатель',
  payment_status: 'Статус оплаты', refunded_amount: 'Возвращено позже',
  line_sku: 'Артикул товара', line_name: 'Название товара', line_category: 'Категория товара', line_quantity: 'Количество товара', line_unit_price: 'Цена за единицу',
  email: 'Email', phone: 'Телефон', first_name: 'Имя', last_name: 'Фамилия', birthday: 'День рождения', language: 'Язык',
  time_zone: 'Часовой пояс', home_store: 'Основной магазин', tags: 'Теги', email_consent: 'Согласие на email', sms_consent: 'Согласие на SMS',
  purchase: 'Номер заказа покупки', amount: 'Сумма возврата', reason: 'Причина',
  'points:external_id': 'Карта / ID кассы', points: 'Баллы (отрицательные списываются)', 'points:reason': 'Причина (иначе «Начальный баланс (импорт)»)', expires_at: 'Срок действия баллов',
};

export const IMPORT_FIELDS: Record<Language, Labels> = { en, sl, tr, da, ru };

/** A field of a kind of file by what it holds, in `language`; a field the dashboard does not know yet, by its code. */
export const importFieldLabel = (language: Language, kind: string, field: string) =>
  IMPORT_FIELDS[language][`${kind}:${field}`] ?? IMPORT_FIELDS[language][field] ?? field;
