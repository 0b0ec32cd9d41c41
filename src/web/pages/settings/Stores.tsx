import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useBusiness } from '../../business.ts';
import { useI18n } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { Field, otherProblems } from './parts.tsx';
import type { StoreRow } from './types.ts';

// The shop's locations. A store is written by its code (the till sends it with each
// purchase), so editing one keeps its code and changes the rest. Its time zone decides
// the local day of its purchases: picked from the zones the browser knows, rather than
// typed; a new store's is the business's own (GET /status's), wherever the browser is.

/** The IANA zones to choose from, always with UTC, the business's and `current` (a stored zone the browser lists under another name). */
function zonesWith(current: string, business: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...known, 'UTC', business, current])].sort();
}

const EMPTY = { code: '', name: '', city: '', time_zone: '' };

export function Stores() {
  const { t } = useI18n();
  const [stores, setStores] = useState<StoreRow[]>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<StoreRow>();
  const [saved, setSaved] = useState<{ store: StoreRow; created: boolean }>();
  const load = () => api<{ items: StoreRow[] }>('/stores').then((r) => setStores(r.items), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, []);

  return (
    <div data-testid="settings-stores">
      <StoreForm
        key={editing?.id ?? 'new'}
        editing={editing}
        taken={stores?.map((s) => s.code) ?? []}
        onCancel={() => setEditing(undefined)}
        onSaved={(store, created) => {
          setSaved({ store, created });
          setEditing(undefined);
          load();
        }}
      />
      {saved && (
        <p className="card result ok" role="status" data-testid="store-saved">
          {t(saved.created ? 'settings.stores.added' : 'settings.stores.updated', { name: saved.store.name, code: saved.store.code })}
        </p>
      )}
      <div className="card">
        <h2>{t('settings.stores.title')}</h2>
        {error ? (
          <p className="error">{t('common.error', { message: error })}</p>
        ) : !stores ? (
          <p>{t('common.loading')}</p>
        ) : stores.length === 0 ? (
          <p className="hint">{t('settings.stores.none')}</p>
        ) : (
          <table className="settings-table" data-testid="stores-table">
            <thead>
              <tr>
                <th>{t('settings.stores.code')}</th>
                <th>{t('settings.stores.name')}</th>
                <th>{t('settings.stores.cityColumn')}</th>
                <th>{t('settings.stores.timeZone')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {stores.map((s) => (
                <tr key={s.id} data-testid="store-row" data-code={s.code}>
                  <td data-label={t('settings.stores.code')}>
                    <code>{s.code}</code>
                  </td>
                  <td className="wrap" data-label={t('settings.stores.name')}>{s.name}</td>
                  <td className="wrap" data-label={t('settings.stores.cityColumn')}>{s.city ?? '—'}</td>
                  <td data-label={t('settings.stores.timeZone')}>{s.time_zone}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setSaved(undefined);
                        setEditing(s);
                        window.scrollTo({ top: 0 });
                      }}
                    >
                      {t('settings.stores.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

function StoreForm({ editing, taken, onSaved, onCancel }: { editing?: StoreRow; taken: readonly string[]; onSaved: (store: StoreRow, created: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const business = useBusiness().timeZone;
  const [form, setForm] = useState(() => (editing ? { ...editing, city: editing.city ?? '' } : { ...EMPTY, time_zone: business }));
  const zones = useMemo(() => zonesWith(form.time_zone, business), [form.time_zone, business]);
  const { busy, problems, failure, submit, setProblems, setFailure } = useSubmission();
  const set = (field: keyof typeof EMPTY, value: string) => {
    setForm((was) => ({ ...was, [field]: value }));
    setProblems([]);
    setFailure(undefined);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = { code: form.code.trim(), name: form.name.trim(), city: form.city.trim() || null, time_zone: form.time_zone };
    // The API updates the store a code names: adding one under a code in use would silently overwrite that store.
    if (!editing && taken.includes(body.code)) {
      setProblems([{ field: 'code', reason: t('settings.stores.codeTaken', { code: body.code }) }]);
      return;
    }
    const store = await submit(() => api<StoreRow>('/stores', { method: 'POST', body }));
    if (store) onSaved(store, !editing);
  };
  return (
    <form className="card form" onSubmit={save} noValidate data-testid="store-form">
      <h2>{editing ? t('settings.stores.editTitle', { code: editing.code }) : t('settings.stores.add')}</h2>
      <div className="toolbar">
        <Field label={t('settings.stores.code')} field="code" problems={problems}>
          <input value={form.code} onChange={(e) => set('code', e.target.value)} readOnly={editing !== undefined} maxLength={100} autoComplete="off" placeholder="lj-center" />
        </Field>
        <Field label={t('settings.stores.name')} field="name" problems={problems} className="grow">
          <input value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
        <Field label={t('settings.stores.city')} field="city" problems={problems} className="grow">
          <input value={form.city} onChange={(e) => set('city', e.target.value)} maxLength={200} autoComplete="off" />
        </Field>
        <Field label={t('settings.stores.timeZone')} field="time_zone" problems={problems}>
          <select value={form.time_zone} onChange={(e) => set('time_zone', e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="hint">{t(editing ? 'settings.stores.codeKept' : 'settings.stores.codeHint')}</p>
      <Problems problems={otherProblems(problems, ['code', 'name', 'city', 'time_zone'])} failure={failure} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t(editing ? 'settings.stores.save' : 'settings.stores.addButton')}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('settings.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
