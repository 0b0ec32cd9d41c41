import { useEffect, useState } from 'react';
import { api, ApiError, type Consent, type Customer, type Page, type Purchase, type Stats } from '../api.ts';
import { useBusiness } from '../business.ts';
import { isMessageKey, LANGUAGE_NAMES, useI18n, type Language, type MessageKey } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { dayOf } from '../time.ts';
import { displayName } from './Customers.tsx';
import { CustomerActions } from './customer/CustomerActions.tsx';
import { CustomerLoyalty } from './loyalty/CustomerLoyalty.tsx';
import { NotFound } from './NotFound.tsx';

type Tab = 'profile' | 'loyalty';

export function CustomerProfile({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [customer, setCustomer] = useState<Customer & { stats: Stats }>();
  const [purchases, setPurchases] = useState<Page<Purchase>>();
  const { currency } = useBusiness();
  const [error, setError] = useState<string>();
  // No customer has this id (a mistyped or an old link): the page the router shows for any unknown address.
  const [missing, setMissing] = useState(false);
  // An id merged into another customer: who it is now (the API's 404 names the id it was merged into).
  const [mergedInto, setMergedInto] = useState<Customer>();
  // Bumped after a merge moved identities and purchases here: the page reads them again.
  const [version, setVersion] = useState(0);
  // Erased from this page: the customer as the user last saw them (their page answers a 404 from now on that says when they were erased).
  const [erased, setErased] = useState<Customer>();
  // Erased before: when (the API's 404 says it; the name is gone with the personal data).
  const [erasedAt, setErasedAt] = useState<string>();
  const [tab, setTab] = useState<Tab>(() => (new URLSearchParams(window.location.search).get('tab') === 'loyalty' ? 'loyalty' : 'profile'));

  useEffect(() => {
    setMergedInto(undefined);
    setMissing(false);
    setErasedAt(undefined);
    api<Customer & { stats: Stats }>(`/customers/${id}`).then(setCustomer, async (e: Error) => {
      const survivor = e instanceof ApiError ? await survivorOf(e) : undefined;
      if (survivor) setMergedInto(survivor);
      else if (e instanceof ApiError && e.erasedAt) setErasedAt(e.erasedAt);
      else if (e instanceof ApiError && e.status === 404) setMissing(true);
      else setError(e.message);
    });
    api<Page<Purchase>>(`/customers/${id}/purchases?limit=20`).then(setPurchases, () => undefined);
  }, [id, version]);

  const showTab = (next: Tab) => {
    // The address remembers the tab (a link or a reload opens it again) without a new history entry.
    window.history.replaceState(null, '', `/customers/${id}${next === 'loyalty' ? '?tab=loyalty' : ''}`);
    setTab(next);
  };

  if (mergedInto) {
    // "…merged into {name}.": the name is the link to the customer's page.
    const [before, after] = t('profile.mergedInto', { name: '\u0000' }).split('\u0000');
    return (
      <section data-testid="customer-merged">
        <div className="card empty-state">
          <p>
            {before}
            <a href={`/customers/${mergedInto.id}`} onClick={(e) => { e.preventDefault(); navigate(`/customers/${mergedInto.id}`); }}>
              {displayName(mergedInto, t('customers.unnamed'))}
            </a>
            {after}
          </p>
        </div>
      </section>
    );
  }
  if (erased || erasedAt) {
    return (
      <section data-testid="customer-erased">
        <div className="card empty-state">
          <p role="status">
            {erased ? t('customerActions.erased', { name: displayName(erased, t('customers.unnamed')) }) : t('customerActions.erasedOn', { date: i18n.date(erasedAt!, true) })}
          </p>
          <a href="/customers" onClick={(e) => { e.preventDefault(); navigate('/customers'); }}>← {t('profile.back')}</a>
        </div>
      </section>
    );
  }
  if (missing) return <NotFound />;
  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (!customer) return <p>{t('common.loading')}</p>;
  const s = customer.stats;
  const money = (amount: string) => i18n.money(amount, currency);

  /** A channel the dashboard does not know yet shows under its code. */
  const channelName = (channel: string) => {
    const key = `timeline.channel.${channel}`;
    return isMessageKey(key) ? t(key) : channel;
  };

  const more = async () => {
    if (!purchases?.next_cursor) return;
    const next = await api<Page<Purchase>>(`/customers/${id}/purchases?limit=20&cursor=${purchases.next_cursor}`);
    setPurchases({ items: [...purchases.items, ...next.items], next_cursor: next.next_cursor });
  };

  const consent = (c: Consent | null) =>
    c ? (
      <span className={`badge ${c.status}`}>
        {t(c.status === 'granted' ? 'profile.consent.granted' : 'profile.consent.withdrawn')}
        <small>{t('profile.consent.detail', { source: c.source, at: i18n.date(c.at, true) })}</small>
      </span>
    ) : (
      <span className="badge">{t('profile.consent.unknown')}</span>
    );

  return (
    <section data-testid="customer-profile">
      <a href="/customers" className="back" onClick={(e) => { e.preventDefault(); navigate('/customers'); }}>
        ← {t('profile.back')}
      </a>
      <h1>{displayName(customer, t('customers.unnamed'))}</h1>
      <nav className="tabs" role="tablist">
        {(['profile', 'loyalty'] as const).map((key) => (
          <button key={key} role="tab" aria-selected={tab === key} className={tab === key ? 'active' : ''} onClick={() => showTab(key)}>
            {t(key === 'profile' ? 'profile.tab.profile' : 'profile.tab.loyalty')}
          </button>
        ))}
      </nav>
      {tab === 'loyalty' ? (
        <CustomerLoyalty customerId={id} currency={currency} />
      ) : (
        <>
          <div className="kpis" data-testid="customer-stats">
            <Kpi label={t('stats.purchases')} value={i18n.number(s.purchases)} />
            <Kpi label={t('stats.days')} value={i18n.number(s.purchase_days)} />
            <Kpi label={t('stats.net')} value={money(s.net_spend)} />
            <Kpi label={t('stats.aov')} value={s.purchases === 0 ? '—' : money(s.average_order_value)} />
            <Kpi label={t('stats.first')} value={i18n.date(s.first_purchase_at)} />
            <Kpi label={t('stats.last')} value={i18n.date(s.last_purchase_at)} />
          </div>
          <div className="columns">
            <div className="card">
              <h2>{t('profile.identities')}</h2>
              <dl data-testid="identities">
                {customer.identities.map((identity) => (
                  <div key={`${identity.kind}:${identity.value}`}>
                    <dt>{t(`profile.identity.${identity.kind}` as MessageKey)}</dt>
                    <dd>{identity.value}</dd>
                  </div>
                ))}
              </dl>
              <h2>{t('profile.consent')}</h2>
              <dl>
                <div>
                  <dt>{t('profile.identity.email')}</dt>
                  <dd>{consent(customer.consent.email)}</dd>
                </div>
                <div>
                  <dt>SMS</dt>
                  <dd>{consent(customer.consent.sms)}</dd>
                </div>
              </dl>
            </div>
            <div className="card">
              <h2>{t('profile.details')}</h2>
              <dl>
                <div><dt>{t('profile.language')}</dt><dd>{customer.language ? LANGUAGE_NAMES[customer.language as Language] ?? customer.language : '—'}</dd></div>
                <div><dt>{t('profile.birthday')}</dt><dd>{customer.birthday ? i18n.date(customer.birthday) : '—'}</dd></div>
                <div><dt>{t('profile.timeZone')}</dt><dd>{customer.time_zone ?? '—'}</dd></div>
                <div><dt>{t('profile.homeStore')}</dt><dd>{customer.home_store?.name ?? '—'}</dd></div>
                <div><dt>{t('customers.col.since')}</dt><dd data-testid="customer-since">{i18n.date(customer.customer_since)}</dd></div>
                <div><dt>{t('profile.memberSince')}</dt><dd data-testid="member-since">{customer.member_since ? i18n.date(customer.member_since) : t('profile.notMember')}</dd></div>
                <div><dt>{t('profile.tags')}</dt><dd>{customer.tags.length ? customer.tags.map((tag) => <span key={tag} className="tag">{tag}</span>) : '—'}</dd></div>
                <div><dt>{t('stats.refunded')}</dt><dd>{money(s.refunded)}</dd></div>
              </dl>
            </div>
          </div>
          <CustomerActions customer={customer} onMerged={() => setVersion((v) => v + 1)} onErased={() => setErased(customer)} />
          <div className="card">
            <h2>{t('profile.timeline')}</h2>
            {!purchases ? (
              <p>{t('common.loading')}</p>
            ) : purchases.items.length === 0 ? (
              <p className="hint">{t('timeline.none')}</p>
            ) : (
              <ol className="timeline" data-testid="timeline">
                {purchases.items.map((p) => (
                  <li key={p.id}>
                    <div className="when">
                      {i18n.date(p.occurred_at, true)}
                      {/* A store in another zone had another day then: its day, as the server counts it. */}
                      {p.local_date !== dayOf(p.occurred_at, i18n.timeZone) && <small className="muted" data-testid="purchase-store-day">{t('timeline.storeDay', { date: i18n.date(p.local_date) })}</small>}
                    </div>
                    <div className="what">
                      <strong>{i18n.money(p.total, p.currency)}</strong>
                      <span className="muted" data-testid="purchase-where">
                        {' · '}{channelName(p.channel)}{p.store_name && ` · ${p.store_name}`} · {p.external_id}
                      </span>
                      {Number(p.discount) > 0 && <span className="tag">{t('timeline.discount', { amount: i18n.money(p.discount, p.currency) })}</span>}
                      {p.promo_code && <span className="tag">{t('timeline.promo', { code: p.promo_code })}</span>}
                      {p.refunds.map((r) => (
                        <span key={r.id} className="tag refund">{t('timeline.refund', { amount: i18n.money(r.amount, p.currency) })}</span>
                      ))}
                      {p.lines.length > 0 && (
                        <ul className="lines">
                          {p.lines.map((l, i) => (
                            <li key={i}>
                              {l.quantity} × {l.name ?? l.sku} <span className="muted">{i18n.money(l.unit_price, p.currency)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {purchases?.next_cursor && (
              <button className="secondary more" onClick={more}>
                {t('timeline.more')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="card kpi small">
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  );
}

/** The customer a merged id now stands for, following merges of merges; undefined when the refusal is not about a merged id. */
async function survivorOf(refusal: ApiError): Promise<Customer | undefined> {
  let next = refusal.mergedInto;
  for (let hops = 0; next && hops < 10; hops++) {
    try {
      return await api<Customer>(`/customers/${next}`);
    } catch (e) {
      next = e instanceof ApiError ? e.mergedInto : undefined;
    }
  }
  return undefined;
}
