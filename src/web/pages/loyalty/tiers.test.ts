import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../i18n/index.ts';
import { tierValidityText } from './tiers.ts';

const LJ = 'Europe/Ljubljana';
const i18n = (language: Language = 'en', timeZone = LJ) => createI18n(language, () => undefined, timeZone);

describe('until when a member\'s tier holds', () => {
  it('says the last day of a calendar year\'s period, which ends at 1 January\'s start in the business\'s zone', () => {
    // 2028-01-01T00:00 in Ljubljana.
    expect(tierValidityText(i18n(), '2027-12-31T23:00:00.000Z')).toBe('valid through 31\u00a0Dec\u00a02027');
    expect(tierValidityText(i18n('sl'), '2027-12-31T23:00:00.000Z')).toBe('velja do vključno 31.\u00a0dec.\u00a02027');
    expect(tierValidityText(i18n('tr'), '2027-12-31T23:00:00.000Z')).toBe('31\u00a0Ara\u00a02027 dahil geçerli');
    expect(tierValidityText(i18n('da'), '2027-12-31T23:00:00.000Z')).toBe('gyldig til og med 31.\u00a0dec.\u00a02027');
    expect(tierValidityText(i18n('ru'), '2027-12-31T23:00:00.000Z')).toBe('действует по 31\u00a0дек.\u00a02027\u00a0г. включительно');
  });

  it('says the date and time of a rolling year\'s end, in the business\'s zone', () => {
    expect(tierValidityText(i18n(), '2027-06-05T12:00:00.000Z')).toBe('valid until 5\u00a0Jun\u00a02027, 14:00');
    // Ljubljana's midnight is an afternoon in Los Angeles.
    expect(tierValidityText(i18n('en', 'America/Los_Angeles'), '2027-12-31T23:00:00.000Z')).toBe('valid until 31\u00a0Dec\u00a02027, 15:00');
  });
});
