import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// QA (F5, F6): refusals of a body's fields that stayed English, or in zod's words, under a
// translated title. Each is told in the language asked; nothing is written on a refusal.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const inLanguage = (language?: string): Record<string, string> => (language ? { 'accept-language': language } : {});
const purchase = (over: Record<string, unknown>) => ({ external_id: 'fields-1', customer: { external_id: 'card-X' }, occurred_at: '2026-05-20T09:15:00+02:00', total: '3.00', ...over });
const buy = (over: Record<string, unknown>, language?: string) => api.call('POST', '/api/v1/purchases', { body: purchase(over), headers: inLanguage(language) });

describe("an email address that is not one (F5: English in every language, beside a translated phone's reason)", () => {
  const email = {
    en: 'must be a valid email address',
    sl: 'mora biti veljaven e-poštni naslov',
    tr: 'geçerli bir e-posta adresi olmalıdır',
    da: 'skal være en gyldig e-mailadresse',
    ru: 'должно быть корректным адресом электронной почты',
  };

  it("a purchase's customer, word for word in English as before and in the four others", async () => {
    for (const [language, reason] of Object.entries(email)) {
      const answer = await buy({ customer: { external_id: 'card-X', email: 'notanemail', phone: '12' } }, language === 'en' ? undefined : language);
      expect(answer.statusCode).toBe(422);
      expect(answer.json().errors[0]).toEqual({ field: 'customer.email', reason });
    }
    expect((await api.call('GET', '/api/v1/purchases/fields-1')).statusCode).toBe(404);
  });

  it("a customer's and a user's", async () => {
    const customer = await api.call('POST', '/api/v1/customers', { body: { email: 'notanemail' }, headers: inLanguage('da') });
    expect([customer.statusCode, customer.json().errors]).toEqual([422, [{ field: 'email', reason: email.da }]]);
    const born = await api.call('POST', '/api/v1/customers', { body: { external_id: 'fields-c', birthday: '2026-02-30' }, headers: inLanguage('sl') });
    expect(born.json().errors).toEqual([{ field: 'birthday', reason: 'tega datuma ni v koledarju' }]);
    const user = await api.call('POST', '/api/v1/users', { body: { email: 'owner.example.com', role: 'staff' }, headers: inLanguage('ru') });
    expect([user.statusCode, user.json().errors]).toEqual([422, [{ field: 'email', reason: email.ru }]]);
    expect((await api.call('POST', '/api/v1/users', { body: { email: 'owner.example.com', role: 'staff' } })).json().errors).toEqual([{ field: 'email', reason: email.en }]);
  });
});

describe("a value a field does not take, and a key a document does not have (F6: zod's raw wording)", () => {
  const program = {
    name: 'Beans',
    earning: { points_per_currency_unit: 10 },
    rewards: [{ code: 'coffee', name: 'A coffee on us', type: 'teleport', sku: 'COF-ESP', points: 500 }],
    earnings: {},
  };
  const apply = (language?: string) => api.call('POST', '/api/v1/loyalty/program', { body: { program }, headers: inLanguage(language) });

  it("in a program document, at the fields' paths as before, in English and the four others", async () => {
    const reasons = {
      en: ['must be one of fixed_discount, percent_discount', 'unknown field "earnings"'],
      sl: ['mora biti ena od vrednosti fixed_discount, percent_discount', 'neznano polje "earnings"'],
      tr: ['şunlardan biri olmalıdır: fixed_discount, percent_discount', 'bilinmeyen alan "earnings"'],
      da: ['skal være en af fixed_discount, percent_discount', 'ukendt felt "earnings"'],
      ru: ['должно быть одним из значений fixed_discount, percent_discount', 'неизвестное поле "earnings"'],
    };
    for (const [language, [type, key]] of Object.entries(reasons)) {
      const answer = await apply(language === 'en' ? undefined : language);
      expect(answer.statusCode).toBe(422);
      const errors: { field: string; reason: string }[] = answer.json().errors;
      expect(errors.find((e) => e.field === 'program.rewards.0.type')?.reason, language).toMatch(new RegExp(`^${type!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(errors.find((e) => e.field === 'program'), language).toEqual({ field: 'program', reason: key });
      for (const e of errors) expect(e.reason, `${language} ${e.field}`).not.toMatch(/Invalid option|Unrecognized key|expected one of|"\|"/);
    }
    expect((await api.call('GET', '/api/v1/loyalty/program')).json().versions).toEqual([]); // nothing was written
  });

  it("a customer's language and a user's role", async () => {
    const customer = await api.call('POST', '/api/v1/customers', { body: { external_id: 'fields-l', language: 'de' }, headers: inLanguage('tr') });
    expect(customer.json().errors).toEqual([{ field: 'language', reason: 'şunlardan biri olmalıdır: en, sl, tr, da, ru' }]);
    const user = await api.call('POST', '/api/v1/users', { body: { email: 'fields@example.com', role: 'boss' }, headers: inLanguage('da') });
    expect(user.json().errors).toEqual([{ field: 'role', reason: 'skal være en af owner, manager, staff' }]);
    expect((await api.call('POST', '/api/v1/users', { body: { email: 'fields@example.com', role: 'boss' } })).json().errors).toEqual([{ field: 'role', reason: 'must be one of owner, manager, staff' }]);
  });
});

describe("a refusal's headline names what was refused (F6: a purchase's and a refund's read the generic \"Invalid data\")", () => {
  const headlines = {
    sl: ['Neveljaven nakup: ', 'Neveljavno vračilo: ', 'Neveljavni podatki stranke: '],
    tr: ['Geçersiz alışveriş: ', 'Geçersiz iade: ', 'Geçersiz müşteri: '],
    da: ['Ugyldigt køb: ', 'Ugyldig refundering: ', 'Ugyldig kunde: '],
    ru: ['Неверная покупка: ', 'Неверный возврат: ', 'Неверные данные клиента: '],
  };

  it('a purchase, a refund and a customer, in English as before and the four others', async () => {
    expect((await buy({ external_id: 'fields-2' })).statusCode).toBe(201);
    const refund = (language?: string) => api.call('POST', '/api/v1/purchases/fields-2/refunds', { body: { external_id: 'fields-r', amount: 'lots' }, headers: inLanguage(language) });
    const customer = (language?: string) => api.call('POST', '/api/v1/customers', { body: { external_id: 'fields-h', language: 'de' }, headers: inLanguage(language) });
    const bad = (language?: string) => buy({ external_id: 'fields-3', total: 'abc' }, language);
    expect((await bad()).json().detail).toBe('Invalid purchase: total: must be a non-negative decimal amount such as "29.33"');
    expect((await refund()).json().detail).toMatch(/^Invalid refund: amount: /);
    expect((await customer()).json().detail).toMatch(/^Invalid customer: language: /);
    for (const [language, [purchase, refunded, customed]] of Object.entries(headlines)) {
      const answer = await bad(language);
      expect([answer.statusCode, answer.headers['content-language']]).toEqual([422, language]);
      expect(answer.json().detail, language).toBe(`${purchase}total: ${answer.json().errors[0].reason}`);
      expect((await refund(language)).json().detail, language).toMatch(new RegExp(`^${refunded}amount: `));
      expect((await customer(language)).json().detail, language).toMatch(new RegExp(`^${customed}language: `));
    }
    expect((await api.call('GET', '/api/v1/purchases/fields-3')).statusCode).toBe(404);
    expect((await api.call('GET', '/api/v1/purchases/fields-2')).json()).toMatchObject({ refunded: '0.00' });
  });
});

describe('an amount written with a decimal comma, as sl, tr, da and ru write one', () => {
  // The example was "29.33" in every language with no word of the point, where a reader of
  // those four writes 29,33; the API takes a JSON number or a text with a decimal point only.
  const reasons = {
    en: 'must be a non-negative decimal amount such as "29.33"',
    sl: 'mora biti nenegativen decimalni znesek z decimalno piko (ne vejico), na primer "29.33"',
    tr: '"29.33" gibi ondalık ayırıcısı nokta (virgül değil) olan, negatif olmayan bir tutar olmalıdır',
    da: 'skal være et ikke-negativt decimalbeløb med decimalpunktum (ikke komma), f.eks. "29.33"',
    ru: 'должно быть неотрицательной десятичной суммой с точкой (не запятой), например "29.33"',
  };

  it('is told to write it with a point, and the example given is taken', async () => {
    for (const [language, reason] of Object.entries(reasons)) {
      const answer = await buy({ external_id: `comma-${language}`, total: '29,33' }, language === 'en' ? undefined : language);
      expect(answer.statusCode, language).toBe(422);
      expect(answer.json().errors, language).toEqual([{ field: 'total', reason }]);
    }
    expect((await buy({ external_id: 'point-text', total: '29.33' })).statusCode).toBe(201);
    expect((await buy({ external_id: 'point-number', total: 29.33 })).statusCode).toBe(201);
  });
});
