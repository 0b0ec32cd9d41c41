import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// QA finding: the points' name did not agree with the number before it. The example
// program called them "zrna" and "зёрна", so a refusal said "stane 500 zrna" and
// "стоит 500 зёрна", where Slovenian needs "500 zrn" and Russian "500 зёрен". A program
// now gives a language's name by its plural forms (examples/program.json does for four
// of the five languages), and each number takes its form by the language's rules.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

// The example's names; rewards at costs that reach each form (the member has 0 points).
const COSTS = [1, 2, 3, 5, 21, 102];
const program = {
  name: 'Counted beans',
  points_name: JSON.parse(fs.readFileSync('examples/program.json', 'utf8')).points_name,
  earning: { points_per_currency_unit: 10 },
  rewards: COSTS.map((points) => ({ code: `r${points}`, name: { en: `Reward ${points}`, sl: `Nagrada ${points}`, ru: `Награда ${points}` }, type: 'free_product', sku: 'COF-ESP', points })),
};

let mia: string;

beforeAll(async () => {
  expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program } })).statusCode).toBe(201);
  mia = (await api.call('POST', '/api/v1/customers', { body: { email: 'mia@example.com' } })).json().id;
  expect((await api.call('POST', `/api/v1/customers/${mia}/loyalty/enrol`)).json().balance).toBe(0);
});

const refusal = async (points: number, language: string): Promise<string> => {
  const answer = await api.call('POST', `/api/v1/customers/${mia}/loyalty/redemptions`, { body: { reward: `r${points}`, idempotency_key: `r${points}-${language}` }, headers: { 'accept-language': language } });
  expect(answer.statusCode).toBe(409);
  return answer.json().detail as string;
};

describe("a reward the member cannot afford, its cost with the points' name in the form the number takes", () => {
  it('in Slovenian: 1 zrno, 2 zrni, 3 zrna, 5 zrn (and 21 zrn, 102 zrni: by the last digits)', async () => {
    const said = [];
    for (const points of COSTS) said.push(await refusal(points, 'sl'));
    expect(said).toEqual(['1 zrno', '2 zrni', '3 zrna', '5 zrn', '21 zrn', '102 zrni'].map((cost, i) => `Premalo zrn: "Nagrada ${COSTS[i]}" stane ${cost}, na voljo: 0`));
  });

  it('in Russian: 1 зерно, 2 and 3 зерна, 5 зёрен (and 21 зерно, 102 зерна)', async () => {
    const said = [];
    for (const points of COSTS) said.push(await refusal(points, 'ru'));
    expect(said).toEqual(['1 зерно', '2 зерна', '3 зерна', '5 зёрен', '21 зерно', '102 зерна'].map((cost, i) => `Недостаточно зёрен: "Награда ${COSTS[i]}" стоит ${cost}, доступно: 0`));
  });

  it('in English and Danish by one and other, in Turkish the one text the program gives', async () => {
    expect(await refusal(1, 'en')).toBe('Not enough beans: "Reward 1" costs 1 bean, 0 are available');
    expect(await refusal(2, 'en')).toBe('Not enough beans: "Reward 2" costs 2 beans, 0 are available');
    expect(await refusal(1, 'da')).toBe('Ikke nok bønner: "Reward 1" koster 1 bønne, 0 er til rådighed');
    expect(await refusal(5, 'da')).toBe('Ikke nok bønner: "Reward 5" koster 5 bønner, 0 er til rådighed');
    expect(await refusal(1, 'tr')).toBe('Yeterli çekirdek yok: "Reward 1" için 1 çekirdek gerekiyor; kullanılabilir: 0');
    expect(await refusal(5, 'tr')).toBe('Yeterli çekirdek yok: "Reward 5" için 5 çekirdek gerekiyor; kullanılabilir: 0');
  });
});

describe("the points' name in the answers", () => {
  it("the rewards list gives each reward's points_name in the form its cost takes, in the language asked (English by default)", async () => {
    const names = async (query: string) => (await api.call('GET', `/api/v1/loyalty/rewards${query}`)).json().rewards.map((r: { points_name: string }) => r.points_name);
    expect(await names('')).toEqual(['bean', 'beans', 'beans', 'beans', 'beans', 'beans']);
    expect(await names('?language=sl')).toEqual(['zrno', 'zrni', 'zrna', 'zrn', 'zrn', 'zrni']);
    expect(await names(`?language=ru&customer_id=${mia}`)).toEqual(['зерно', 'зерна', 'зерна', 'зёрен', 'зерно', 'зерна']);
    const unknown = await api.call('GET', '/api/v1/loyalty/rewards?language=xx');
    expect([unknown.statusCode, unknown.json().errors[0].field]).toEqual([422, 'language']);
  });

  it("the member's account: points_name the word with no number (the other form), points_name_forms the forms to print a number with", async () => {
    const account = async (language: string) => (await api.call('GET', `/api/v1/customers/${mia}/loyalty?language=${language}`)).json();
    expect(await account('sl')).toMatchObject({ points_name: 'zrn', points_name_forms: { one: 'zrno', two: 'zrni', few: 'zrna', other: 'zrn' } });
    expect(await account('ru')).toMatchObject({ points_name: 'зерна', points_name_forms: { one: 'зерно', few: 'зерна', many: 'зёрен', other: 'зерна' } });
    expect(await account('en')).toMatchObject({ points_name: 'beans', points_name_forms: { one: 'bean', other: 'beans' } });
    expect((await account('tr')).points_name_forms).toEqual({ other: 'çekirdek' });
  });
});
