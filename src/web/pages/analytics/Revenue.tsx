import { useEffect, useState } from 'react';
import { api, type Metrics, type Store } from '../../api.ts';
import { FigureCard, RepeatShareBar } from '../../Figures.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { tierName, useTierLevels, type TierLevel } from '../loyalty/tiers.ts';
import { AcquisitionCost } from './AcquisitionCost.tsx';
import { addressOf, metricsQuery, PeriodSwitch, usePeriod } from './period.tsx';
import { Loading, useApi } from './shared.tsx';

// "The numbers" of a recent period, from GET /analytics/metrics: repeat customers' revenue
// against the others', revenue by loyalty tier, churn, purchase frequency, the simple CLV
// and promotion purchases. The period is the Overview tab's, named in the query (the server
// resolves it to dates in the business's zone and answers them), one store or all. The CLV
// subtracts the business's stored acquisition cost, which an owner sets here.

const BASE = '/analytics/revenue';

// Why the CLV has no value (metrics.ts CLV_NOTES), by the code the server gives with its English note.
const CLV_NOTES: Record<NonNullable<Metrics['clv']['note_code']>, MessageKey> = {
  no_customers: 'analytics.revenue.nobody',
  no_previous_customers: 'analytics.revenue.clvNoPrevious',
  no_churn: 'analytics.revenue.clvNoChurn',
};

// Which acquisition cost the CLV subtracted (metrics' clv.acquisition_cost_source).
const COST_SOURCES: Record<Metrics['clv']['acquisition_cost_source'], MessageKey> = {
  setting: 'analytics.revenue.costStored',
  none: 'analytics.revenue.costNone',
  query: 'analytics.revenue.costAsked',
};

export function RevenueView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { period, params } = usePeriod();
  const store = params.get('store') ?? undefined;
  const [stores, setStores] = useState<Store[]>([]);
  useEffect(() => {
    api<{ items: Store[] }>('/stores').then((r) => setStores(r.items), () => undefined);
  }, []);
  const levels = useTierLevels();
  const metrics = useApi<Metrics>(metricsQuery(period, store));
  const data = metrics.data;

  return (
    <div data-testid="analytics-revenue">
      <div className="toolbar">
        <PeriodSwitch period={period} addressFor={(p) => addressOf(BASE, { period: p, store })} />
        {stores.length > 1 && (
          <label>
            {t('analytics.revenue.store')}
            <select data-testid="revenue-store" value={store ?? ''} onChange={(e) => navigate(addressOf(BASE, { period, store: e.target.value }))}>
              <option value="">{t('analytics.revenue.allStores')}</option>
              {stores.map((s) => (
                <option key={s.code} value={s.code}>{s.name || s.code}</option>
              ))}
            </select>
          </label>
        )}
        {data && (
          <span className="hint" data-testid="revenue-period">
            {t('analytics.revenue.period', { from: i18n.date(data.period.from), to: i18n.date(data.period.to) })}
          </span>
        )}
      </div>
      {!data || !levels ? <Loading error={metrics.error} /> : <Figures data={data} levels={levels} onCostSaved={metrics.reload} />}
    </div>
  );
}

function Figures({ data, levels, onCostSaved }: { data: Metrics; levels: TierLevel[]; onCostSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = (amount: string | null) => (amount === null ? '—' : i18n.money(amount, data.currency));
  const { repeat, other } = data.revenue_by_customer_type;
  const groups: [string, MessageKey, typeof repeat][] = [
    ['repeat', 'analytics.revenue.repeat', repeat],
    ['other', 'analytics.revenue.other', other],
    ['total', 'analytics.total', { customers: data.customers, purchases: data.purchases, revenue: data.revenue, share_of_revenue: repeat.share_of_revenue === null ? null : 1, average_check: data.average_check.value }],
  ];
  const { churn_rate: churn, purchase_frequency: frequency, clv } = data;
  const promotions: [string, MessageKey, Metrics['promotions']['all']][] = [
    ['repeat', 'analytics.revenue.repeat', data.promotions.repeat],
    ['other', 'analytics.revenue.other', data.promotions.other],
    ['total', 'analytics.total', data.promotions.all],
  ];

  return (
    <>
      <div className="card">
        <h2>{t('analytics.revenue.byType')}</h2>
        <RepeatShareBar repeat={repeat.share_of_revenue} other={other.share_of_revenue} />
        <div className="legend-items">
          <span><span className="swatch repeat" />{t('analytics.revenue.repeat')} {i18n.percent(repeat.share_of_revenue)}</span>
          <span><span className="swatch other" />{t('analytics.revenue.other')} {i18n.percent(other.share_of_revenue)}</span>
        </div>
        <table data-testid="revenue-by-type">
          <thead>
            <tr>
              <th />
              <th className="num">{t('analytics.col.customers')}</th>
              <th className="num">{t('analytics.kpi.purchases')}</th>
              <th className="num">{t('analytics.kpi.revenue')}</th>
              <th className="num">{t('analytics.revenue.col.share')}</th>
              <th className="num">{t('analytics.kpi.averageCheck')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map(([name, label, g]) => (
              <tr key={name} data-testid={`revenue-${name}`} className={name === 'total' ? 'total' : undefined}>
                <td>{t(label)}</td>
                <td className="num">{i18n.number(g.customers)}</td>
                <td className="num">{i18n.number(g.purchases)}</td>
                <td className="num">{money(g.revenue)}</td>
                <td className="num">{i18n.percent(g.share_of_revenue)}</td>
                <td className="num">{money(g.average_check)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint" data-testid="repeat-definition">{t('analytics.revenue.repeatMeans')}</p>
      </div>

      <div className="kpis">
        <FigureCard label={t('analytics.revenue.churn')} value={i18n.percent(churn.value)} testId="revenue-churn">
          <small>{t('analytics.revenue.churnOf', { churned: i18n.number(churn.churned_customers), previous: i18n.number(churn.previous_customers) })}</small>
        </FigureCard>
        <FigureCard label={t('analytics.revenue.frequency')} value={frequency.value === null ? '—' : i18n.number(Math.round(frequency.value * 100) / 100)} testId="revenue-frequency">
          <small>{t('analytics.revenue.frequencyOf', { purchases: i18n.number(frequency.purchases), customers: i18n.number(frequency.customers) })}</small>
        </FigureCard>
        <FigureCard label={t('analytics.revenue.clv')} value={money(clv.value)} testId="revenue-clv">
          {clv.value !== null && clv.annual_revenue_per_customer !== null && clv.average_lifetime_years !== null && (
            <small data-testid="revenue-clv-parts">
              {t('analytics.revenue.clvParts', { annual: money(clv.annual_revenue_per_customer), years: i18n.number(Math.round(clv.average_lifetime_years * 100) / 100), cost: money(clv.acquisition_cost) })}
            </small>
          )}
          {clv.note_code && <small data-testid="revenue-clv-note">{t(CLV_NOTES[clv.note_code])}</small>}
          <small data-testid="revenue-clv-cost">{t(COST_SOURCES[clv.acquisition_cost_source], { cost: money(clv.acquisition_cost) })}</small>
        </FigureCard>
      </div>
      <AcquisitionCost stored={clv.acquisition_cost_source === 'setting' ? clv.acquisition_cost : null} currency={data.currency} onSaved={onCostSaved} />
      <p className="hint" data-testid="revenue-formulas">
        {t('analytics.revenue.formulas', { from: i18n.date(data.period.previous.from), to: i18n.date(data.period.previous.to) })}
      </p>

      <div className="columns">
        <div className="card">
          <h2>{t('analytics.revenue.byTier')}</h2>
          {data.revenue_by_tier.length === 0 ? (
            <p className="hint">{t('analytics.revenue.nobody')}</p>
          ) : (
            <table data-testid="revenue-by-tier">
              <thead>
                <tr>
                  <th>{t('loyalty.col.tier')}</th>
                  <th className="num">{t('analytics.col.customers')}</th>
                  <th className="num">{t('analytics.kpi.purchases')}</th>
                  <th className="num">{t('analytics.kpi.revenue')}</th>
                  <th className="num">{t('analytics.revenue.col.share')}</th>
                </tr>
              </thead>
              <tbody>
                {data.revenue_by_tier.map((row) => (
                  <tr key={row.tier} data-testid="revenue-tier" data-tier={row.tier}>
                    <td>{row.tier === 'none' ? t('analytics.revenue.noTier') : tierName(i18n, levels, row.tier)}</td>
                    <td className="num">{i18n.number(row.customers)}</td>
                    <td className="num">{i18n.number(row.purchases)}</td>
                    <td className="num">{money(row.revenue)}</td>
                    <td className="num">{i18n.percent(row.share_of_revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="hint">{t('analytics.revenue.tierMeans')}</p>
        </div>
        <div className="card">
          <h2>{t('analytics.revenue.promotions')}</h2>
          <table data-testid="revenue-promotions">
            <thead>
              <tr>
                <th />
                <th className="num">{t('analytics.kpi.purchases')}</th>
                <th className="num">{t('analytics.revenue.col.promo')}</th>
                <th className="num">{t('analytics.revenue.col.promoShare')}</th>
                <th className="num">{t('analytics.revenue.col.promoCustomers')}</th>
              </tr>
            </thead>
            <tbody>
              {promotions.map(([name, label, g]) => (
                <tr key={name} data-testid={`promotions-${name}`} className={name === 'total' ? 'total' : undefined}>
                  <td>{t(label)}</td>
                  <td className="num">{i18n.number(g.purchases)}</td>
                  <td className="num">{i18n.number(g.promo_purchases)}</td>
                  <td className="num">{i18n.percent(g.share)}</td>
                  <td className="num">{i18n.number(g.promo_customers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('analytics.revenue.promoMeans')}</p>
        </div>
      </div>
    </>
  );
}
