import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The survey's thank-you points, refused as every other loyalty call is: in the language
// asked (audit: "No loyalty program is in force" and "The customer is not a loyalty member
// yet" came in English whatever the request's language), and a field the body does not take
// named, a `score` above all — the bonus never depends on the score, and a score sent with it
// passed in silence as if it had counted. Nothing is written by a refused call.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const survey = (customer: string, body: object, language?: string) =>
  api.call('POST', `/api/v1/customers/${customer}/loyalty/bonuses/survey`, { body, headers: language ? { 'accept-language': language } : {} });
const given = async () =>
  (await api.services.db.selectFrom('loyalty_entries').select('points').where('idempotency_key', 'like', 'bonus:survey:%').execute()).length;

describe('POST /customers/{id}/loyalty/bonuses/survey', () => {
  let mia: string;

  it('with no program in force, says so in the language asked', async () => {
    mia = (await api.call('POST', '/api/v1/customers', { body: { email: 'mia@example.com' } })).json().id;
    const sl = await survey(mia, { response_id: 'resp-1' }, 'sl');
    expect([sl.statusCode, sl.headers['content-language'], sl.json().detail])
      .toEqual([422, 'sl', 'Noben program zvestobe ne velja: najprej ga uveljavite (regulars loyalty apply program.json)']);
    expect((await survey(mia, { response_id: 'resp-1' }, 'ru')).json().detail).toBe('Программа лояльности не действует: сначала примените её (regulars loyalty apply program.json)');
    expect((await survey(mia, { response_id: 'resp-1' })).json().detail).toBe('No loyalty program is in force: apply one first (regulars loyalty apply program.json)');
  });

  it('to a customer who is not a member yet, says so in the language asked', async () => {
    await api.services.loyalty.applyProgram({ program: { name: 'Survey', earning: { points_per_currency_unit: 1 }, bonuses: { survey: 30 } } }, { actor: 'test' });
    const da = await survey(mia, { response_id: 'resp-1' }, 'da');
    expect([da.statusCode, da.headers['content-language'], da.json().detail])
      .toEqual([409, 'da', 'Kunden er endnu ikke medlem af loyalitetsprogrammet (intet køb, ingen tilmelding)']);
    expect((await survey(mia, { response_id: 'resp-1' }, 'tr')).json().detail).toBe('Müşteri henüz sadakat programı üyesi değil (alışveriş yok, kayıt yok)');
    expect(await given()).toBe(0);
  });

  it('refuses a score, naming the field in the language asked, and thanks without one', async () => {
    expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/enrol`, {})).statusCode).toBeLessThan(300);
    const sl = await survey(mia, { response_id: 'resp-1', score: 2 }, 'sl');
    expect([sl.statusCode, sl.json().errors]).toEqual([422, [{ field: '(body)', reason: 'neznano polje "score"' }]]);
    expect((await survey(mia, { response_id: 'resp-1', score: 9 })).json().errors).toEqual([{ field: '(body)', reason: 'unknown field "score"' }]);
    expect(await given()).toBe(0);
    const thanked = await survey(mia, { response_id: 'resp-1' });
    expect([thanked.statusCode, thanked.json()]).toEqual([201, { points: 30 }]);
  });
});
