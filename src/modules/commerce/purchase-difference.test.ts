import { describe, expect, it } from 'vitest';
import type { RaisedProblem } from '../../shared/errors.ts';
import { tell, type Language } from '../../shared/messages/index.ts';
import type { PreparedPurchase } from './purchase.prepare.ts';
import { describePurchaseDifference, describeRefundDifference, purchaseConflict, recordedOfPrepared, refundConflict, type RecordedPurchase } from './purchase-difference.ts';

// The comparison alone, on values in the forms they are stored in (the API's answers are
// checked in src/http/routes/purchase-conflicts.test.ts).

const request = (over: Partial<PreparedPurchase> = {}): PreparedPurchase => Object.assign({
  externalId: 'till-1', requestHash: 'h', identities: [{ kind: 'external_id', value: 'card-7' }], profile: {} as PreparedPurchase['profile'],
  occurredAt: new Date('2026-01-10T09:00:00Z'), localDate: '2026-01-10', storeId: null, storeCode: null, storeName: null, channel: 'other', currency: 'EUR',
  totalMinor: 1240, discountMinor: 0, promoCode: null, referralCode: null,
  lines: [{ line_no: 1, sku: 'ESP', name: 'Espresso', category: 'coffee', quantity: '2', unit_price_minor: 220 }],
}, over);

const recorded = (over: Partial<RecordedPurchase> = {}): RecordedPurchase => Object.assign(recordedOfPrepared(request()), over);
// The reasons told in `language` (English unless asked).
const told = (problems: RaisedProblem[], language: Language = 'en') => problems.map((p) => ({ field: p.field, reason: tell(p.reason, language) }));
const differences = (r: RecordedPurchase, p: PreparedPurchase, timeZone = 'Europe/Ljubljana', language: Language = 'en') => told(describePurchaseDifference({ recorded: r, request: p, timeZone }), language);

describe('describePurchaseDifference', () => {
  it('finds nothing between equal values, whatever their spelling was', () => {
    // A quantity read back from a numeric column may come as "2.0".
    expect(differences(recorded({ lines: [{ sku: 'ESP', name: 'Espresso', category: 'coffee', quantity: '2.0', unit_price_minor: 220 }] }), request())).toEqual([]);
  });

  it('names the discount, promo code and a line\'s price, in the zone given, with the offset of winter time', () => {
    const found = differences(
      recorded({ discountMinor: 100, promoCode: 'SPRING; 10%' }),
      request({ occurredAt: new Date('2026-01-10T09:00:00.250Z'), lines: [{ line_no: 1, sku: 'ESP', name: 'Espresso', category: 'coffee', quantity: '2', unit_price_minor: 250 }] }),
    );
    expect(found).toEqual([
      { field: 'discount', reason: '1.00 (this request: 0.00)' },
      { field: 'occurred_at', reason: '2026-01-10T10:00:00+01:00 (this request: 2026-01-10T10:00:00.250+01:00)' },
      { field: 'promo_code', reason: '"SPRING; 10%" (this request: none)' },
      { field: 'lines.0.unit_price', reason: '2.20 (this request: 2.50)' },
    ]);
    expect(differences(recorded({ occurredAt: new Date('2026-01-10T08:00:00Z') }), request(), 'UTC')).toEqual([
      { field: 'occurred_at', reason: '2026-01-10T08:00:00+00:00 (this request: 2026-01-10T09:00:00+00:00)' },
    ]);
  });

  it('names a referral code recorded otherwise, in the spelling a claim reads, and not when the recorded one is not known', () => {
    expect(differences(recorded({ referralCode: 'ANA-K7M2QX' }), request({ referralCode: 'ana k7m2qx' }))).toEqual([]);
    expect(differences(recorded({ referralCode: 'ANA-K7M2QX' }), request({ referralCode: 'bo-abc123' }))).toEqual([
      { field: 'referral_code', reason: '"ANA-K7M2QX" (this request: "BO-ABC123")' },
    ]);
    expect(differences(recorded({ referralCode: null }), request({ referralCode: 'ANA-K7M2QX' }))).toEqual([
      { field: 'referral_code', reason: 'none (this request: "ANA-K7M2QX")' },
    ]);
    expect(differences(recorded({ referralCode: undefined }), request({ referralCode: 'ANA-K7M2QX' }))).toEqual([]);
  });

  it('names only the first line that differs, and a line the request adds', () => {
    const line = (sku: string, quantity: string) => ({ line_no: 1, sku, name: null, category: null, quantity, unit_price_minor: 100 });
    expect(differences(recorded({ lines: [line('A', '1'), line('B', '1'), line('C', '1')] }), request({ lines: [line('A', '1'), line('X', '3'), line('Y', '1')] }))).toEqual([
      { field: 'lines.1.sku', reason: 'B (this request: X)' },
      { field: 'lines.1.quantity', reason: '1 (this request: 3)' },
    ]);
    expect(differences(recorded({ lines: [] }), request())).toEqual([
      { field: 'lines', reason: '0 lines (this request: 1 line)' },
      { field: 'lines.0', reason: 'none (this request: sku ESP, quantity 2, unit_price 2.20, name Espresso, category coffee)' },
    ]);
  });

  it('names an identity the recorded customer lacks, not one it gained since, nor any of an erased customer', () => {
    const gained = recorded({ customerIdentities: [{ kind: 'external_id', value: 'card-7' }, { kind: 'email', value: 'maja@example.com' }] });
    expect(differences(gained, request())).toEqual([]);
    const phone = request({ identities: [{ kind: 'external_id', value: 'card-8' }, { kind: 'phone', value: '+38640111222' }] });
    expect(differences(gained, phone)).toEqual([
      { field: 'customer.external_id', reason: 'card-7 (this request: card-8)' },
      { field: 'customer.phone', reason: 'none (this request: +38640111222)' },
    ]);
    expect(differences(recorded({ customerIdentities: null }), phone)).toEqual([]);
  });

  it('makes a conflict that lists the differences, or says a field not stored differs', () => {
    const error = purchaseConflict('till-1', [{ field: 'total', reason: '12.40 (this request: 12.50)' }]);
    expect(error).toMatchObject({ kind: 'conflict', message: 'Purchase till-1 was already recorded with other values: total 12.40 (this request: 12.50)', problems: [{ field: 'total', reason: '12.40 (this request: 12.50)' }] });
    expect(purchaseConflict('till-1', [])).toMatchObject({ kind: 'conflict', message: 'Purchase till-1 was already recorded with a different body (a field not stored differs)', problems: [] });
  });

  // QA: a Slovenian dashboard user retrying a purchase read the whole 409 in English.
  it("tells the differences and the conflict in the asked language, the values as written, a count of lines agreeing with its noun", () => {
    const line = (sku: string) => ({ line_no: 1, sku, name: null, category: null, quantity: '1', unit_price_minor: 100 });
    const lines = [line('A'), line('B'), line('C'), line('D'), line('E')];
    const changed = request({ storeId: 's1', storeCode: 'lj', lines: lines.slice(0, 2) });
    expect(differences(recorded({ lines }), changed, 'Europe/Ljubljana', 'sl')).toEqual([
      { field: 'store', reason: 'brez (ta zahteva: lj)' },
      { field: 'lines', reason: '5 vrstic (ta zahteva: 2 vrstici)' },
      { field: 'lines.2', reason: 'sku C, quantity 1, unit_price 1.00 (ta zahteva: brez)' },
    ]);
    expect(differences(recorded({ lines: lines.slice(0, 1) }), request({ lines: lines.slice(0, 2) }), 'UTC', 'ru')[0]).toEqual({ field: 'lines', reason: '1 строка (в этом запросе: 2 строки)' });
    expect(differences(recorded({ lines: lines.slice(0, 1) }), request({ lines: lines.slice(0, 2) }), 'UTC', 'da')[0]).toEqual({ field: 'lines', reason: '1 linje (denne anmodning: 2 linjer)' });
    const error = purchaseConflict('till-1', describePurchaseDifference({ recorded: recorded({ totalMinor: 1250 }), request: request(), timeZone: 'UTC' }));
    expect(error.in('tr')).toEqual({ message: 'till-1 alışverişi başka değerlerle zaten kaydedilmiş: total 12.50 (bu istek: 12.40)', problems: [{ field: 'total', reason: '12.50 (bu istek: 12.40)' }] });
    expect(purchaseConflict('till-1', []).in('da').message).toBe('Købet till-1 er allerede registreret med et andet indhold (et felt, der ikke gemmes, er anderledes)');
  });
});

describe('describeRefundDifference', () => {
  const refund = { currency: 'EUR', amountMinor: 450, occurredAt: new Date('2026-05-20T08:00:00Z'), reason: null, lines: [{ sku: 'ESP', quantity: 1 }] };
  const differ = (request: Parameters<typeof describeRefundDifference>[0]['request'], language: Language = 'en') => told(describeRefundDifference({ recorded: refund, request, timeZone: 'Europe/Ljubljana' }), language);

  it('compares an amount and a time only when the request gives them', () => {
    expect(differ({ external_id: 'r', lines: [{ sku: 'ESP', quantity: 1 }] })).toEqual([]);
    expect(differ({ external_id: 'r', amount: '4.5', occurred_at: '2026-05-20T10:00:00+02:00', lines: [{ sku: 'ESP', quantity: 1 }] })).toEqual([]);
    expect(differ({ external_id: 'r', amount: '4.505', reason: 'Cold', lines: [{ sku: 'ESP', quantity: 1 }] })).toEqual([
      { field: 'amount', reason: '4.50 (this request: 4.505)' },
      { field: 'reason', reason: 'none (this request: "Cold")' },
    ]);
  });

  it('tells a refund\'s conflict in the asked language', () => {
    const error = refundConflict('r', describeRefundDifference({ recorded: refund, request: { external_id: 'r', reason: 'Cold', lines: [{ sku: 'ESP', quantity: 1 }] }, timeZone: 'UTC' }));
    expect(error.message).toBe('Refund r was already recorded with other values: reason none (this request: "Cold")');
    expect(error.in('sl')).toEqual({ message: 'Vračilo r je že zabeleženo z drugimi vrednostmi: reason brez (ta zahteva: "Cold")', problems: [{ field: 'reason', reason: 'brez (ta zahteva: "Cold")' }] });
    expect(differ({ external_id: 'r' }, 'ru')[0]).toEqual({ field: 'lines', reason: '1 строка (в этом запросе: 0 строк)' });
  });

  it('names lines left out', () => {
    expect(differ({ external_id: 'r' })).toEqual([
      { field: 'lines', reason: '1 line (this request: 0 lines)' },
      { field: 'lines.0', reason: 'sku ESP, quantity 1 (this request: none)' },
    ]);
  });
});
