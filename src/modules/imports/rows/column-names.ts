// The names a POS or web-store export gives its columns, by field, in the languages the
// shops that use Regulars keep their books in — English, Slovenian, Danish, Turkish and
// Russian — for the preview's guessed mapping (mapping.ts suggestMap). Names are compared
// loosely (looseName): case, accents, spaces, dashes, dots and slashes aside, so
// "E-pošta", "e_posta" and "E-POŠTA" are one name, and "Fiş No." is "fis_no".
//
// Keys are a field's name, or kind:field where a name means something else in another
// kind's file (a purchases file's order id is a refunds file's purchase).
//
// A column named for the customer alone — Slovenian "Kupec" and "Stranka", Danish "Kunde",
// Turkish "Müşteri", Russian "Клиент", as English "Customer" — holds their name as often as
// a number: guessed as the customer's id, every name became one, namesakes one customer
// and a card column beside it left out (QA: "Kupec" was taken for the card). Such a column
// is not guessed: the user maps it (--map customer_external_id=Kupec) if it is an id. Its
// id's own words are ("ID kupca", "Kundenr", "Müşteri No", "Код клиента").

export const COLUMN_SYNONYMS: Record<string, string[]> = {
  external_id: [
    'order_id', 'order', 'invoice', 'invoiceno', 'receipt', 'id', 'transaction_id',
    'racun', 'st_racuna', 'stevilka_racuna', 'narocilo', 'st_narocila', 'stevilka_narocila', 'dokument',
    'ordrenr', 'ordre', 'ordrenummer', 'bon', 'bonnr', 'kvittering', 'faktura', 'fakturanr',
    'fis_no', 'fis', 'fis_numarasi', 'fatura', 'fatura_no', 'siparis', 'siparis_no',
    'номер_чека', 'чек', 'номер_заказа', 'заказ', 'номер_документа',
  ],
  customer_external_id: [
    'customer_id', 'customerid', 'card', 'card_number', 'loyalty_card', 'member_id',
    'kartica', 'st_kartice', 'stevilka_kartice', 'id_kupca', 'sifra_kupca', 'st_kupca', 'id_stranke', 'sifra_stranke',
    'kundenr', 'kundenummer', 'kort', 'kortnr', 'medlemsnr',
    'kart', 'kart_no', 'musteri_no', 'musteri_kodu', 'uye_no',
    'карта', 'номер_карты', 'код_клиента', 'id_клиента', 'номер_клиента',
  ],
  // A customer's name in two columns (a name in one, "Kupec", is not guessed: above).
  customer_first_name: ['firstname', 'first_name', 'given_name', 'ime', 'fornavn', 'isim', 'имя'],
  customer_last_name: ['lastname', 'last_name', 'surname', 'family_name', 'priimek', 'efternavn', 'soyad', 'soyadi', 'фамилия'],
  customer_email: ['email', 'e_mail', 'mail', 'e_posta', 'eposta', 'почта', 'электронная_почта'],
  customer_phone: ['phone', 'mobile', 'telephone', 'telefon', 'gsm', 'mobitel', 'mobil', 'tlf', 'cep', 'cep_telefonu', 'телефон', 'мобильный'],
  occurred_at: [
    'date', 'datetime', 'timestamp', 'invoicedate', 'created_at', 'time',
    'datum', 'cas', 'datum_in_cas', 'dato', 'tidspunkt', 'tid', 'tarih', 'zaman', 'tarih_saat', 'дата', 'время', 'дата_время',
  ],
  total: [
    'amount', 'total_amount', 'value', 'dollar_value', 'sum', 'price', 'order_total', 'grand_total',
    'znesek', 'skupaj', 'vrednost', 'za_placilo', 'belob', 'i_alt', 'tutar', 'toplam', 'toplam_tutar', 'сумма', 'итого', 'стоимость',
    'cena', 'pris', 'fiyat', 'цена',
  ],
  // The store's code (stores create --code). Not Shopify's "Location", a POS location's name,
  // nor its "Source" (web, pos, an app's id): a column of names fails every row as an unknown
  // store, and is left out with --map store= (README, CSV import).
  store: [
    'store_code', 'store_id', 'shop', 'shop_code', 'shop_id', 'branch', 'branch_code', 'outlet', 'outlet_code',
    'trgovina', 'sifra_trgovine', 'koda_trgovine', 'poslovalnica', 'sifra_poslovalnice', 'prodajalna',
    'butik', 'butiksnr', 'butikskode', 'filial',
    'magaza', 'magaza_kodu', 'magaza_no', 'sube', 'sube_kodu',
    'магазин', 'код_магазина', 'номер_магазина', 'филиал', 'код_филиала',
  ],
  channel: ['sales_channel', 'channel_code', 'kanal', 'prodajni_kanal', 'salgskanal', 'satis_kanali', 'канал', 'канал_продаж'],
  discount: ['discount_amount', 'discounts', 'total_discount', 'popust', 'rabat', 'indirim', 'скидка'],
  promo_code: ['discount_code', 'coupon', 'coupon_code', 'voucher', 'promotion_code', 'kupon', 'koda_kupona', 'promo_koda', 'rabatkode', 'kuponkode', 'kupon_kodu', 'indirim_kodu', 'промокод', 'купон'],
  referral_code: ['referral', 'ref', 'referrer_code', 'koda_priporocila', 'henvisningskode', 'tavsiye_kodu', 'код_приглашения', 'реферальный_код'],
  payment_status: ['financial_status', 'payment_state', 'paid_status'],
  refunded_amount: ['amount_refunded', 'total_refunded', 'refunded_total'],
  // Shopify's order export ("Lineitem sku") and UCI Online Retail ("StockCode") among others.
  line_sku: [
    'sku', 'lineitem_sku', 'item_sku', 'stockcode', 'stock_code', 'product_code', 'item_code', 'article', 'ean', 'barcode',
    'sifra', 'sifra_artikla', 'varenr', 'varenummer', 'urun_kodu', 'stok_kodu', 'barkod', 'артикул', 'код_товара', 'штрихкод',
  ],
  line_name: [
    'lineitem_name', 'item_name', 'product_name', 'product', 'description', 'item',
    'artikel', 'naziv', 'izdelek', 'opis', 'vare', 'varenavn', 'beskrivelse', 'produkt', 'urun', 'urun_adi', 'aciklama', 'товар', 'наименование', 'название', 'описание',
  ],
  line_category: ['category', 'product_type', 'product_category', 'item_category', 'department', 'kategorija', 'skupina', 'kategori', 'varegruppe', 'категория', 'группа'],
  line_quantity: ['quantity', 'qty', 'lineitem_quantity', 'units', 'item_quantity', 'kolicina', 'antal', 'adet', 'miktar', 'количество', 'кол_во'],
  line_unit_price: ['unit_price', 'unitprice', 'lineitem_price', 'item_price', 'price_per_unit', 'cena_na_enoto', 'stykpris', 'enhedspris', 'birim_fiyat', 'цена_за_единицу'],
  first_name: ['firstname', 'given_name', 'customer_first_name', 'ime', 'fornavn', 'ad', 'adi', 'isim', 'имя'],
  last_name: ['lastname', 'surname', 'family_name', 'customer_last_name', 'priimek', 'efternavn', 'soyad', 'soyadi', 'фамилия'],
  email: ['e_mail', 'mail', 'customer_email', 'e_posta', 'eposta', 'почта', 'электронная_почта'],
  phone: ['mobile', 'telephone', 'customer_phone', 'telefon', 'gsm', 'mobitel', 'mobil', 'tlf', 'cep', 'cep_telefonu', 'телефон', 'мобильный'],
  'customers:external_id': [
    'customer_id', 'card', 'card_number', 'member_id', 'kartica', 'st_kartice', 'id_kupca', 'sifra_kupca', 'id_stranke', 'sifra_stranke',
    'kundenr', 'kundenummer', 'kort', 'kart', 'kart_no', 'musteri_no', 'musteri_kodu', 'карта', 'номер_карты', 'код_клиента', 'номер_клиента',
  ],
  'refunds:purchase': [
    'order_id', 'order', 'original_order', 'purchase_id', 'invoice', 'invoiceno', 'receipt', 'transaction_id',
    'racun', 'st_racuna', 'narocilo', 'ordrenr', 'ordre', 'bon', 'bonnr', 'faktura', 'fis_no', 'fis', 'fatura_no', 'siparis_no', 'номер_чека', 'чек', 'номер_заказа', 'заказ',
  ],
  'refunds:external_id': ['refund_id', 'return_id', 'credit_note', 'refund', 'id', 'vracilo', 'st_vracila', 'dobropis', 'returnr', 'kreditnota', 'iade_no', 'iade', 'номер_возврата', 'возврат'],
  'refunds:amount': ['refund_amount', 'refunded', 'value', 'sum', 'znesek', 'znesek_vracila', 'belob', 'tutar', 'iade_tutari', 'сумма', 'сумма_возврата'],
  // Smile.io's "Points balance", LoyaltyLion's "points", Yotpo's "Points Balance".
  'points:points': [
    'points_balance', 'point_balance', 'balance', 'loyalty_points', 'points_total', 'current_points', 'available_points',
    'tocke', 'stanje_tock', 'point', 'pointsaldo', 'saldo', 'puan', 'puan_bakiyesi', 'bakiye', 'баллы', 'баланс', 'бонусы', 'баланс_баллов',
  ],
  'points:external_id': ['customer_id', 'customerid', 'card', 'card_number', 'member_id', 'merchant_id', 'shopify_customer_id', 'kartica', 'kundenr', 'kort', 'kart_no', 'musteri_no', 'карта', 'код_клиента'],
  'points:reason': ['note', 'notes', 'comment', 'description', 'opomba', 'razlog', 'bemaerkning', 'arsag', 'aciklama', 'not', 'причина', 'комментарий'],
  'points:expires_at': ['expiry', 'expiry_date', 'expires', 'expiration', 'expiration_date', 'points_expiry', 'potece', 'velja_do', 'udlober', 'udlobsdato', 'son_kullanma', 'gecerlilik', 'срок_действия', 'истекает'],
  'refunds:occurred_at': ['refunded_at', 'date', 'datetime', 'timestamp', 'created_at', 'time', 'datum', 'dato', 'tarih', 'дата'],
};

/** "Price" in the five languages: a purchase's total (above), but beside an item's quantity or SKU the item's price (mapping.ts suggestMap). */
export const PRICE_NAMES = ['price', 'cena', 'pris', 'fiyat', 'цена'];

// Letters that carry their mark in themselves rather than as one NFD takes apart.
const PLAIN: Record<string, string> = { ø: 'o', æ: 'ae', å: 'a', ı: 'i', đ: 'd', ł: 'l', ß: 'ss' };

/** A column name as the guess compares it: "E-pošta" and "e_posta", "Fiş No." and "fis_no", "Beløb" and "belob" are one. */
export function looseName(name: string): string {
  return name.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/[øæåıđłß]/g, (c) => PLAIN[c])
    .replace(/[\s\-./\\]+/g, '_').replace(/^_+|_+$/g, '');
}
