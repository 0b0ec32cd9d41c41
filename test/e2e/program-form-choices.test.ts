import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../src/web/i18n/index.ts';
import { screenshotDirs } from './browser.ts';
import { itemToggle, open, sectionToggle, useProgramFormDashboard } from './program-form-page.ts';

// The program form's choices read whole in every language, on a wide screen and a phone:
// a dropdown in a column 11rem wide cut its choice ("Hver optjening, et antal må…",
// "Каждое начисление, через указан…"), so that the expiry policy, the enrolment or what a
// refund does could not be read. Screenshots go to .tmp/screenshots.
const SHOTS = screenshotDirs().more;
const { dashboard, openForm } = useProgramFormDashboard();

/**
 * The form's choices whose text does not fit where it shows: each dropdown's every option
 * measured in the dropdown's own font against the room inside it (its padding and arrow
 * aside); one that wraps its text, each option chosen in turn against its box.
 */
const cut = (page: Page) => page.evaluate(() => {
  const context = document.createElement('canvas').getContext('2d')!;
  const found: string[] = [];
  for (const select of document.querySelectorAll<HTMLSelectElement>('.program-form select')) {
    if (!select.checkVisibility()) continue;
    const style = getComputedStyle(select);
    if (style.appearance === 'base-select') {
      // A dropdown that wraps its text (Chromium's customizable select): each choice chosen in turn, nothing runs past its box.
      const chosen = select.value;
      for (const option of select.options) {
        select.value = option.value;
        if (select.scrollWidth > select.clientWidth + 1) found.push(`${select.dataset.path}: “${option.text}” runs past its box`);
      }
      select.value = chosen;
      continue;
    }
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // The arrow takes about 1.2em at the right of Chromium's dropdown.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.2 * parseFloat(style.fontSize);
    for (const option of select.options) {
      const width = context.measureText(option.text).width;
      if (width > room) found.push(`${select.dataset.path}: “${option.text}” ${Math.round(width)} px in ${Math.round(room)}`);
    }
  }
  return found;
});

describe('the program form’s choices', () => {
  it('show every choice whole in every language, at 1360 and 390 px', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    for (const section of ['General', 'Earning', 'Tiers', 'Rewards', 'Bonuses', 'Expiry', 'Challenges']) await open(sectionToggle(page, section));
    await open(itemToggle(page, 'Tier 3: Gold'));
    await open(itemToggle(page, 'Reward 2: A slice of cake'));
    const found: Record<string, string[]> = {};
    for (const language of LANGUAGES) {
      // The language is chosen on a wide screen: on a phone its dropdown is in the closed menu.
      await page.setViewportSize({ width: 1360, height: 900 });
      await page.getByTestId('language').selectOption(language);
      await page.getByRole('link', { name: CATALOGUES[language]['nav.customers'], exact: true }).waitFor();
      for (const width of [1360, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const problems = await cut(page);
        if (language === 'ru') await page.getByTestId('program-form-expiry').screenshot({ path: path.join(SHOTS, `program-form-choices-ru-${width}.png`) });
        if (problems.length) found[`${language} ${width}`] = problems;
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${language} ${width}`).toBeLessThanOrEqual(0);
      }
    }
    expect(found).toEqual({});
    await page.close();
  });
});
