import { useEffect, useState } from 'react';
import { api, type Customer, type LoyaltyAccount, type Page, type Stats } from '../../api.ts';
import { useBusiness } from '../../business.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { displayName } from '../Customers.tsx';

// Merging a duplicate into the customer whose profile is open: find the other record as the
// Customers page searches (name, email, phone, card), compare the two side by side — who
// they are, how they are known, what they bought, their points — and merge only once asked.

/** A customer as GET /customers lists one: with stats and, for a member, their points. */
type Listed = Customer & { stats: Stats; loyalty: { points: number } | null };
type MergeResult = { customer: Customer; moved: { identities: number; purchases: number; loyalty_points: number } };

export function MergeDuplicate({ customer, onMerged, onCancel }: { customer: Customer & { stats: Stats }; onMerged: (told: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Listed[]>();
  const [chosen, setChosen] = useState<Listed>();
  const [keptPoints, setKeptPoints] = useState<number | null>(null);
  const { busy, problems, failure, submit, setFailure } = useSubmission();

  useEffect(() => {
    api<LoyaltyAccount>(`/customers/${customer.id}/loyalty`).then((a) => setKeptPoints(a.member ? a.balance : null), () => setKeptPoints(null));
  }, [customer.id]);

  useEffect(() => {
    const text = query.trim();
    if (!text) return setFound(undefined);
    // Search as the user types, a moment after the last key, as the Customers page does.
    const timer = setTimeout(() => {
      api<Page<Listed>>(`/customers?query=${encodeURIComponent(text)}&limit=6`).then(
        (page) => setFound(page.items.filter((c) => c.id !== customer.id).slice(0, 5)),
        (e: Error) => setFailure(e.message),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [query, customer.id]);

  const name = (c: Customer) => displayName(c, t('customers.unnamed'));

  const merge = async () => {
    if (!chosen) return;
    const result = await submit(() => api<MergeResult>(`/customers/${customer.id}/merge`, { method: 'POST', body: { from: chosen.id } }));
    if (!result) return;
    const { identities, purchases, loyalty_points: points } = result.moved;
    onMerged(t('customerActions.merged', { duplicate: name(chosen), identities, purchases, points }));
  };

  return (
    <div className="panel" data-testid="merge-panel">
      {!chosen ? (
        <>
          <label className="search">
            {t('customerActions.find')}
            <input type="search" placeholder={t('customers.search.placeholder')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="merge-search" autoFocus />
          </label>
          {found && found.length === 0 && <p className="hint">{t('customerActions.noMatch')}</p>}
          {found && found.length > 0 && (
            <ul className="found" data-testid="merge-found">
              {found.map((c) => (
                <li key={c.id}>
                  <span>
                    <strong>{name(c)}</strong> <span className="muted">{c.identities.map((i) => i.value).join(' · ')}</span>
                  </span>
                  <button type="button" className="secondary" onClick={() => setChosen(c)}>{t('customerActions.choose')}</button>
                </li>
              ))}
            </ul>
          )}
          <div className="toolbar">
            <button type="button" className="secondary" onClick={onCancel}>{t('customerActions.cancel')}</button>
          </div>
        </>
      ) : (
        <div role="alertdialog" aria-label={t('customerActions.merge')} data-testid="merge-confirm" className="panel-body">
          <div className="merge-compare">
            <Side title={t('customerActions.kept')} customer={customer} points={keptPoints} testId="merge-kept" />
            <Side title={t('customerActions.mergedAway')} customer={chosen} points={chosen.loyalty?.points ?? null} testId="merge-duplicate" />
          </div>
          <p>{t('customerActions.mergeWarning', { duplicate: name(chosen), kept: name(customer) })}</p>
          <div className="toolbar">
            <button type="button" className="primary" data-testid="merge-button" disabled={busy} onClick={merge}>{t('customerActions.mergeConfirm')}</button>
            <button type="button" className="secondary" onClick={() => setChosen(undefined)}>{t('customerActions.cancel')}</button>
          </div>
        </div>
      )}
      <Problems problems={problems} failure={failure} testId="merge-problem" />
    </div>
  );
}

/** One of the two customers, with enough to be sure which one it is. */
function Side({ title, customer, points, testId }: { title: string; customer: Customer & { stats: Stats }; points: number | null; testId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { currency } = useBusiness();
  return (
    <section data-testid={testId}>
      <h3>{title}</h3>
      <dl>
        <div><dt>{t('customers.col.name')}</dt><dd>{displayName(customer, t('customers.unnamed'))}</dd></div>
        {customer.identities.map((identity) => (
          <div key={`${identity.kind}:${identity.value}`}>
            <dt>{t(`profile.identity.${identity.kind}` as MessageKey)}</dt>
            <dd>{identity.value}</dd>
          </div>
        ))}
        <div><dt>{t('stats.purchases')}</dt><dd data-testid={`${testId}-purchases`}>{i18n.number(customer.stats.purchases)}</dd></div>
        <div><dt>{t('stats.net')}</dt><dd>{i18n.money(customer.stats.net_spend, currency)}</dd></div>
        <div><dt>{t('customerActions.points')}</dt><dd data-testid={`${testId}-points`}>{points === null ? t('customerActions.notMember') : i18n.number(points)}</dd></div>
      </dl>
    </section>
  );
}
