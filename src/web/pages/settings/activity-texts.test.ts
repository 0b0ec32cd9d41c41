import { describe, expect, it } from 'vitest';
import { createI18n, type Language } from '../../i18n/index.ts';
import { aboutText, actionText, actorText, detailsText, type ActivityEntry } from './activity-texts.ts';

// The activity log's words: each recorded action and its details read as a sentence in the
// dashboard's language, with the counts agreeing; what this version has no words for is
// shown as recorded (the code, the JSON), never dropped.

const i18n = (language: Language) => createI18n(language, () => undefined);
const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  id: 1, at: '2026-06-01T12:00:00.000Z', actor: 'user:boss@example.com',
  by: { kind: 'user', name: 'boss@example.com', user: { email: 'boss@example.com', name: 'Bo Boss', role: 'owner', active: true }, key: null },
  action: 'loyalty.adjust', subject: '0b9f6c52-0d6c-4f3e-9d49-3a4b5c6d7e8f', subject_type: 'customer', subject_name: null,
  details: { points: 500, reason: 'Opening balance' },
  ...over,
});

describe('the activity log in words', () => {
  it('tells an adjustment with its signed points and reason, in each language', () => {
    expect(detailsText(i18n('en'), entry({}), 'EUR')).toBe('+500 points — reason: Opening balance');
    expect(detailsText(i18n('en'), entry({ details: { points: -1, reason: 'Broken cup' } }), 'EUR')).toBe('−1 point — reason: Broken cup');
    expect(detailsText(i18n('sl'), entry({ details: { points: 2, reason: 'x' } }), 'EUR')).toBe('+2 točki — razlog: x');
    expect(detailsText(i18n('ru'), entry({ details: { points: 1500, reason: 'x' } }), 'EUR')).toBe('+1\u00a0500 баллов — причина: x');
    expect(actionText(i18n('da'), 'loyalty.adjust')).toEqual({ text: 'Justerede point', known: true });
  });

  it('shows an action it has no words for by its code, and its details as recorded', () => {
    const unknown = entry({ action: 'loyalty.something_new', subject_type: null, details: { a: 1 } });
    expect(actionText(i18n('en'), unknown.action)).toEqual({ text: 'loyalty.something_new', known: false });
    expect(detailsText(i18n('en'), unknown, 'EUR')).toBeNull();
    expect(detailsText(i18n('en'), entry({ action: 'loyalty.something_new', details: {} }), 'EUR')).toBe('');
    // Details of a known action in a shape it does not know: shown as recorded too.
    expect(detailsText(i18n('en'), entry({ details: { points: 'many' } }), 'EUR')).toBeNull();
  });

  it('tells the other actions’ details', () => {
    const en = i18n('en');
    expect(detailsText(en, entry({ action: 'user.update', details: { role: 'manager', disabled: true } }), 'EUR')).toBe('Role: Manager — logins stopped');
    // Recorded since: what changed, from and to; before, the state the user was left in (above).
    expect(detailsText(en, entry({ action: 'user.update', details: { role: { from: 'manager', to: 'owner' } } }), 'EUR')).toBe('Role: Manager → Owner');
    expect(detailsText(en, entry({ action: 'user.update', details: { disabled: { from: false, to: true } } }), 'EUR')).toBe('logins stopped');
    expect(detailsText(i18n('da'), entry({ action: 'user.update', details: { role: { from: 'staff', to: 'manager' }, disabled: { from: true, to: false } } }), 'EUR'))
      .toBe('Rolle: Medarbejder → Leder — login tilladt');
    expect(detailsText(en, entry({ action: 'api_key.create', details: { scopes: ['read', 'write'] } }), 'EUR')).toBe('Scopes: Read and Write');
    expect(detailsText(en, entry({ action: 'gift_card.issue', details: { amount: '50.00' } }), 'EUR')).toBe('Amount: €50.00');
    expect(detailsText(en, entry({ action: 'coupon.campaign.create', details: { name: 'Spring', codes: 1 } }), 'EUR')).toBe('“Spring” — 1 code');
    expect(detailsText(en, entry({ action: 'loyalty.program.apply', details: { effective_from: '2026-06-01T12:00:00.000Z', note: 'summer' } }), 'EUR'))
      .toBe(`In force from ${en.date('2026-06-01T12:00:00.000Z', true)} — note: summer`);
    const store = entry({ action: 'store.update', subject: 'lj-center', subject_type: 'store', details: { name: 'Ljubljana centre', city: null, time_zone: 'Europe/Ljubljana' } });
    expect(actionText(i18n('sl'), store.action)).toEqual({ text: 'Sprememba poslovalnice', known: true });
    expect(detailsText(en, store, 'EUR')).toBe('Ljubljana centre — Europe/Ljubljana');
    expect(aboutText(en, store)).toEqual({ text: 'lj-center', code: true });
  });

  it('says who and about what', () => {
    const en = i18n('en');
    expect(actorText(en, entry({}))).toEqual({ name: 'Bo Boss', detail: 'boss@example.com', note: undefined });
    const key = entry({ actor: 'key:Till 1', by: { kind: 'key', name: 'Till 1', user: null, key: { id: 'k', prefix: 'abc', revoked_at: '2026-06-01T12:00:00.000Z' } } });
    expect(actorText(en, key)).toEqual({ name: 'API key “Till 1”', note: 'revoked since' });
    expect(actorText(en, entry({ actor: 'import', by: { kind: 'system', name: 'import', user: null, key: null } })).name).toBe('An import');
    expect(aboutText(en, entry({}))).toEqual({ text: 'Customer …5c6d7e8f', href: '/customers/0b9f6c52-0d6c-4f3e-9d49-3a4b5c6d7e8f' });
    expect(aboutText(en, entry({ subject_name: 'Nina Novak' }))?.text).toBe('Nina Novak');
    expect(aboutText(en, entry({ action: 'api_key.revoke', subject_type: 'api_key', subject: 'id', subject_name: 'Till 1' }))).toEqual({ text: 'Till 1' });
  });
});
