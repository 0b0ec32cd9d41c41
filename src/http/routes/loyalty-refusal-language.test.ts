import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { timeIn } from '../../shared/clock.ts';

// Loyalty refusals told whole in the request's language: a referral claim's reasons (not
// only the title), a checkout reservation's by the program's name for its points, and a
// staff adjustment's numbers as the language writes them.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Grains',
  points_name: { en: { one: 'grain', other: 'grains' }, ru: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' }, sl: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' } },
  earning: { points_per_currency_unit: 1 },
  bonuses: { referral: { referrer: 50, friend: 25, minimum_purchase: '10.00' } },
  reservation_minutes: 15,
};

const inLanguage = (language?: string): Record<string, string> => (language ? { 'accept-language': language } : {});
const post = async (url: string, body: object | undefined, language?: string) => {
  const answer = await api.call('POST', url, { body, headers: inLanguage(language) });
  return { status: answer.statusCode, detail: answer.json().detail as string, errors: answer.json().errors as { field: string; reason: string }[] | undefined };
};
const customer = async (email: string, phone?: string) => (await api.call('POST', '/api/v1/customers', { body: { email, ...(phone ? { phone } : {}) } })).json().id as string;
/** The member's code to share: a customer who has not bought joins the program first. */
const codeOf = async (id: string) => {
  await api.call('POST', `/api/v1/customers/${id}/loyalty/enrol`);
  return (await api.call('POST', `/api/v1/customers/${id}/loyalty/referral-code`)).json().code as string;
};
const claim = (id: string, code: string, language?: string) => post(`/api/v1/customers/${id}/loyalty/referral`, { code }, language);

let ana: string;
let anaCode: string;
let buyer: string;

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'g-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-30T10:00:00Z', total: '19272.00' } });
  ana = bought.json().customer_id;
  anaCode = await codeOf(ana);
  buyer = (await api.call('POST', '/api/v1/purchases', { body: { external_id: 'g-2', customer: { email: 'old@example.com' }, occurred_at: '2026-05-30T11:00:00Z', total: '5.00' } })).json().customer_id;
});

describe('a referral refused', () => {
  it('in Slovenian and Russian, each reason', async () => {
    const reasons = async (id: string, code: string) => {
      const [en, sl, ru] = [await claim(id, code), await claim(id, code, 'sl'), await claim(id, code, 'ru')];
      expect([en.status, sl.status, ru.status]).toEqual([422, 422, 422]);
      return [en, sl, ru].map((a) => a.errors?.[0].reason);
    };
    expect(await reasons(ana, anaCode)).toEqual(['is your own code', 'je vaša lastna koda', 'это ваш собственный код']);
    const alias = await customer('ana+x@example.com');
    expect(await reasons(alias, anaCode)).toEqual([
      'belongs to someone with the same email or phone',
      'pripada nekomu z istim e-poštnim naslovom ali telefonsko številko',
      'принадлежит человеку с тем же адресом электронной почты или телефоном',
    ]);
    expect(await reasons(buyer, anaCode)).toEqual([
      'is for new customers; this customer has bought before',
      'je namenjena novim strankam; ta stranka je že opravila nakup',
      'предназначен для новых клиентов; этот клиент уже совершал покупки',
    ]);
    expect(await reasons(alias, 'NOPE-123')).toEqual(['no referral code NOPE-123', 'koda za priporočilo NOPE-123 ne obstaja', 'кода приглашения NOPE-123 не существует']);
    // Bea, referred by Ana, cannot refer Ana back.
    const bea = await customer('bea@example.com');
    expect((await claim(bea, anaCode)).status).toBe(201);
    expect(await reasons(ana, await codeOf(bea))).toEqual(['belongs to a friend you referred', 'pripada prijatelju, ki ste ga priporočili vi', 'принадлежит другу, которого пригласили вы']);
  });

  it('a second referrer: 409 in Slovenian and Russian', async () => {
    const cid = await customer('cid@example.com');
    const dan = await customer('dan@example.com');
    expect((await claim(dan, anaCode)).status).toBe(201);
    const other = await codeOf(cid);
    expect((await claim(dan, other)).detail).toBe('The customer was already referred by someone else');
    expect(await claim(dan, other, 'sl')).toMatchObject({ status: 409, detail: 'Stranko je že priporočil nekdo drug' });
    expect(await claim(dan, other, 'ru')).toMatchObject({ status: 409, detail: 'Клиента уже пригласил кто-то другой' });
  });
});

describe('a reservation refused, by the program\'s name for its points', () => {
  const url = (rest = '') => `/api/v1/customers/${ana}/loyalty/reservations${rest}`;
  const reserve = async (points: number, key: string) => (await api.call('POST', url(), { body: { points, idempotency_key: key } })).json().reservation.id as string;

  it('more than reserved, and captured already', async () => {
    const held = await reserve(21, 'r-1');
    expect((await post(url(`/${held}/capture`), { points: 30 })).errors).toEqual([{ field: 'points', reason: 'must be at most 21, the grains reserved' }]);
    expect((await post(url(`/${held}/capture`), { points: 30 }, 'ru')).errors).toEqual([{ field: 'points', reason: 'должно быть не больше 21: столько зёрен зарезервировано' }]);
    expect((await post(url(`/${held}/capture`), undefined)).status).toBe(200);
    expect((await post(url(`/${held}/release`), undefined, 'ru')).detail)
      .toBe('Резерв уже списан: заказ оплачен (21 зерно); списанное не возвращается ни при снятии резерва, ни при возврате заказа; вернуть его может сотрудник корректировкой баланса');
  });

  it('timed out before the capture: its points went back, by their name', async () => {
    const held = await reserve(3, 'r-2');
    // Told at the business's time (Europe/Ljubljana), as a till's clock reads it.
    const expiresAt = timeIn(new Date(api.services.clock.now().getTime() + 15 * 60_000), 'Europe/Ljubljana');
    api.services.clock.set(new Date(api.services.clock.now().getTime() + 16 * 60_000));
    expect((await post(url(`/${held}/capture`), undefined)).detail).toBe(`The reservation expired at ${expiresAt}, before it was captured; its 3 grains went back to the member; reserve again`);
    expect((await post(url(`/${held}/capture`), undefined, 'ru')).detail).toBe(`Срок резерва истёк ${expiresAt}, до списания; участнику возвращено: 3 зерна; зарезервируйте снова`);
    expect((await post(url(`/${held}/capture`), undefined, 'sl')).detail).toBe(`Rezervacija je potekla ${expiresAt}, preden je bila potrjena; članu je bilo vrnjeno: 3 zrna; rezervirajte znova`);
  });
});

describe('a staff adjustment refused', () => {
  const adjust = (points: unknown, language?: string) =>
    post(`/api/v1/customers/${ana}/loyalty/adjustments`, { points, reason: 'testing the limit', idempotency_key: crypto.randomUUID() }, language);

  it('below zero: the balance with its thousands grouped as the language groups them', async () => {
    const available = (await api.call('GET', `/api/v1/customers/${ana}/loyalty`)).json().balance as number;
    expect(available).toBeGreaterThan(19000);
    const grouped = { en: available.toLocaleString('en-GB'), ru: available.toLocaleString('ru-RU'), da: available.toLocaleString('da-DK') };
    expect((await adjust(-(available + 1))).errors).toEqual([{ field: 'points', reason: `would take the balance below zero: ${grouped.en} grains are available` }]);
    expect((await adjust(-(available + 1), 'da')).errors?.[0].reason).toBe(`ville bringe saldoen under nul: ${grouped.da} grains er til rådighed`);
    expect((await adjust(-(available + 1), 'ru')).errors?.[0].reason).toMatch(new RegExp(`^баланс стал бы отрицательным; доступно: ${grouped.ru} зер`));
    expect(grouped.en).toContain(',');
  });

  it('an oversized number: not whole and too large, in every language as in English', async () => {
    const expected = {
      en: ['must be a whole number of points', 'is too large'],
      sl: ['mora biti celo število točk', 'je preveliko'],
      tr: ['puan tam sayı olmalıdır', 'çok büyük'],
      da: ['skal være et helt antal point', 'er for stort'],
      ru: ['должно быть целым числом баллов', 'слишком большое значение'],
    };
    for (const [language, reasons] of Object.entries(expected)) {
      const answer = await adjust(99999999999999999, language);
      expect([answer.status, answer.errors?.map((e) => e.reason)], language).toEqual([422, reasons]);
    }
  });
});
