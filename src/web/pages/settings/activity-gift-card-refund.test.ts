import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../i18n/index.ts';
import { actionText, detailsText, type ActivityEntry } from './activity-texts.ts';

// A gift card charge given back, as the activity log tells it: the action in each language,
// the amount with the order the charge paid and the reason given.

const i18n = (language: Language) => createI18n(language, () => undefined);
const refund: ActivityEntry = {
  id: 1, at: '2026-06-01T12:00:00.000Z', actor: 'key:till',
  by: { kind: 'key', name: 'till', user: null, key: { id: 'k', prefix: 'abc', revoked_at: null } },
  action: 'gift_card.refund', subject: 'ABCD-EFGH-JKLM-NPQR', subject_type: 'gift_card', subject_name: null,
  details: { amount: '20.00', charge_key: 'pay-1', order_ref: 'o-77', reason: 'Returned' },
};

describe('a gift card refund in the activity log', () => {
  it('is named in the five languages and tells its amount, order and reason', () => {
    const names = { en: 'Gave a gift card charge back', sl: 'Vračilo plačila na darilno kartico', tr: 'Hediye kartı ödemesini iade etti', da: 'Gav en gavekortbetaling tilbage', ru: 'Возврат списания на подарочную карту' };
    for (const [language, text] of Object.entries(names)) expect(actionText(i18n(language as Language), refund.action)).toEqual({ text, known: true });
    const en = detailsText(i18n('en'), refund, 'EUR');
    expect(en).toContain('€20.00');
    expect(en).toContain('o-77');
    expect(en).toContain('Returned');
    expect(detailsText(i18n('en'), { ...refund, details: { amount: '5.00', charge_key: 'pay-2' } }, 'EUR')).toBe('Amount: €5.00');
  });
});
