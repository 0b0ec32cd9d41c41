import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A refusal is told in the language the request's Accept-Language prefers among the
// dashboard's (which sends its own with every call), with a Content-Language header; a
// client that names none (a till, a script, the CLI) reads the English it always did.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], reader: ['read'] } });

const program = {
  name: 'Beans',
  points_name: { en: 'points', sl: 'točk' },
  earning: { points_per_currency_unit: 10 },
  bonuses: { sign_up: 100 },
  rewards: [{ code: 'coffee', name: { en: 'A coffee on us', sl: 'Kava na naš račun' }, type: 'free_product', sku: 'COF-ESP', points: 500 }],
};

let mia: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  await api.services.auth.createUser({ email: 'owner@example.com', role: 'owner', password: 'a long password' }, { actor: 'test' });
  mia = (await api.call('POST', '/api/v1/customers', { body: { email: 'mia@example.com' } })).json().id;
  expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/enrol`)).json().balance).toBe(100);
});

const inLanguage = (language?: string): Record<string, string> => (language ? { 'accept-language': language } : {});
const adjust = (body: object, language?: string) => api.call('POST', `/api/v1/customers/${mia}/loyalty/adjustments`, { body: { reason: 'testing the limit', idempotency_key: crypto.randomUUID(), ...body }, headers: inLanguage(language) });
const simulate = (body: object, language?: string) => api.call('POST', '/api/v1/loyalty/program/simulate', { body, headers: inLanguage(language) });

describe('a staff adjustment refused', () => {
  it('in English, word for word as before, to a client that asks for no language', async () => {
    for (const language of [undefined, 'en-US,en;q=0.9,sl;q=0.8']) {
      const answer = await adjust({ points: -101 }, language);
      expect(answer.statusCode).toBe(422);
      expect(answer.headers['content-language']).toBeUndefined();
      expect(answer.json()).toEqual({
        type: 'about:blank', title: 'Unprocessable content', status: 422,
        detail: 'points: would take the balance below zero: 100 points are available',
        errors: [{ field: 'points', reason: 'would take the balance below zero: 100 points are available' }],
      });
    }
    expect((await adjust({ points: 1.5 })).json().errors).toEqual([{ field: 'points', reason: 'must be a whole number of points' }]);
  });

  it('in Slovenian and in Russian, with Content-Language', async () => {
    const sl = await adjust({ points: -101 }, 'sl-SI,sl;q=0.9,en;q=0.5');
    expect([sl.statusCode, sl.headers['content-language']]).toEqual([422, 'sl']);
    expect(sl.json()).toEqual({
      type: 'about:blank', title: 'Vsebine ni mogoče obdelati', status: 422,
      detail: 'points: bi stanje spravilo pod nič; na voljo: 100 točk',
      errors: [{ field: 'points', reason: 'bi stanje spravilo pod nič; na voljo: 100 točk' }],
    });
    const ru = await adjust({ points: 1.5, reason: 'ok' }, 'ru');
    expect(ru.headers['content-language']).toBe('ru');
    expect(ru.json().errors).toEqual([
      { field: 'points', reason: 'должно быть целым числом баллов' },
      { field: 'reason', reason: 'нужно не менее 3 символов: укажите причину, она записывается в журнал аудита' },
    ]);
    expect(ru.json().detail).toBe('Неверная корректировка баллов: points: должно быть целым числом баллов; reason: нужно не менее 3 символов: укажите причину, она записывается в журнал аудита');
    expect((await api.call('GET', `/api/v1/customers/${mia}/loyalty`)).json().balance).toBe(100); // nothing was written
  });
});

describe('a simulation refused', () => {
  const broken = { ...program, earning: { points_per_currency_unit: 0 }, rewards: [program.rewards[0], program.rewards[0]] };

  it("tells the document's problems, zod's and the program's own, in the language asked", async () => {
    const english = await simulate({ program: broken, since: '2026-01-01' });
    expect(english.json().errors).toEqual([
      { field: 'program.earning.points_per_currency_unit', reason: 'must be greater than 0' },
      { field: 'program.rewards.1.code', reason: '"coffee" is used twice' },
    ]);
    const sl = await simulate({ program: broken, since: '2026-01-01' }, 'sl');
    expect(sl.headers['content-language']).toBe('sl');
    expect(sl.json().errors).toEqual([
      { field: 'program.earning.points_per_currency_unit', reason: 'mora biti večje od 0' },
      { field: 'program.rewards.1.code', reason: 'koda "coffee" je uporabljena dvakrat' },
    ]);
    expect(sl.json().detail).toMatch(/^Neveljaven program: program\.earning\.points_per_currency_unit: mora biti večje od 0/);
    // zod's own issues in the language's words, not its locale's "ожидалось, что number будет >0".
    const ru = await simulate({ program: broken, since: '2026-01-01' }, 'ru');
    expect(ru.json().errors[0]).toEqual({ field: 'program.earning.points_per_currency_unit', reason: 'должно быть больше 0' });
    expect((await simulate({ program: broken, since: '2026-01-01' }, 'ru')).json().errors[1]).toEqual({ field: 'program.rewards.1.code', reason: 'код "coffee" используется дважды' });
  });

  it('tells what is wrong with since', async () => {
    const cases = [
      { since: '2026-02-30', en: 'is not a day of the calendar (2026-02-30)', sl: 'tega dne ni v koledarju (2026-02-30)', ru: 'такого дня нет в календаре (2026-02-30)' },
      // Audit: a future since was told as the UTC instant it starts at (2026-06-01T22:00:00.000Z for 2 June), not as typed.
      { since: '2026-06-02', en: 'is in the future (2026-06-02; it is now 2026-06-01): there is nothing to replay yet', sl: 'je v prihodnosti (2026-06-02; zdaj je 2026-06-01): nakupov za ponovni izračun še ni', ru: 'в будущем (2026-06-02; сейчас 2026-06-01): пересчитывать пока нечего' },
      { since: '2999-01-01T00:00:00Z', en: 'is in the future (2999-01-01T00:00:00Z; it is now 2026-06-01T14:00:00+02:00): there is nothing to replay yet', sl: 'je v prihodnosti (2999-01-01T00:00:00Z; zdaj je 2026-06-01T14:00:00+02:00): nakupov za ponovni izračun še ni', ru: 'в будущем (2999-01-01T00:00:00Z; сейчас 2026-06-01T14:00:00+02:00): пересчитывать пока нечего' },
      { since: '', en: 'is required (YYYY-MM-DD)', sl: 'je obvezno (YYYY-MM-DD)', ru: 'обязательное поле (YYYY-MM-DD)' },
    ];
    for (const { since, ...reasons } of cases) {
      for (const language of ['en', 'sl', 'ru'] as const) {
        const answer = await simulate({ program, since }, language === 'en' ? undefined : language);
        expect([answer.statusCode, answer.json().errors]).toEqual([422, [{ field: 'since', reason: reasons[language] }]]);
      }
    }
  });

  // QA: Fastify's English sentence followed the translated one; the parser's position of the error is kept (request-refusals.test.ts).
  it('tells a body that is no JSON in the language alone', async () => {
    const answer = await api.call('POST', '/api/v1/loyalty/program/simulate', { body: '{"program": ', headers: { 'content-type': 'application/json', 'accept-language': 'ru' } });
    expect([answer.statusCode, answer.headers['content-language']]).toEqual([400, 'ru']);
    expect(answer.json()).toMatchObject({ title: 'Неверный запрос', detail: 'Тело запроса не является корректным JSON (в позиции 11)' });
  });
});

describe('other refusals a dashboard user meets', () => {
  it("a purchase's amount with more decimals than the currency has (QA: it stayed English)", async () => {
    const body = { external_id: 'decimals-1', customer: { email: 'decimals@example.com' }, occurred_at: '2026-05-20T10:00:00Z', total: '12.345' };
    const english = await api.call('POST', '/api/v1/purchases', { body });
    expect(english.statusCode).toBe(422);
    expect(english.json().errors).toEqual([{ field: 'total', reason: '"12.345" has more than 2 decimals for EUR' }]);
    const slovenian = await api.call('POST', '/api/v1/purchases', { body, headers: inLanguage('sl') });
    expect(slovenian.json().errors).toEqual([{ field: 'total', reason: '"12.345" ima več decimalnih mest, kot jih dopušča EUR (2)' }]);
  });

  it('a reward the member cannot afford, named as the program names it in the language', async () => {
    const redeem = (language?: string) => api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: 'coffee', idempotency_key: 'coffee-1' }, headers: inLanguage(language) });
    expect((await redeem()).json().detail).toBe('Not enough points: "A coffee on us" costs 500 points, 100 are available');
    expect((await redeem('sl')).json().detail).toBe('Premalo točk: "Kava na naš račun" stane 500 točk, na voljo: 100');
    expect((await redeem('tr')).json().detail).toBe('Yeterli points yok: "A coffee on us" için 500 points gerekiyor; kullanılabilir: 100');
  });

  it('a wrong password, a missing scope and no credentials', async () => {
    const login = await api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'owner@example.com', password: 'not the password' }, headers: { 'accept-language': 'da' } });
    expect([login.statusCode, login.json().detail]).toEqual([401, 'Forkert e-mail eller adgangskode']);
    const reader = await api.call('POST', `/api/v1/customers/${mia}/loyalty/adjustments`, { key: api.keys.reader, body: { points: 5, reason: 'why not', idempotency_key: 'k' }, headers: { 'accept-language': 'sl' } });
    expect([reader.statusCode, reader.json().title, reader.json().detail]).toEqual([403, 'Dostop ni dovoljen', 'Za to je potreben obseg "write"; ključ API ima read']);
    const nobody = await api.call('GET', '/api/v1/loyalty/program', { key: null });
    expect(nobody.json().detail).toBe('Authentication required: send "Authorization: Bearer <API key>" or log in to the dashboard');
  });

  it('a login tried too often (last here: it uses up the minute\'s logins)', async () => {
    const login = (language?: string) => api.call('POST', '/api/v1/auth/login', { key: null, body: { email: 'owner@example.com', password: 'guessing' }, headers: inLanguage(language) });
    let answer = await login();
    for (let tries = 0; answer.statusCode !== 429 && tries < 20; tries++) answer = await login();
    expect([answer.statusCode, answer.json().detail]).toEqual([429, expect.stringMatching(/^Too many requests; try again in \d+ s$/)]);
    const sl = await login('sl');
    expect([sl.statusCode, sl.headers['content-language'], sl.json().title, sl.json().detail]).toEqual([429, 'sl', 'Preveč zahtev', expect.stringMatching(/^Preveč zahtev; poskusite znova čez \d+ s$/)]);
  });
});
