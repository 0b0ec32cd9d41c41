import { describe, expect, it } from 'vitest';
import { parseMapSpec } from './mapping.ts';

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
