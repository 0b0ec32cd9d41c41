import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type FieldProblem } from '../../api.ts';
import { useBusiness } from '../../business.ts';
import { DateRangeFields } from '../../DateRange.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { navigate } from '../../router.ts';
import { dayEnd, dayStart } from '../../time.ts';
import { When } from '../../When.tsx';
import { aboutText, actionText, actorText, detailsText, FAMILIES, OTHER_ACTORS, type ActivityEntry } from './activity-texts.ts';
import { Field, otherProblems } from './parts.tsx';
import type { ApiKey, StaffUser } from './types.ts';

// Settings → Activity: the activity log (GET /audit), newest first, a page at a time —
// who changed what and when, told in words. Filters: a family of actions, one person or
// key, and a period of days of the business's time zone (the times shown are its too, not
// the browser's), sent as the instants the first day begins and the last one ends.

const PAGE = 25;
const FILTER_FIELDS = ['action', 'actor', 'since', 'until'];

export function Activity() {
  const { t, timeZone } = useI18n();
  const { currency } = useBusiness();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<ActivityEntry[]>();
  const [next, setNext] = useState<string | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string>();
  const [people, setPeople] = useState<{ users: StaffUser[]; keys: string[] }>({ users: [], keys: [] });

  useEffect(() => {
    // The "Who" choices: the staff users and the key names (a name given to two keys is one choice, as the log records names).
    Promise.all([api<{ items: StaffUser[] }>('/users'), api<{ items: ApiKey[] }>('/keys')]).then(
      ([users, keys]) => setPeople({ users: users.items, keys: [...new Set(keys.items.map((k) => k.name))].sort((a, b) => a.localeCompare(b)) }),
      () => undefined,
    );
  }, []);

  // Each filter typed asks again; an answer to a filter since changed is dropped, or a slow
  // one (a period's rows) arriving after a quick one (its days refused) would show the rows
  // of a filter no longer on screen.
  const latest = useRef(0);
  const load = async (cursor?: string) => {
    const asked = ++latest.current;
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (action) query.set('action', action);
    if (actor) query.set('actor', actor);
    if (from) query.set('since', dayStart(from, timeZone));
    if (to) query.set('until', dayEnd(to, timeZone));
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api<{ items: ActivityEntry[]; next_cursor: string | null }>(`/audit?${query}`);
      if (asked !== latest.current) return;
      setEntries((shown) => (cursor && shown ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
      setProblems([]);
      setError(undefined);
    } catch (e) {
      if (asked !== latest.current) return;
      if (e instanceof ApiError && e.problems.length) {
        setProblems(e.problems);
        setEntries([]);
        setNext(null);
      } else setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [action, actor, from, to]);

  const filtered = Boolean(action || actor || from || to);
  return (
    <div className="card activity" data-testid="settings-activity">
      <h2>{t('activity.title')}</h2>
      <p className="hint">{t('activity.intro')}</p>
      <div className="toolbar activity-filters">
        <Field label={t('activity.filter.what')} field="action" problems={problems}>
          <select data-testid="activity-what" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('activity.filter.anything')}</option>
            {FAMILIES.map(([value, key]) => <option key={value} value={value}>{t(key)}</option>)}
          </select>
        </Field>
        <Field label={t('activity.filter.who')} field="actor" problems={problems}>
          <select data-testid="activity-who" value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">{t('activity.filter.anyone')}</option>
            {people.users.length > 0 && (
              <optgroup label={t('activity.who.users')}>
                {people.users.map((u) => <option key={u.email} value={`user:${u.email}`}>{u.name ? `${u.name} (${u.email})` : u.email}</option>)}
              </optgroup>
            )}
            {people.keys.length > 0 && (
              <optgroup label={t('activity.who.keys')}>
                {people.keys.map((name) => <option key={name} value={`key:${name}`}>{name}</option>)}
              </optgroup>
            )}
            <optgroup label={t('activity.who.others')}>
              {OTHER_ACTORS.map(([value, key]) => <option key={value} value={value}>{t(key)}</option>)}
            </optgroup>
          </select>
        </Field>
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} fields={['since', 'until']} testId="activity" problems={problems} />
        <small className="hint zone-hint" data-testid="activity-time-zone">{t('common.timesIn', { zone: timeZone })}</small>
        {filtered && (
          <button type="button" className="link" data-testid="activity-clear" onClick={() => { setAction(''); setActor(''); setFrom(''); setTo(''); }}>
            {t('activity.filter.clear')}
          </button>
        )}
      </div>
      <Problems problems={otherProblems(problems, FILTER_FIELDS)} />
      {error ? (
        <p className="error">{t('common.error', { message: error })}</p>
      ) : !entries ? (
        <p>{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="hint" data-testid="activity-none">{t(filtered ? 'activity.noneFiltered' : 'activity.none')}</p>
      ) : (
        <>
          <table className="settings-table activity-table" data-testid="activity-table">
            <thead>
              <tr>
                <th>{t('activity.col.when')}</th>
                <th>{t('activity.col.who')}</th>
                <th>{t('activity.col.what')}</th>
                <th>{t('activity.col.about')}</th>
                <th>{t('activity.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => <EntryRow key={e.id} entry={e} currency={currency} />)}
            </tbody>
          </table>
          {next && <button className="secondary more" data-testid="activity-more" onClick={() => void load(next)}>{t('activity.more')}</button>}
        </>
      )}
    </div>
  );
}

function EntryRow({ entry: e, currency }: { entry: ActivityEntry; currency: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const who = actorText(i18n, e);
  const what = actionText(i18n, e.action);
  const about = aboutText(i18n, e);
  const details = detailsText(i18n, e, currency);
  return (
    <tr data-testid="activity-row" data-action={e.action}>
      <td data-label={t('activity.col.when')}><When at={e.at} time /></td>
      <td className="wrap" data-label={t('activity.col.who')}>
        {who.name}
        {who.detail && <small className="muted block">{who.detail}</small>}
        {who.note && <small className="muted block">{who.note}</small>}
      </td>
      <td data-label={t('activity.col.what')}>{what.known ? what.text : <code>{what.text}</code>}</td>
      <td className="wrap" data-label={t('activity.col.about')}>
        {!about ? '—' : about.href ? (
          <a href={about.href} onClick={(ev) => { ev.preventDefault(); navigate(about.href!); }}>{about.text}</a>
        ) : about.code ? <code>{about.text}</code> : about.text}
      </td>
      <td className="wrap details" data-label={t('activity.col.details')}>
        {details === null ? (
          <details>
            <summary>{t('activity.rawDetails')}</summary>
            <pre>{JSON.stringify(e.details, null, 2)}</pre>
          </details>
        ) : details || '—'}
      </td>
    </tr>
  );
}
