import { describe, expect, it } from 'vitest';
import { parseMapSpec, suggestMap } from './mapping.ts';

describe('--map', () => {
  it('reads canonical=column pairs, a column with a comma in its name as written or in double quotes', () => {
    expect(parseMapSpec('total=Amount,customer_email=E-mail', 'purchases')).toEqual({ total: 'Amount', customer_email: 'E-mail' });
    expect(parseMapSpec('total=Amount, EUR,customer_email=E-mail,', 'purchases')).toEqual({ total: 'Amount, EUR', customer_email: 'E-mail' });
    expect(parseMapSpec('total="Amount, EUR", customer_email="E-mail ""home"""', 'purchases')).toEqual({ total: 'Amount, EUR', customer_email: 'E-mail "home"' });
    expect(parseMapSpec('customer_email="a,b=c",total=Amount', 'purchases')).toEqual({ customer_email: 'a,b=c', total: 'Amount' });
  });

  it('names each pair it cannot read and each field the kind lacks', () => {
    expect(() => parseMapSpec('amount=Amount', 'purchases')).toThrow('"amount" is not a purchases field');
    expect(() => parseMapSpec('total=,customer_email=', 'purchases')).toThrow('"total=" is not canonical=column; "customer_email=" is not canonical=column');
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
