import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../src/modules/loyalty/index.ts';
import { recordPurchases } from '../../src/workflows/record-purchases.ts';
import { EXAMPLE_PROGRAM as EXAMPLE, screenshotDirs, useDashboard } from './browser.ts';

// What publishing a proposal would do to tiers, member by member, in real Chromium: the
// simulation names whom each tier policy would move (QA: it showed only counts, so an
// owner could not tell whose Gold a stricter threshold takes), and a proposal that keeps
// the tier rules says that publishing it re-places nobody, and so does the publish message,
// rather than "0 up, 0 down" per policy.
//
// The example program: Silver from €250, Gold from €750 spent in the last 12 months.
// Ana and Bojan hold Gold, Cem holds the base tier, and so do 51 regulars known only by
// their card (no name, no email), each €150 past a proposal's Silver from €100.
const CROWD = 51;

const dashboard = useDashboard({
  seed: async (s) => {
    await s.stores.upsert({ code: 'ljubljana', name: 'Ljubljana', city: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
    await s.loyalty.applyProgram({ program: EXAMPLE }, { actor: 'test' });
    const buy = (external_id: string, customer: object, day: string, total: string) => ({
      external_id, customer, occurred_at: `${day}T09:00:00Z`, store: 'ljubljana', total,
      lines: [{ sku: 'BEANS-1KG', name: 'Beans 1 kg', category: 'beans', quantity: 1, unit_price: total }],
    });
    // One at a time, a few milliseconds apart: ids carry their creation time, and the movers
    // are listed in id order within each direction, so the order on screen is known.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 3));
    for (const [key, customer, total] of [
      ['a', { external_id: 'card-1', email: 'ana@example.com', first_name: 'Ana', last_name: 'Kovač' }, '820.00'],
      ['b', { external_id: 'card-2', email: 'bojan@example.com', first_name: 'Bojan', last_name: 'Horvat' }, '790.00'],
      ['c', { external_id: 'card-3', email: 'cem@example.com', first_name: 'Cem', last_name: 'Demir' }, '120.00'],
    ] as const) {
      await recordPurchases(s, [buy(`${key}-1`, customer, '2026-04-02', total)], { source: 'api' });
      await pause();
    }
    const crowd = Array.from({ length: CROWD }, (_, i) => buy(`r-${i}`, { external_id: `card-r${String(i).padStart(3, '0')}` }, '2026-05-04', '150.00'));
    const outcomes = await recordPurchases(s, crowd, { source: 'api' });
    expect(outcomes.every((o) => o.status === 'created')).toBe(true);
  },
});

const SHOTS = screenshotDirs().more;

async function openEditor(page: Page) {
  await page.goto(`${dashboard.server.url}/loyalty/program`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=program-editor]') as HTMLTextAreaElement | null)?.value.includes('"threshold"'));
}

/** Simulates `document` from the page, and gives the answer the page shows. */
async function simulate(page: Page, document: unknown): Promise<SimulationReport> {
  await page.getByTestId('program-editor').fill(JSON.stringify(document, null, 2));
  await page.getByTestId('simulate-since').fill('2026-01-01');
  const answer = page.waitForResponse((r) => r.url().endsWith('/loyalty/program/simulate'));
  await page.getByTestId('simulate').click();
  const report = (await (await answer).json()) as SimulationReport;
  await page.getByTestId('simulation').waitFor();
  return report;
}

/** A movers table's rows as shown: name (or the customer's id), today's tier, the tier after. */
const rows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));

describe('what publishing a proposal does to tiers', () => {
  it('names whom each tier policy would move, in English and in Slovenian', async () => {
    const page = await dashboard.logIn();
    await openEditor(page);
    const proposal = structuredClone(EXAMPLE);
    proposal.tiers.levels[1].threshold = '100.00';
    proposal.tiers.levels[2].threshold = '1000.00';
    const answer = await simulate(page, proposal);
    const { tier_rules_changed: changed, upgrade_now: keep, reevaluate_now: all } = answer.on_publish;
    // Moving up at once lifts Cem and the crowd and leaves Gold alone; placing everyone again also takes Ana's and Bojan's Gold.
    expect([changed, keep.up, keep.down, all.up, all.down]).toEqual([true, CROWD + 1, 0, CROWD + 1, 2]);
    expect(await page.getByTestId('simulation-on-publish-kept').count()).toBe(0);

    const keepSection = page.getByTestId('simulation-on-publish-upgrade_now');
    const allSection = page.getByTestId('simulation-on-publish-reevaluate_now');
    // Each policy under the words of its Publish choice, its count as a sentence that agrees with the number.
    expect(await keepSection.locator('h4').innerText()).toBe('Move up at once whoever qualifies for a higher tier; nobody moves down before their tier period ends');
    expect(await allSection.locator('h4').innerText()).toBe('Place every member by the new rules now, up or down');
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-summary').innerText()).toBe('52 members move up.');
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-summary').innerText()).toBe('52 members move up and 2 members move down.');

    // Who: those moving down first, by name; a customer with no name as the customer list calls them; 20 rows, then how many more.
    const shown = (movers: SimulationReport['movers']) => movers.slice(0, 20).map((m) => [m.name ?? 'Unnamed customer', m.from === 'member' ? 'Member' : m.from === 'gold' ? 'Gold' : String(m.from), `${m.direction === 'down' ? '↓' : '↑'} ${m.to === 'silver' ? 'Silver' : m.to}`]);
    const keepRows = await rows(page, 'simulation-on-publish-upgrade_now-movers');
    const allRows = await rows(page, 'simulation-on-publish-reevaluate_now-movers');
    expect(keepRows[0]).toEqual(['Cem Demir', 'Member', '↑ Silver']);
    expect(allRows.slice(0, 3)).toEqual([['Ana Kovač', 'Gold', '↓ Silver'], ['Bojan Horvat', 'Gold', '↓ Silver'], ['Cem Demir', 'Member', '↑ Silver']]);
    expect([keepRows, allRows]).toEqual([shown(keep.movers), shown(all.movers)]);
    expect(keepRows[1][0]).toBe('Unnamed customer'); // the crowd has no name
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-movers').locator('thead').innerText()).toMatch(/Customer\s+Today\s+After publishing/);
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-movers-more').innerText()).toBe('and 32 more (the API lists up to 1,000, as does the command line with --json)');
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-movers-more').innerText()).toBe('and 34 more (the API lists up to 1,000, as does the command line with --json)');
    // A name links to the customer's loyalty tab.
    const ana = all.movers[0];
    expect(await allSection.getByRole('link', { name: 'Ana Kovač' }).getAttribute('href')).toBe(`/customers/${ana.customer_id}?tab=loyalty`);
    await page.getByTestId('simulation-on-publish').screenshot({ path: path.join(SHOTS, 'simulation-on-publish.png') });

    // In Slovenian: the choices' words, the counts in the forms Slovenian gives 2 and 52, the tiers' Slovenian names.
    await page.getByTestId('language').selectOption('sl');
    await page.getByTestId('simulation-on-publish').getByText('Ob objavi').waitFor();
    expect(await keepSection.locator('h4').innerText()).toBe('Takoj dvigni vsakogar, ki dosega višjo raven; nihče ne pade nižje pred koncem obdobja svoje ravni');
    expect(await page.getByTestId('simulation-on-publish-upgrade_now-summary').innerText()).toBe('52 članov se premakne navzgor.');
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-summary').innerText()).toBe('52 članov se premakne navzgor in 2 člana se premakneta navzdol.');
    expect((await rows(page, 'simulation-on-publish-reevaluate_now-movers')).slice(0, 3)).toEqual([['Ana Kovač', 'Zlati', '↓ Srebrni'], ['Bojan Horvat', 'Zlati', '↓ Srebrni'], ['Cem Demir', 'Član', '↑ Srebrni']]);
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-movers').locator('thead').innerText()).toMatch(/Stranka\s+Danes\s+Po objavi/);
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-movers-more').innerText()).toMatch(/^in še 34 /);
    // Russian has a third form: 2 "участника", 52 "участника", 5 "участников" and 1 "участник" all differ by the number.
    await page.getByTestId('language').selectOption('ru');
    await page.getByTestId('simulation-on-publish').getByText('При публикации').waitFor();
    expect(await page.getByTestId('simulation-on-publish-reevaluate_now-summary').innerText()).toBe('52 участника перейдут на более высокий уровень и 2 участника перейдут на более низкий уровень.');
    await page.getByTestId('language').selectOption('en');
    expect((await server().services.loyalty.currentProgram()).versions).toHaveLength(1); // simulating wrote nothing
    await page.close();
  });

  it('says that a proposal keeping the tier rules re-places nobody, before publishing and after, in English and in Danish', async () => {
    const page = await dashboard.logIn();
    await openEditor(page);
    const before = await tiersOf();
    // More points per euro and the tiers' names changed; the tier rules (what counts, the window, the thresholds) stay.
    const proposal = structuredClone(EXAMPLE);
    proposal.earning.points_per_currency_unit = 15;
    proposal.tiers.levels[2].name.en = 'Gold Club';
    const answer = await simulate(page, proposal);
    expect(answer.on_publish.tier_rules_changed).toBe(false);
    const kept = page.getByTestId('simulation-on-publish-kept');
    expect(await kept.innerText()).toBe('This proposal keeps the tier rules in force (what counts, over which window, the grace days and each tier\'s threshold), so publishing it re-places nobody: every member keeps their tier and its period, whichever choice is made below.');
    // Not a zero per policy: no policy is listed at all.
    expect(await page.getByTestId('simulation-on-publish-upgrade_now').count()).toBe(0);
    expect(await page.getByTestId('simulation-on-publish').innerText()).not.toMatch(/\b0\b/);
    await page.getByTestId('language').selectOption('da');
    await kept.getByText('Forslaget beholder de gældende niveauregler', { exact: false }).waitFor();
    expect(await kept.innerText()).toContain('så en udgivelse placerer ingen igen');

    // Published with the policy that would move people down if the rules changed: nobody moves, and the message says why.
    await page.getByTestId('language').selectOption('en');
    await page.getByLabel('Place every member by the new rules now, up or down').check();
    await page.getByTestId('publish-button').click();
    const published = page.getByTestId('program-published');
    await published.waitFor();
    expect(await published.innerText()).toMatch(/^Version 2 is published, in force from .+\. Its tier rules are those of the version it replaces, so nobody was placed again: every member keeps their tier and its period\.$/);
    expect(await tiersOf()).toEqual(before);
    await page.getByTestId('language').selectOption('da');
    await published.getByText('Dens niveauregler er de samme som i den version, den afløser, så ingen blev placeret igen', { exact: false }).waitFor();
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });
});

const server = () => dashboard.server;

/** Every member's tier and when its period started: what re-placing would change. */
async function tiersOf() {
  return (await server().services.db.selectFrom('loyalty_members').select(['customer_id', 'tier', 'tier_since']).orderBy('customer_id').execute());
}
