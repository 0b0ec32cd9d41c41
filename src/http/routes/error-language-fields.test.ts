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
