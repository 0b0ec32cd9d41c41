import { describe, expect, it } from 'vitest';
import { AUDIT_WORDS } from '../../shared/audit-describe.ts';
import { LANGUAGES, MESSAGES, type MessageCode } from '../../shared/messages/index.ts';
import { ACTIVITY as DA } from '../../web/i18n/da/activity.ts';
import { ACTIVITY as EN } from '../../web/i18n/en/activity.ts';
import { ACTIVITY as RU } from '../../web/i18n/ru/activity.ts';
import { ACTIVITY as SL } from '../../web/i18n/sl/activity.ts';
import { ACTIVITY as TR } from '../../web/i18n/tr/activity.ts';
import { actionText, auditLines, CLI_AUDIT_WORDS, detailsText, type Entry } from './audit-text.ts';
import { actorFilter } from './audit.ts';

// `regulars audit` tells an entry as the dashboard's Activity tab does: its words for each
// action, who did it (a stopped user, a revoked key said so), what about and the details,
// each instant on the clock of the business's time zone.

const nobody = { user: null, key: null };
const entry = (fields: Partial<Entry> & Pick<Entry, 'action'>): Entry => Object.assign(
  { id: 1, at: '2026-06-01T12:00:00.000Z', actor: 'cli', by: { kind: 'cli' as const, name: 'cli', ...nobody }, subject: null, subject_type: null, subject_name: null, details: {} },
  fields,
);

const ENTRIES: Entry[] = [
  entry({
    id: 5, at: '2026-06-01T12:30:00.000Z', action: 'loyalty.adjust', actor: 'user:mia@example.com',
    by: { kind: 'user', name: 'mia@example.com', user: { email: 'mia@example.com', name: 'Mia Novak', role: 'owner', active: true }, key: null },
    subject: '0197a1b2-0000-7000-8000-000000000001', subject_type: 'customer', subject_name: 'Nina Kos', details: { points: 500, reason: 'Opening balance' },
  }),
  entry({
    id: 4, at: new Date('2026-05-31T22:05:00.000Z'), action: 'user.update', actor: 'user:leo@example.com',
    by: { kind: 'user', name: 'leo@example.com', user: { email: 'leo@example.com', name: null, role: 'staff', active: false }, key: null },
    subject: 'ana@example.com', subject_type: 'user', details: { role: 'manager', disabled: true },
  }),
  entry({
    id: 3, at: '2026-05-20T08:00:00.000Z', action: 'loyalty.program.apply', actor: 'key:POS',
    by: { kind: 'key', name: 'POS', user: null, key: { id: 'k1', prefix: 'abc', revoked_at: '2026-05-30T10:00:00.000Z' } },
    subject: '3', subject_type: 'program_version', details: { effective_from: '2026-06-05T22:00:00.000Z', tier_policy: 'upgrade_now', note: 'Summer' },
  }),
  entry({ id: 2, at: '2026-05-19T08:00:00.000Z', action: 'gift_card.issue', subject: 'ABCD-EFGH', subject_type: 'gift_card', details: { amount: '20.00', idempotency_key: 'k' } }),
  entry({ id: 1, at: '2026-05-18T08:00:00.000Z', action: 'thing.new', actor: 'import', by: { kind: 'system', name: 'import', ...nobody }, subject: 'x', details: { n: 2 } }),
];

describe('the activity log told for people', () => {
  it('prints one line an entry: when in the business time zone, who, what, about what, the details', () => {
    expect(auditLines(ENTRIES, { language: 'en', timeZone: 'Europe/Ljubljana', currency: 'EUR' }, false).split('\n')).toEqual([
      '2026-06-01 14:30  Mia Novak <mia@example.com>       Adjusted points        Nina Kos (0197a1b2-0000-7000-8000-000000000001)  +500 points — reason: Opening balance',
      '2026-06-01 00:05  leo@example.com (logins stopped)  Changed a staff user   ana@example.com                                  role: manager — logins stopped',
      '2026-05-20 10:00  API key “POS” (revoked since)     Published the program  Version 3                                        in force from 2026-06-06 — note: Summer',
      '2026-05-19 10:00  Command line                      Issued a gift card     ABCD-EFGH                                        amount: €20.00',
      '2026-05-18 10:00  An import                         thing.new              x                                                {"n":2}',
    ]);
  });

  it('tells it in the language asked, the time zone\'s clock the same', () => {
    const sl = auditLines(ENTRIES.slice(0, 3), { language: 'sl', timeZone: 'Europe/Ljubljana', currency: 'EUR' }, false).split('\n');
    expect(sl[0]).toMatch(/^2026-06-01 14:30  Mia Novak <mia@example\.com> +Ročna sprememba točk +Nina Kos \(0197a1b2-0000-7000-8000-000000000001\) +\+500 točk — razlog: Opening balance$/);
    expect(sl[1]).toMatch(/^2026-06-01 00:05  leo@example\.com \(prijave ustavljene\) +Sprememba uporabnika +ana@example\.com +vloga: vodja — prijave ustavljene$/);
    expect(sl[2]).toMatch(/^2026-05-20 10:00  Ključ API »POS« \(medtem ukinjen\) +Objava programa +Različica 3 +velja od 2026-06-06 — opomba: Summer$/);
    const ru = auditLines(ENTRIES.slice(0, 1), { language: 'ru', timeZone: 'America/New_York', currency: 'EUR' }, false);
    expect(ru).toMatch(/^2026-06-01 08:30  Mia Novak <mia@example\.com>  Ручная корректировка баллов  Nina Kos \(\S+\)  \+500 баллов — причина: Opening balance$/);
  });

  it('says when nothing is recorded, and when nothing matches the filters', () => {
    expect(auditLines([], { language: 'da', timeZone: 'UTC', currency: 'DKK' }, false)).toBe('Intet er registreret endnu.');
    expect(auditLines([], { language: 'tr', timeZone: 'UTC', currency: 'TRY' }, true)).toBe('Bu filtrelere uyan bir şey yok.');
  });

  it("words each action as the dashboard's Activity tab does, in every language", () => {
    const dashboard = { en: EN, sl: SL, tr: TR, da: DA, ru: RU };
    const actions = Object.keys(EN).filter((k) => k.startsWith('activity.action.')).map((k) => k.slice('activity.action.'.length));
    expect(actions.length).toBeGreaterThan(25);
    for (const language of LANGUAGES) {
      for (const action of actions) expect(actionText(action, language), `${language} ${action}`).toBe(dashboard[language][`activity.action.${action}` as keyof typeof EN]);
    }
    // And none the dashboard has no words for.
    const own = (Object.keys(MESSAGES) as MessageCode[]).filter((c) => c.startsWith('cli.audit.action.')).map((c) => c.slice('cli.audit.action.'.length));
    expect(own.sort()).toEqual([...actions].sort());
  });

  it("gives the describer the dashboard's words, in every language: a label the dashboard starts with a capital aside", () => {
    // One describer (src/shared/audit-describe.ts) tells an entry for both; each gives it its
    // own words. Those are the same words, the dashboard writing some labels with a capital.
    const dashboard = { en: EN, sl: SL, tr: TR, da: DA, ru: RU };
    const lowered = (text: string, language: string) => text.charAt(0).toLocaleLowerCase(language) + text.slice(1);
    // The command line has one text for "logins stopped" beside a user and as a change
    // (its catalogue words a fixed text once); Turkish says the one beside a user as "their logins".
    const apart = new Set(['tr who.userStopped']);
    for (const language of LANGUAGES) {
      for (const word of AUDIT_WORDS) {
        if (apart.has(`${language} ${word}`)) continue;
        const cli = (MESSAGES[CLI_AUDIT_WORDS[word]] as Record<string, string>)[language];
        const web = dashboard[language][`activity.${word}` as keyof typeof EN];
        expect(lowered(cli, language), `${language} ${word}`).toBe(lowered(web, language));
      }
    }
  });

  it('knows which of its words the dashboard words otherwise, and no more', () => {
    expect(MESSAGES['cli.audit.logins_stopped'].tr).toBe('girişler durduruldu');
    expect(TR['activity.details.loginsStopped']).toBe('girişler durduruldu');
    expect(TR['activity.who.userStopped']).toBe('girişleri durduruldu');
  });

  it("tells a staff user's change as recorded since (what changed, from and to) and as recorded before (the state left)", () => {
    const telling = { language: 'en' as const, timeZone: 'UTC', currency: 'EUR' };
    const update = (details: Record<string, unknown>) => detailsText(entry({ action: 'user.update', subject: 'ana@example.com', subject_type: 'user', details }), telling);
    expect(update({ role: { from: 'manager', to: 'owner' } })).toBe('role: manager → owner');
    expect(update({ disabled: { from: false, to: true } })).toBe('logins stopped');
    expect(update({ disabled: { from: true, to: false } })).toBe('logins allowed');
    expect(update({ role: { from: 'owner', to: 'staff' }, disabled: { from: false, to: true } })).toBe('role: owner → staff — logins stopped');
    expect(update({ role: 'manager', disabled: false })).toBe('role: manager — logins allowed');
    expect(detailsText(entry({ action: 'user.update', details: { role: { from: 'staff', to: 'manager' } } }), { ...telling, language: 'sl' })).toBe('vloga: osebje → vodja');
    expect(update({ other: 1 })).toBe('{"other":1}');
  });

  it("tells a coupon use a refund gave back as its order refunded, in the reader's language, and one given back by hand with its reason", () => {
    const telling = { language: 'en' as const, timeZone: 'UTC', currency: 'EUR' };
    const rollback = (details: Record<string, unknown>, language: 'en' | 'sl' = 'en') => detailsText(entry({ action: 'coupon.rollback', subject: 'TENOFF', details }), { ...telling, language });
    const byRefund = { use_key: 'till-1', order_ref: 'A-100', reason: 'Order A-100 refunded in full (refund R-7)', refund: 'R-7', purchase: '0197a1b2-0000-7000-8000-000000000009' };
    expect(rollback(byRefund)).toBe('order A-100 — refunded in full (refund R-7)');
    expect(rollback(byRefund, 'sl')).toBe('naročilo A-100 — v celoti vrnjeno (vračilo R-7)');
    expect(rollback({ use_key: 'till-2', order_ref: 'A-101', reason: 'Sale voided' })).toBe('order A-101 — reason: Sale voided');
  });

  it('reads --actor as the log names actors, an email alone being that staff user', () => {
    expect(actorFilter('Ana@Example.com')).toBe('user:ana@example.com');
    expect(actorFilter(' user:Mia@Example.com ')).toBe('user:mia@example.com');
    expect(actorFilter('key:POS Ljubljana')).toBe('key:POS Ljubljana');
    expect(actorFilter('cli')).toBe('cli');
    expect(actorFilter(undefined)).toBeUndefined();
  });
});
