import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../i18n/index.ts';
import { actionText, detailsText, type ActivityEntry } from './activity-texts.ts';

// A coupon's use given back, as the activity log tells it: the action in each language, the
// order the use was made for and the reason given.

const i18n = (language: Language) => createI18n(language, () => undefined);
const rollback: ActivityEntry = {
  id: 1, at: '2026-06-01T12:00:00.000Z', actor: 'key:till',
  by: { kind: 'key', name: 'till', user: null, key: { id: 'k', prefix: 'abc', revoked_at: null } },
  action: 'coupon.rollback', subject: 'ABCDEFGHJKLM', subject_type: 'coupon', subject_name: null,
  details: { use_key: 'sale-1', order_ref: 'o-77', reason: 'Sale voided' },
};

describe("a coupon's use rolled back in the activity log", () => {
  it('is named in the five languages and tells its order and reason', () => {
    const names = { en: 'Gave a coupon use back', sl: 'Razveljavitev uporabe kupona', tr: 'Kupon kullanımını geri aldı', da: 'Rullede en kuponbrug tilbage', ru: 'Отмена использования купона' };
    for (const [language, text] of Object.entries(names)) expect(actionText(i18n(language as Language), rollback.action)).toEqual({ text, known: true });
    expect(detailsText(i18n('en'), rollback, 'EUR')).toBe('order o-77 — reason: Sale voided');
    expect(detailsText(i18n('sl'), rollback, 'EUR')).toBe('naročilo o-77 — razlog: Sale voided');
    // A use rolled back with neither: nothing to tell beside the action.
    expect(detailsText(i18n('en'), { ...rollback, details: { use_key: 'sale-2' } }, 'EUR')).toBe('');
  });
});
