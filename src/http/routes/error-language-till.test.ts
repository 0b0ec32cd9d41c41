import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The refusals a till (or the dashboard standing in for one) meets at checkout — a coupon
// unknown, used up or limited per customer, a reservation of points refused, an id of no
// customer — told in the request's Accept-Language, and in English, word for word as
// before, to a client that names none (error-language.test.ts does the same for the rest).

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = { name: 'Checkout', earning: { points_per_currency_unit: 10 }, reservation_minutes: 15 };
const nobody = '00000000-0000-4000-8000-0000000000aa';
let mia: string;
let spring: string[];

const inLanguage = (language?: string): Record<string, string> => (language ? { 'accept-language': language } : {});
const told = async (method: 'GET' | 'POST', url: string, body?: object, language?: string) => {
  const answer = await api.call(method, url, { body, headers: inLanguage(language) });
  return { status: answer.statusCode, language: answer.headers['content-language'], title: answer.json().title, detail: answer.json().detail, errors: answer.json().errors };
};

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 't-1', customer: { email: 'mia@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '50.00' } });
  mia = bought.json().customer_id;
  const made = async (body: object) => {
    const answer = await api.call('POST', '/api/v1/coupons/campaigns', { body });
    expect(answer.statusCode).toBe(201);
    return answer.json().codes as string[];
  };
  await made({ name: 'Welcome', idempotency_key: 'welcome', benefit: { type: 'percent_discount', percent: 10 }, code: 'WELCOME-26' });
  spring = await made({ name: 'Spring', idempotency_key: 'spring', benefit: { type: 'percent_discount', percent: 5 }, count: 2, per_customer_limit: 1 });
});

describe('a coupon refused', () => {
  it('unknown: 404 in English, Slovenian and Turkish', async () => {
    expect(await told('GET', '/api/v1/coupons/NOPE-0000')).toEqual({ status: 404, language: undefined, title: 'Not found', detail: 'Coupon NOPE-0000 not found', errors: undefined });
    expect(await told('GET', '/api/v1/coupons/NOPE-0000', undefined, 'sl')).toEqual({ status: 404, language: 'sl', title: 'Ni najdeno', detail: 'Kupona NOPE-0000 ni mogoče najti', errors: undefined });
    expect((await told('POST', '/api/v1/coupons/NOPE-0000/redeem', { idempotency_key: 'u-0' }, 'tr')).detail).toBe('Kupon NOPE-0000 bulunamadı');
  });

  it('used up: 409 in English and Turkish; the check answers its problem in the same language, beside a stable code', async () => {
    expect((await told('POST', '/api/v1/coupons/WELCOME-26/redeem', { idempotency_key: 'u-1' })).status).toBe(201);
    expect(await told('POST', '/api/v1/coupons/WELCOME-26/redeem', { idempotency_key: 'u-2' })).toMatchObject({ status: 409, detail: 'Coupon WELCOME-26 cannot be used: the coupon was already used' });
    expect(await told('POST', '/api/v1/coupons/WELCOME-26/redeem', { idempotency_key: 'u-2' }, 'tr')).toMatchObject({ status: 409, language: 'tr', title: 'Çakışma', detail: 'WELCOME-26 kuponu kullanılamaz: kupon zaten kullanıldı' });
    // QA: the check's problem stayed English beside a Turkish refusal of the same coupon.
    const check = async (language?: string) => (await api.call('GET', '/api/v1/coupons/WELCOME-26', { headers: inLanguage(language) })).json();
    expect(await check()).toMatchObject({ usable: false, problem: 'the coupon was already used', problem_code: 'used' });
    expect(await check('tr')).toMatchObject({ usable: false, problem: 'kupon zaten kullanıldı', problem_code: 'used' });
    expect(await check('sl')).toMatchObject({ problem: 'kupon je bil že uporabljen', problem_code: 'used' });
    expect(await check('ru')).toMatchObject({ problem: 'купон уже использован', problem_code: 'used' });
    expect(await check('da')).toMatchObject({ problem: 'kuponen er allerede brugt', problem_code: 'used' });
    const usable = (await api.call('GET', `/api/v1/coupons/${spring[1]}`, { headers: inLanguage('sl') })).json();
    expect(usable).toMatchObject({ usable: true, problem: null, problem_code: null });
    // The check says the language its problem is told in, as the refusal does (QA F8); English goes unsaid.
    const header = async (language?: string) => (await api.call('GET', '/api/v1/coupons/WELCOME-26', { headers: inLanguage(language) })).headers['content-language'];
    expect([await header('da'), await header('ru;q=0.5, en'), await header()]).toEqual(['da', undefined, undefined]);
  });

  it("limited per customer: the customer's id required, the campaign's limit, in Danish and Russian", async () => {
    const use = (code: string, body: object, language?: string) => told('POST', `/api/v1/coupons/${code}/redeem`, body, language);
    expect((await use(spring[0], { idempotency_key: 's-0' }, 'da')).errors).toEqual([{ field: 'customer_id', reason: 'skal angives: denne kupon er begrænset pr. kunde' }]);
    expect((await use(spring[0], { idempotency_key: 's-1', customer_id: mia })).status).toBe(201);
    const limit = 'codes were already used 1 time by this customer in campaign "Spring" (limit 1)';
    expect((await use(spring[1], { idempotency_key: 's-2', customer_id: mia })).detail).toBe(`Coupon ${spring[1]} cannot be used: ${limit}`);
    expect((await use(spring[1], { idempotency_key: 's-2', customer_id: mia }, 'ru')).detail)
      .toBe(`Купон ${spring[1]} нельзя использовать: этот клиент уже использовал коды кампании "Spring" 1 раз (лимит: 1)`);
    expect((await use(spring[1], { idempotency_key: 's-3', customer_id: nobody }, 'da')).detail).toBe(`Kunden ${nobody} blev ikke fundet`);
  });

  it("a campaign's fields: the schema's own texts told in Slovenian", async () => {
    const sl = await told('POST', '/api/v1/coupons/campaigns', { name: 'Short', benefit: { type: 'percent_discount', percent: 5 }, code: 'AB' }, 'sl');
    expect(sl.status).toBe(422);
    expect(sl.errors).toEqual(expect.arrayContaining([
      { field: 'idempotency_key', reason: 'je obvezno (z njim so ponovni poskusi varni)' },
      { field: 'code', reason: 'mora imeti 4–40 črk, števk ali vezajev' },
    ]));
  });
});

describe('a reservation of points refused', () => {
  const reservations = `/api/v1/customers/{id}/loyalty/reservations`;
  const url = (rest = '') => reservations.replace('{id}', mia) + rest;

  it('not enough points: 409 in English and Slovenian, what is on hand told in the same language', async () => {
    expect(await told('POST', url(), { points: 100000, idempotency_key: 'r-big' })).toMatchObject({ status: 409, detail: 'Not enough points: 100,000 points asked, 500 are available' });
    expect(await told('POST', url(), { points: 100000, idempotency_key: 'r-big' }, 'sl')).toMatchObject({ status: 409, language: 'sl', title: 'Konflikt', detail: 'Premalo točk: zahtevano: 100.000 točk, na voljo: 500' });
  });

  it('captured, then released: 409 in English and Slovenian; a capture of a fraction, 422', async () => {
    const held = (await api.call('POST', url(), { body: { points: 50, idempotency_key: 'r-1' } })).json().reservation.id as string;
    expect((await told('POST', url(`/${held}/capture`), { points: 1.5 }, 'sl')).errors).toEqual([{ field: 'points', reason: 'mora biti celo število' }]);
    expect((await told('POST', url(`/${held}/capture`), { points: 60 }, 'ru')).errors).toEqual([{ field: 'points', reason: 'должно быть не больше 50: столько баллов зарезервировано' }]);
    expect((await told('POST', url(`/${held}/capture`))).status).toBe(200);
    expect(await told('POST', url(`/${held}/release`))).toMatchObject({
      status: 409, detail: 'The reservation was captured: the order was paid with 50 points, which neither a release nor a refund of the order gives back; staff can return what was spent with an adjustment',
    });
    expect(await told('POST', url(`/${held}/release`), undefined, 'sl')).toMatchObject({ status: 409, language: 'sl', detail: 'Rezervacija je bila potrjena in naročilo plačano (porabljeno: 50 točk); tega ne vrneta ne sprostitev ne vračilo naročila; porabljeno lahko vrne osebje z ročno spremembo stanja' });
    expect((await told('POST', url(`/${held}/release`), undefined, 'ru')).detail)
      .toBe('Резерв уже списан: заказ оплачен (50 баллов); списанное не возвращается ни при снятии резерва, ни при возврате заказа; вернуть его может сотрудник корректировкой баланса');
    expect((await told('POST', url(`/${held}/capture`), { points: 20 }, 'da')).detail).toBe(`Reservationen ${held} er allerede gennemført for 50 af de 50 reserverede point, ikke 20`);
  });

  it('unknown: 404 in Russian; an id of no customer in Turkish', async () => {
    expect(await told('POST', url(`/${nobody}/capture`), undefined, 'ru')).toMatchObject({ status: 404, title: 'Не найдено', detail: `Резерв ${nobody} не найден` });
    expect((await told('POST', reservations.replace('{id}', nobody), { points: 5, idempotency_key: 'r-2' }, 'tr')).detail).toBe(`Müşteri ${nobody} bulunamadı`);
    expect((await told('POST', reservations.replace('{id}', nobody), { points: 5, idempotency_key: 'r-2' })).detail).toBe(`Customer ${nobody} not found`);
  });
});

it('a route that does not exist: 404 in the language asked', async () => {
  expect(await told('GET', '/api/v1/nothing-here?x=1', undefined, 'tr')).toMatchObject({ status: 404, language: 'tr', detail: 'Böyle bir yol yok: GET /api/v1/nothing-here' });
  expect((await told('GET', '/api/v1/nothing-here')).detail).toBe('No route GET /api/v1/nothing-here');
});
