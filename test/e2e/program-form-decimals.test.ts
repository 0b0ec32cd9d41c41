import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../src/web/i18n/index.ts';
import { itemToggle, jsonView, open, sectionToggle, useProgramFormDashboard } from './program-form-page.ts';

// The program form's numbers and amounts as the dashboard's language writes them: a
// decimal comma in Slovenian, Turkish, Danish and Russian, a point in English, where the
// form showed the JSON's point in every language. Typed with either; the document keeps
// numbers and decimal strings with a point.
const { dashboard, openForm } = useProgramFormDashboard();

const field = (path: string) => `[data-path="${path}"]`;

describe('the program form’s decimals', () => {
  it('shows and reads a number and an amount with the language’s decimal separator, the JSON keeping the point', async () => {
    const page = await dashboard.logIn();
    await openForm(page);
    await open(sectionToggle(page, 'General'));
    await open(sectionToggle(page, 'Tiers'));
    await open(itemToggle(page, 'Tier 2: Silver'));
    const threshold = page.locator(field('tiers.levels.1.threshold'));
    const multiplier = page.locator(field('tiers.levels.1.benefits.points_multiplier'));
    const pointValue = page.locator(field('point_value'));
    for (const language of LANGUAGES) {
      await page.getByTestId('language').selectOption(language);
      await page.getByRole('link', { name: CATALOGUES[language]['nav.customers'], exact: true }).waitFor();
      const comma = language !== 'en';
      const written = (text: string) => (comma ? text.replace('.', ',') : text);
      expect([await threshold.inputValue(), await multiplier.inputValue(), await pointValue.getAttribute('placeholder')], language).toEqual([written('250.00'), written('1.25'), written('0.01')]);
      // Typed with a comma: read as the number it writes.
      await multiplier.fill('1,75');
      await threshold.fill('300,50');
      await multiplier.blur();
      expect(await multiplier.inputValue(), language).toBe(written('1.75'));
      // Typed with a point: shown, once left, as the language writes it.
      await pointValue.fill('0.02');
      await pointValue.blur();
      expect(await pointValue.inputValue(), language).toBe(written('0.02'));
      const document = JSON.parse(await jsonView(page));
      expect([document.tiers.levels[1].threshold, document.tiers.levels[1].benefits.points_multiplier, document.point_value], language).toEqual(['300.50', 1.75, '0.02']);
      // Put back for the next language, in the JSON.
      document.tiers.levels[1].threshold = '250.00';
      document.tiers.levels[1].benefits.points_multiplier = 1.25;
      delete document.point_value;
      await page.getByTestId('program-editor').fill(JSON.stringify(document, null, 2));
      await page.getByTestId('program-view-form').click();
    }
    await page.close();
  });
});
