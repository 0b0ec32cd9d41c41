import { describe, expect, it } from 'vitest';
import { describeError, isAppError, type AppError } from '../../../shared/errors.ts';
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
