import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { When } from '../../When.tsx';
import { Confirmed, Field, otherProblems, ShownOnce } from './parts.tsx';
import { SCOPES, type ApiKey, type CreatedApiKey, type Scope } from './types.ts';

// Keys for programs: a till, a web store, a script. The secret is shown once (only its
// hash is kept). A revoked key stays listed, with when it was revoked, so the owner can
// tell which till lost its access and since when.

const scopeKey = (scope: Scope) => `settings.scope.${scope}` as MessageKey;
const scopeHint = (scope: Scope) => `settings.scopeHint.${scope}` as MessageKey;

export function ApiKeys() {
  const { t } = useI18n();
  const [keys, setKeys] = useState<ApiKey[]>();
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreatedApiKey>();
  const load = () => api<{ items: ApiKey[] }>('/keys').then((r) => setKeys(r.items), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, []);

  return (
    <div data-testid="settings-keys">
      {created && (
        <ShownOnce title={t('settings.keys.secretFor', { name: created.name })} value={created.key} testId="shown-key" onDone={() => setCreated(undefined)}>
          <p className="hint">{t('settings.keys.howToUse')}</p>
        </ShownOnce>
      )}
      <CreateKey
        onCreated={(key) => {
          setCreated(key);
          load();
        }}
      />
      <div className="card">
        <h2>{t('settings.keys.title')}</h2>
        {error ? (
          <p className="error">{t('common.error', { message: error })}</p>
        ) : !keys ? (
          <p>{t('common.loading')}</p>
        ) : keys.length === 0 ? (
          <p className="hint">{t('settings.keys.none')}</p>
        ) : (
          <table className="settings-table" data-testid="keys-table">
            <thead>
              <tr>
                <th>{t('settings.keys.name')}</th>
                <th>{t('settings.keys.scopes')}</th>
                <th>{t('settings.col.created')}</th>
                <th>{t('settings.keys.lastUsed')}</th>
                <th>{t('settings.col.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <KeyRow key={k.id} apiKey={k} onRevoked={load} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

function KeyRow({ apiKey: k, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const { t } = useI18n();
  const { busy, problems, failure, submit } = useSubmission();
  const revoke = async () => {
    // A 204 answers undefined: success is that nothing was thrown.
    let done = false;
    await submit(async () => {
      await api<void>(`/keys/${k.id}`, { method: 'DELETE' });
      done = true;
    });
    if (done) onRevoked();
  };
  return (
    <>
      <tr className={k.revoked_at ? 'stopped' : undefined} data-testid="key-row" data-name={k.name}>
        <td className="wrap" data-label={t('settings.keys.name')}>
          <strong>{k.name}</strong>
          <small className="muted block">
            <code>rk_{k.prefix}_…</code>
          </small>
        </td>
        <td data-label={t('settings.keys.scopes')}>
          {k.scopes.map((s) => (
            <span key={s} className="tag">
              {t(scopeKey(s))}
            </span>
          ))}
        </td>
        <td data-label={t('settings.col.created')}>
          <When at={k.created_at} />
          <small className="muted block wrap">{t('settings.keys.createdBy', { who: k.created_by.replace(/^(user|key):/, '') })}</small>
        </td>
        <td data-label={t('settings.keys.lastUsed')}>{k.last_used_at ? <When at={k.last_used_at} time /> : <span className="muted">{t('settings.keys.neverUsed')}</span>}</td>
        <td data-label={t('settings.col.state')}>
          {k.revoked_at ? (
            <>
              <span className="tag stopped">{t('settings.keys.revoked')}</span>
              <small className="muted block">
                <When at={k.revoked_at} time />
              </small>
            </>
          ) : (
            t('settings.keys.active')
          )}
        </td>
        <td className="actions">
          {!k.revoked_at && (
            <Confirmed
              label={t('settings.keys.revoke')}
              question={t('settings.keys.revokeQuestion', { name: k.name })}
              yes={t('settings.keys.revokeYes')}
              busy={busy}
              onConfirm={revoke}
              testId="revoke-key"
            />
          )}
        </td>
      </tr>
      {(problems.length > 0 || failure) && (
        <tr className="refusal">
          <td colSpan={6}>
            <Problems problems={problems} failure={failure} />
          </td>
        </tr>
      )}
    </>
  );
}

function CreateKey({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  // A till records purchases and looks customers up: read and write.
  const [scopes, setScopes] = useState<Scope[]>(['read', 'write']);
  const { busy, problems, failure, submit, setProblems, setFailure } = useSubmission();
  const toggle = (scope: Scope, on: boolean) => {
    setScopes((was) => SCOPES.filter((s) => (s === scope ? on : was.includes(s))));
    setProblems([]);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const key = await submit(() => api<CreatedApiKey>('/keys', { method: 'POST', body: { name: name.trim(), scopes } }));
    if (!key) return;
    setName('');
    onCreated(key);
  };
  return (
    <form className="card form" onSubmit={save} noValidate data-testid="create-key">
      <h2>{t('settings.keys.create')}</h2>
      <Field label={t('settings.keys.name')} field="name" problems={problems}>
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setProblems([]);
            setFailure(undefined);
          }}
          placeholder={t('settings.keys.namePlaceholder')}
          maxLength={100}
          autoComplete="off"
        />
      </Field>
      <fieldset className={problems.some((p) => p.field.startsWith('scopes')) ? 'invalid' : undefined}>
        <legend>{t('settings.keys.scopes')}</legend>
        {SCOPES.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            <span>
              <strong>{t(scopeKey(s))}</strong> <span className="muted">— {t(scopeHint(s))}</span>
            </span>
          </label>
        ))}
        {problems
          .filter((p) => p.field.startsWith('scopes'))
          .map((p, i) => (
            <span key={i} className="field-problem" role="alert">
              {p.reason}
            </span>
          ))}
      </fieldset>
      <Problems problems={otherProblems(problems, ['name', 'scopes'])} failure={failure} />
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.keys.createButton')}
      </button>
    </form>
  );
}
