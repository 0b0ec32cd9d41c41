import { describe, expect, it } from 'vitest';
import { describeError, isAppError, type AppError } from '../../../shared/errors.ts';
import { parseMapSpec, resolveColumns, suggestMap } from './mapping.ts';

describe('--map', () => {
  it('reads canonical=column pairs, a column with a comma in its name as written or in double quotes', () => {
    expect(parseMapSpec('total=Amount,customer_email=E-mail', 'purchases')).toEqual({ total: 'Amount', customer_email: 'E-mail' });
    expect(parseMapSpec('total=Amount, EUR,customer_email=E-mail,', 'purchases')).toEqual({ total: 'Amount, EUR', customer_email: 'E-mail' });
    expect(parseMapSpec('total="Amount, EUR", customer_email="E-mail ""home"""', 'purchases')).toEqual({ total: 'Amount, EUR', customer_email: 'E-mail "home"' });
    expect(parseMapSpec('customer_email="a,b=c",total=Amount', 'purchases')).toEqual({ customer_email: 'a,b=c', total: 'Amount' });
  });

  it('names each pair it cannot read and each field the kind lacks', () => {
    expect(() => parseMapSpec('amount=Amount', 'purchases')).toThrow('"amount" is not a purchases field');
    expect(() => parseMapSpec('=Amount', 'purchases')).toThrow('"=Amount" is not canonical=column');
    expect(() => parseMapSpec('Email,total=Amount', 'purchases')).toThrow('"Email" is not canonical=column');
  });

  // A guessed store column of store names failed every row, with no way to import the file without it.
  it('reads field= as the field from no column, even one of its own name', () => {
    expect(parseMapSpec('store=,total=Amount', 'purchases')).toEqual({ store: '', total: 'Amount' });
    const header = ['external_id', 'customer_email', 'occurred_at', 'total', 'store', 'Trgovina'];
    expect(resolveColumns({ header, map: {}, kind: 'purchases', via: 'cli' }).index.get('store')).toBe(4);
    expect(resolveColumns({ header, map: { store: '' }, kind: 'purchases', via: 'cli' }).index.has('store')).toBe(false);
    expect(() => resolveColumns({ header, map: { total: '' }, kind: 'purchases', via: 'cli' })).toThrow('required column "total" is missing');
  });

  // QA: the refusal was English whatever --language said, and "Bad --map: …" of two problems
  // was headed "Bad:" (a list is headed by what comes before its first "field: reason").
  it('refuses in the language asked, every problem listed under a headline that names --map', () => {
    let refused: unknown;
    try {
      parseMapSpec('nonsense,foo=bar', 'refunds');
    } catch (error) {
      refused = error;
    }
    expect(isAppError(refused)).toBe(true);
    const error = refused as AppError;
    expect(error.message).toMatch(/^The value of --map does not fit: "nonsense" is not canonical=column; "foo" is not a refunds field \(one of purchase, /);
    expect(describeError(error).split('\n').slice(0, 2)).toEqual(['The value of --map does not fit:', '  - map: "nonsense" is not canonical=column']);
    const sl = error.in('sl');
    expect(sl.message).toMatch(/^Vrednost --map ni pravilna: "nonsense" ni oblike kanonično=stolpec \(canonical=column\); "foo" ni polje uvoza refunds \(eno od purchase, /);
    expect(sl.problems.map((p) => p.reason)).toEqual(['"nonsense" ni oblike kanonično=stolpec (canonical=column)', expect.stringMatching(/^"foo" ni polje uvoza refunds/)]);
  });
});

describe('the guessed mapping of a shop\'s own export', () => {
  // The headers of Slovenian, Danish, Turkish and Russian exports a tester brought: none was guessed before.
  it.each([
    ['sl', ['Račun', 'Kartica', 'E-pošta', 'Datum', 'Znesek', 'Popust']],
    ['da', ['Ordrenr.', 'Kundenr', 'E-mail', 'Dato', 'Beløb', 'Rabat']],
    ['tr', ['Fiş No', 'Kart', 'E-posta', 'Tarih', 'Tutar', 'İndirim']],
    ['ru', ['Номер чека', 'Карта', 'Почта', 'Дата', 'Сумма', 'Скидка']],
  ])('%s purchases', (_language, header) => {
    const [order, card, email, date, total, discount] = header;
    expect(suggestMap(header, 'purchases')).toEqual({ external_id: order, customer_external_id: card, customer_email: email, occurred_at: date, total, discount });
  });

  it('refunds and items in Slovenian and Russian', () => {
    expect(suggestMap(['Račun', 'Št. vračila', 'Znesek', 'Datum'], 'refunds')).toEqual({ purchase: 'Račun', external_id: 'Št. vračila', amount: 'Znesek', occurred_at: 'Datum' });
    expect(suggestMap(['Номер чека', 'Дата', 'Артикул', 'Наименование', 'Количество', 'Цена', 'Карта'], 'purchases')).toMatchObject({
      external_id: 'Номер чека', occurred_at: 'Дата', line_sku: 'Артикул', line_name: 'Наименование', line_quantity: 'Количество', line_unit_price: 'Цена', customer_external_id: 'Карта',
    });
  });
});

// QA: a Slovenian file's "Kupec" (the buyer, most often their name) was taken for the card
// column, which stood beside it unmapped; Danish "Kunde", Turkish "Müşteri" and Russian
// "Клиент" alike. And "Cena" (price) of a file of one row per purchase was taken for an
// item's price, where English "Price" is the total. Each language's export, every column
// guessed as it should be and none otherwise (toEqual: a column not named is not guessed).
describe('the guess of each language\'s export, column by column', () => {
  const cases: [string, 'purchases' | 'customers' | 'refunds' | 'points', Record<string, string>, string[]][] = [
    ['en', 'purchases', { external_id: 'Order ID', occurred_at: 'Date', customer_external_id: 'Card Number', customer_email: 'Email', customer_first_name: 'First Name', customer_last_name: 'Last Name', total: 'Price', discount: 'Discount' }, ['Customer']],
    ['en', 'customers', { external_id: 'Customer ID', first_name: 'First Name', last_name: 'Last Name', email: 'Email', phone: 'Phone' }, ['Customer']],
    ['sl', 'purchases', { external_id: 'Račun', occurred_at: 'Datum', customer_external_id: 'Kartica', customer_email: 'E-pošta', customer_first_name: 'Ime', customer_last_name: 'Priimek', total: 'Cena', discount: 'Popust' }, ['Kupec']],
    ['sl', 'purchases', { external_id: 'Račun', occurred_at: 'Datum', customer_external_id: 'ID kupca', line_sku: 'Šifra artikla', line_name: 'Naziv', line_quantity: 'Količina', line_unit_price: 'Cena' }, ['Kupec']],
    ['sl', 'customers', { external_id: 'Št. kartice', first_name: 'Ime', last_name: 'Priimek', email: 'E-pošta', phone: 'Telefon' }, ['Stranka']],
    ['sl', 'refunds', { purchase: 'Račun', external_id: 'Št. vračila', amount: 'Znesek', occurred_at: 'Datum' }, ['Kupec']],
    ['sl', 'points', { external_id: 'Kartica', points: 'Stanje točk', reason: 'Opomba' }, ['Kupec']],
    ['da', 'purchases', { external_id: 'Bonnr', occurred_at: 'Dato', customer_external_id: 'Kundenr', customer_email: 'E-mail', customer_first_name: 'Fornavn', customer_last_name: 'Efternavn', total: 'Pris', discount: 'Rabat' }, ['Kunde']],
    ['da', 'purchases', { external_id: 'Ordrenr.', occurred_at: 'Dato', customer_external_id: 'Kundenr', line_sku: 'Varenr', line_name: 'Varenavn', line_quantity: 'Antal', line_unit_price: 'Pris' }, ['Kunde']],
    ['da', 'customers', { external_id: 'Kundenr', first_name: 'Fornavn', last_name: 'Efternavn', email: 'E-mail', phone: 'Mobil' }, ['Kunde']],
    ['tr', 'purchases', { external_id: 'Fiş No', occurred_at: 'Tarih', customer_external_id: 'Müşteri No', customer_email: 'E-posta', customer_first_name: 'İsim', customer_last_name: 'Soyad', total: 'Fiyat', discount: 'İndirim' }, ['Müşteri']],
    ['tr', 'purchases', { external_id: 'Fiş No', occurred_at: 'Tarih', customer_external_id: 'Kart No', line_sku: 'Ürün Kodu', line_name: 'Ürün Adı', line_quantity: 'Adet', line_unit_price: 'Fiyat' }, ['Müşteri']],
    ['tr', 'customers', { external_id: 'Müşteri No', first_name: 'Ad', last_name: 'Soyad', email: 'E-posta', phone: 'Cep Telefonu' }, ['Müşteri']],
    ['ru', 'purchases', { external_id: 'Номер чека', occurred_at: 'Дата', customer_external_id: 'Номер карты', customer_email: 'Почта', customer_first_name: 'Имя', customer_last_name: 'Фамилия', total: 'Цена', discount: 'Скидка' }, ['Клиент']],
    ['ru', 'purchases', { external_id: 'Номер чека', occurred_at: 'Дата', customer_external_id: 'Код клиента', line_sku: 'Артикул', line_name: 'Наименование', line_quantity: 'Количество', line_unit_price: 'Цена' }, ['Клиент']],
    ['ru', 'customers', { external_id: 'Номер карты', first_name: 'Имя', last_name: 'Фамилия', email: 'Почта', phone: 'Телефон' }, ['Клиент']],
  ];
  it.each(cases)('%s %s', (_language, kind, expected, notGuessed) => {
    // The customer's own column first: it was taken before the card column after it.
    const header = [...notGuessed, ...Object.values(expected)];
    expect(suggestMap(header, kind)).toEqual(expected);
    expect(suggestMap([...Object.values(expected), ...notGuessed], kind)).toEqual(expected);
  });
});

// QA: a Slovenian till's "Trgovina" (the store's code) was not guessed, nor any language's
// name for a store or a sales channel: the purchases imported without their store. Shopify's
// "Location" (a POS location's name) and "Source" (web, pos) are not guessed: they are not
// a store's code or one of the channels.
describe('the guess of a store and a channel column', () => {
  it.each([
    ['en', ['Store code', 'Sales channel']], ['en', ['Shop', 'Channel']], ['en', ['Branch', 'channel']],
    ['sl', ['Trgovina', 'Prodajni kanal']], ['sl', ['Poslovalnica', 'Kanal']], ['sl', ['Prodajalna', 'Kanal']],
    ['da', ['Butik', 'Salgskanal']], ['da', ['Filial', 'Kanal']],
    ['tr', ['Mağaza', 'Satış kanalı']], ['tr', ['Şube', 'Kanal']], ['tr', ['Mağaza Kodu', 'Kanal']],
    ['ru', ['Магазин', 'Канал продаж']], ['ru', ['Филиал', 'Канал']],
  ])('%s %j', (_language, [store, channel]) => {
    expect(suggestMap(['Order', 'Email', 'Date', 'Total', store, channel], 'purchases')).toEqual({
      external_id: 'Order', customer_email: 'Email', occurred_at: 'Date', total: 'Total', store, channel,
    });
  });

  it('leaves Shopify\'s Location and Source out', () => {
    const header = ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Location', 'Source'];
    const guess = suggestMap(header, 'purchases');
    expect(guess).not.toHaveProperty('store');
    expect(guess).not.toHaveProperty('channel');
  });
});
