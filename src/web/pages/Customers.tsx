import { Fragment, useEffect, useState } from 'react';
import type { LocalizedText } from '../../modules/loyalty/index.ts';
import { useBusiness } from '../business.ts';
import { api, type Customer, type Page, type Stats, type Store } from '../api.ts';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from '../i18n/index.ts';
import { navigate } from '../router.ts';

/** A customer as GET /customers lists one: with their running stats and, for a member, the points they can spend and their tier. */
type Listed = Customer & { stats: Stats; loyalty: { points: number; tier: string | null; tier_name: LocalizedText | null } | null };

export const displayName = (c: Customer, unnamed: string) => [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.phone || c.external_id || unnamed;

/**
 * An email address that, where it must break, breaks after its "@" or before a dot, never
 * inside a word (QA: "qa.good1@e" / "xample.com" in a phone's narrow column). Its cell
 * (td.email) lets a part longer than the column break only as a last resort.
 */
export function Email({ address }: { address: string }) {
  return <>{address.split(/(?<=@)|(?=\.)/).map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>)}</>;
}

/** The list's order when the address names none: the newest record first (the API's default). */
const DEFAULT_SORT = '-created_at';

/** Whether the customer is named by their email address (displayName): they have no name. */
const byEmail = (c: Customer): c is Customer & { email: string } => !c.first_name && !c.last_name && Boolean(c.email);

export function Customers() {
  const i18n = useI18n();
  const { t } = i18n;
  const { currency } = useBusiness();
  // The search and filters live in the address too: Back from a customer (or a reload) finds them as they were.
  const [query, setQuery] = useState(() => new URLSearchParams(window.location.search).get('query') ?? '');
  const [filters, setFilters] = useState(() => {
    const shown = new URLSearchParams(window.location.search);
    return { language: shown.get('language') ?? '', store: shown.get('store') ?? '', tag: shown.get('tag') ?? '', consent: shown.get('consent') ?? '' };
  });
  const [sort, setSort] = useState<string>(() => new URLSearchParams(window.location.search).get('sort') ?? DEFAULT_SORT);
  const [stores, setStores] = useState<Store[]>([]);
  const [page, setPage] = useState<Page<Listed>>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api<{ items: Store[] }>('/stores').then((r) => setStores(r.items), () => undefined);
  }, []);

  const params = (cursor?: string) => {
    const p = new URLSearchParams({ limit: '50' });
    if (query.trim()) p.set('query', query.trim());
    for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
    if (sort !== DEFAULT_SORT) p.set('sort', sort);
    if (cursor) p.set('cursor', cursor);
    return p.toString();
  };

  useEffect(() => {
    const shown = new URLSearchParams();
    if (query) shown.set('query', query);
    for (const [k, v] of Object.entries(filters)) if (v) shown.set(k, v);
    if (sort !== DEFAULT_SORT) shown.set('sort', sort);
    // Replaced, not pushed: typing makes no history entries of its own.
    window.history.replaceState(null, '', `/customers${shown.size ? `?${shown}` : ''}`);
  }, [query, filters, sort]);

  useEffect(() => {
    // Search as the user types, a moment after the last key.
    const timer = setTimeout(() => {
      api<Page<Listed>>(`/customers?${params()}`).then(
        (r) => {
          setPage(r);
          setError(undefined);
        },
        (e: Error) => setError(e.message),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [query, filters, sort]);

  const more = async () => {
    if (!page?.next_cursor) return;
    const next = await api<Page<Listed>>(`/customers?${params(page.next_cursor)}`);
    setPage({ items: [...page.items, ...next.items], next_cursor: next.next_cursor });
  };

  const select = (key: keyof typeof filters, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.target.value })} aria-label={label}>
        <option value="">{t('customers.filter.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  /**
   * A column header that sorts the list by `key` (GET /customers?sort=): the first click in
   * the direction a business looks first (the most spent, the latest purchase, the most
   * points; names A to Z; the longest-standing customers, the earliest customer_since), the
   * next the other way. aria-sort tells a screen reader the order.
   */
  const sortable = (key: string, label: string, className?: string) => {
    const current = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
    const first = key === 'name' || key === 'customer_since' ? key : `-${key}`;
    const next = current === 'none' ? first : current === 'ascending' ? `-${key}` : key;
    return (
      <th className={className} aria-sort={current} data-sort={key}>
        <button type="button" className="sort" onClick={() => setSort(next)} title={t('customers.sortBy', { column: label })}>
          {label}
          <span aria-hidden="true" className="sort-mark">{current === 'ascending' ? '▲' : current === 'descending' ? '▼' : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <section>
      <h1>{t('customers.title')}</h1>
      <div className="toolbar">
        {/* Labelled as the filters are, its placeholder short enough to show whole in a phone's width (QA: "…telefonu ali karti"). */}
        <label className="search">
          {t('customers.search')}
          <input type="search" placeholder={t('customers.search.placeholder')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="customer-search" />
        </label>
        {select('language', t('customers.filter.language'), LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l as Language]]))}
        {select('store', t('customers.filter.store'), stores.map((s) => [s.code, s.name]))}
        {select('consent', t('customers.filter.consent'), [['email', t('profile.identity.email')], ['sms', 'SMS']])}
        <label>
          {t('customers.filter.tag')}
          <input value={filters.tag} onChange={(e) => setFilters({ ...filters, tag: e.target.value })} aria-label={t('customers.filter.tag')} size={10} />
        </label>
      </div>
      {error && <p className="error">{t('common.error', { message: error })}</p>}
      {!page ? (
        <p>{t('common.loading')}</p>
      ) : page.items.length === 0 ? (
        <p className="hint">{t('customers.none')}</p>
      ) : (
        <div className="card">
          <table data-testid="customer-table">
            <thead>
              <tr>
                {sortable('name', t('customers.col.name'))}
                <th>{t('customers.col.email')}</th>
                <th>{t('customers.col.phone')}</th>
                <th>{t('customers.col.card')}</th>
                <th>{t('customers.col.store')}</th>
                {sortable('customer_since', t('customers.col.since'))}
                {sortable('last_purchase_at', t('customers.col.lastPurchase'))}
                {sortable('net_spend', t('customers.col.spend'), 'num')}
                {sortable('points', t('customers.col.points'), 'num')}
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id} className="clickable" onClick={() => navigate(`/customers/${c.id}`)}>
                  {/* A customer known by their email alone is named by it, broken as an address is. */}
                  <td className={byEmail(c) ? 'email' : 'wrap'}>
                    <a href={`/customers/${c.id}`} onClick={(e) => e.preventDefault()}>
                      {byEmail(c) ? <Email address={c.email} /> : displayName(c, t('customers.unnamed'))}
                    </a>
                  </td>
                  <td className="email">{c.email ? <Email address={c.email} /> : '—'}</td>
                  <td>{c.phone ?? '—'}</td>
                  <td>{c.external_id ?? '—'}</td>
                  <td className="wrap">{c.home_store?.name ?? '—'}</td>
                  {/* Not created_at: a customer an import brought in was written that day, and known since their first purchase. */}
                  <td className="date">{i18n.date(c.customer_since)}</td>
                  <td className="date" data-testid="last-purchase">{i18n.date(c.stats.last_purchase_at)}</td>
                  <td className="num" data-testid="net-spend">{c.stats.purchases ? i18n.money(c.stats.net_spend, currency) : '—'}</td>
                  <td className="num" data-testid="points">
                    {c.loyalty ? (
                      <>
                        {i18n.number(c.loyalty.points)}
                        {c.loyalty.tier && <small className="listed-tier">{c.loyalty.tier_name ? i18n.localized(c.loyalty.tier_name) : c.loyalty.tier}</small>}
                      </>
                    ) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.next_cursor && (
            <button className="secondary more" onClick={more}>
              {t('customers.more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
