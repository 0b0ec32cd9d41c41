import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { EVENT_TYPES } from '../../../jobs/event-types.ts';
import { api } from '../../api.ts';
import { counted } from '../../i18n/counted.ts';
import { isMessageKey, useI18n } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { When } from '../../When.tsx';
import { Confirmed, Field, otherProblems, ShownOnce } from './parts.tsx';
import type { CreatedWebhook, WebhookDelivery, WebhookEndpoint } from './types.ts';

// Other systems told of what happens here (a purchase recorded, a tier changed), by a
// signed POST to their URL. The event types are the ones Regulars sends (jobs/event-types.ts,
// the list the server checks a subscription against), offered by family: all of them, a
// family (loyalty.*), or single types. The signing secret is shown once.

/** The event types by family ("loyalty" → its types), in the order Regulars lists them. */
const FAMILIES = EVENT_TYPES.reduce<Map<string, string[]>>((families, type) => {
  const family = type.slice(0, type.indexOf('.'));
  families.set(family, [...(families.get(family) ?? []), type]);
  return families;
}, new Map());

export function Webhooks() {
  const { t } = useI18n();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[]>();
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreatedWebhook>();
  const load = () => api<{ items: WebhookEndpoint[] }>('/webhooks').then((r) => setEndpoints(r.items.filter((e) => e.active)), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, []);

  return (
    <div data-testid="settings-webhooks">
      {created && (
        <ShownOnce title={t('settings.webhooks.secretFor', { url: created.url })} value={created.secret} testId="shown-secret" onDone={() => setCreated(undefined)}>
          <p className="hint">{t('settings.webhooks.howToVerify')}</p>
        </ShownOnce>
      )}
      <AddWebhook
        onAdded={(endpoint) => {
          setCreated(endpoint);
          load();
        }}
      />
      <div className="card">
        <h2>{t('settings.webhooks.title')}</h2>
        {error ? (
          <p className="error">{t('common.error', { message: error })}</p>
        ) : !endpoints ? (
          <p>{t('common.loading')}</p>
        ) : endpoints.length === 0 ? (
          <p className="hint">{t('settings.webhooks.none')}</p>
        ) : (
          <ul className="endpoints" data-testid="webhooks-list">
            {endpoints.map((e) => (
              <Endpoint key={e.id} endpoint={e} onRemoved={load} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Endpoint({ endpoint: e, onRemoved }: { endpoint: WebhookEndpoint; onRemoved: () => void }) {
  const { t } = useI18n();
  const { busy, problems, failure, submit } = useSubmission();
  const [open, setOpen] = useState(false);
  const remove = async () => {
    let done = false;
    await submit(async () => {
      await api<void>(`/webhooks/${e.id}`, { method: 'DELETE' });
      done = true;
    });
    if (done) onRemoved();
  };
  return (
    <li data-testid="webhook" data-url={e.url}>
      <div className="endpoint-head">
        <div className="endpoint-what">
          <strong className="url">{e.url}</strong>
          {e.description && <span className="muted block">{e.description}</span>}
          <span className="block">
            {e.event_types.map((type) => (
              <span key={type} className="tag">
                {type === '*' ? t('settings.webhooks.allEvents') : type}
              </span>
            ))}
          </span>
          <small className="muted">
            {t('settings.col.created')}: <When at={e.created_at} />
          </small>
        </div>
        <div className="actions">
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="show-deliveries">
            {t(open ? 'settings.webhooks.hideDeliveries' : 'settings.webhooks.deliveries')}
          </button>
          <Confirmed
            label={t('settings.webhooks.remove')}
            question={t('settings.webhooks.removeQuestion', { url: e.url })}
            yes={t('settings.webhooks.removeYes')}
            busy={busy}
            onConfirm={remove}
            testId="remove-webhook"
          />
        </div>
      </div>
      <Problems problems={problems} failure={failure} />
      {open && <Deliveries endpointId={e.id} />}
    </li>
  );
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [items, setItems] = useState<WebhookDelivery[]>();
  const [error, setError] = useState<string>();
  const load = () => api<{ items: WebhookDelivery[] }>(`/webhooks/${endpointId}/deliveries`).then((r) => setItems(r.items), (e: Error) => setError(e.message));
  useEffect(() => {
    load();
  }, [endpointId]);
  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (!items) return <p>{t('common.loading')}</p>;
  return (
    <div className="deliveries" data-testid="deliveries">
      <div className="toolbar">
        <span className="hint">{items.length === 0 ? t('settings.webhooks.noDeliveries') : counted(i18n, 'settingsDeliveries', items.length)}</span>
        <button type="button" className="link" onClick={load}>
          {t('settings.webhooks.refresh')}
        </button>
      </div>
      {items.length > 0 && (
        <table className="settings-table">
          <thead>
            <tr>
              <th>{t('settings.webhooks.when')}</th>
              <th>{t('settings.webhooks.event')}</th>
              <th className="num">{t('settings.webhooks.attempt')}</th>
              <th>{t('settings.webhooks.result')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="delivery">
                <td data-label={t('settings.webhooks.when')}>
                  <When at={d.attempted_at} time />
                </td>
                <td data-label={t('settings.webhooks.event')}>#{d.event_id}</td>
                <td className="num" data-label={t('settings.webhooks.attempt')}>
                  {i18n.number(d.attempt)}
                </td>
                <td className="wrap" data-label={t('settings.webhooks.result')}>
                  {d.ok ? (
                    <span className="ok">{t('settings.webhooks.delivered', { status: d.response_status ?? '—' })}</span>
                  ) : (
                    <span className="error">
                      {d.response_status !== null ? t('settings.webhooks.refusedStatus', { status: d.response_status }) : t('settings.webhooks.failed', { error: d.error ?? '—' })}
                    </span>
                  )}{' '}
                  <small className="muted">{t('settings.webhooks.took', { ms: i18n.number(d.duration_ms) })}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.some((d) => !d.ok) && <p className="hint">{t('settings.webhooks.retryHint')}</p>}
    </div>
  );
}

/** An event type that may break after its dot and underscores on a narrow screen, never inside a word. */
const breakable = (type: string) =>
  type.split(/(?<=[._])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));

/** The subscription's patterns: everything, else each family taken whole, else its types chosen one by one. */
function patternsOf(chosen: ReadonlySet<string>): string[] {
  if (chosen.has('*')) return ['*'];
  return [...FAMILIES].flatMap(([family, types]) => (chosen.has(`${family}.*`) ? [`${family}.*`] : types.filter((type) => chosen.has(type))));
}

function AddWebhook({ onAdded }: { onAdded: (endpoint: CreatedWebhook) => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const { busy, problems, failure, submit, setProblems, setFailure } = useSubmission();
  const changed = () => {
    setProblems([]);
    setFailure(undefined);
  };
  const toggle = (pattern: string, on: boolean) => {
    setChosen((was) => {
      const next = new Set(was);
      if (on) next.add(pattern);
      else next.delete(pattern);
      return next;
    });
    changed();
  };
  const familyName = (family: string) => {
    const key = `settings.webhooks.family.${family}`;
    return isMessageKey(key) ? t(key) : family;
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = { url: url.trim(), event_types: patternsOf(chosen), description: description.trim() || undefined };
    const endpoint = await submit(() => api<CreatedWebhook>('/webhooks', { method: 'POST', body }));
    if (!endpoint) return;
    setUrl('');
    setDescription('');
    setChosen(new Set());
    onAdded(endpoint);
  };
  const all = chosen.has('*');
  const typeProblems = problems.filter((p) => p.field === 'event_types' || p.field.startsWith('event_types.'));
  return (
    <form className="card form" onSubmit={save} noValidate data-testid="add-webhook">
      <h2>{t('settings.webhooks.add')}</h2>
      <Field label={t('settings.webhooks.url')} field="url" problems={problems}>
        <input type="url" inputMode="url" value={url} onChange={(e) => { setUrl(e.target.value); changed(); }} placeholder="https://example.com/regulars-hook" autoComplete="off" />
      </Field>
      <Field label={t('settings.webhooks.description')} field="description" problems={problems}>
        <input value={description} onChange={(e) => { setDescription(e.target.value); changed(); }} maxLength={500} autoComplete="off" />
      </Field>
      <fieldset className={typeProblems.length ? 'event-types invalid' : 'event-types'} data-testid="event-types">
        <legend>{t('settings.webhooks.events')}</legend>
        <label className="inline">
          <input type="checkbox" checked={all} onChange={(e) => toggle('*', e.target.checked)} />
          <strong>{t('settings.webhooks.allEvents')}</strong>
        </label>
        <div className="families">
          {[...FAMILIES].map(([family, types]) => {
            const whole = all || chosen.has(`${family}.*`);
            return (
              <div key={family} className="family">
                <label className="inline">
                  <input type="checkbox" checked={whole} disabled={all} onChange={(e) => toggle(`${family}.*`, e.target.checked)} />
                  <strong>{t('settings.webhooks.wholeFamily', { family: familyName(family) })}</strong>
                </label>
                {types.map((type) => (
                  <label key={type} className="inline type">
                    <input type="checkbox" checked={whole || chosen.has(type)} disabled={whole} onChange={(e) => toggle(type, e.target.checked)} />
                    <code>{breakable(type)}</code>
                  </label>
                ))}
              </div>
            );
          })}
        </div>
        {typeProblems.map((p, i) => (
          <span key={i} className="field-problem" role="alert">
            {p.reason}
          </span>
        ))}
      </fieldset>
      <Problems problems={otherProblems(problems, ['url', 'description', 'event_types'])} failure={failure} />
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.webhooks.addButton')}
      </button>
    </form>
  );
}
