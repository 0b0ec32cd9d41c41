import { useEffect, useState } from 'react';
import { api, type LoyaltyReport, type Metrics, type Overview as AnalyticsOverview, type Status } from '../api.ts';
import { FigureCard, KpiCard, MoreLink, RepeatShareBar } from '../Figures.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { KPIS } from './analytics/Overview.tsx';
import { metricsQuery } from './analytics/period.tsx';
import { useApi } from './analytics/shared.tsx';

// The page an owner opens first: the business's totals, then what the last month looked
// like (the analytics KPIs against the month before, repeat customers' share of revenue)
// and the loyalty program's members and outstanding points. Every card leads to the page
// with the details (a click on it, or the link under it). Each part shows once its own answer is here; one that fails is left
// out rather than hiding the rest.
export function Overview() {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Status>('/status').then(setStatus, (e: Error) => setError(e.message));
  }, []);
  const bought = status !== undefined && status.purchases > 0;
  return (
    <section data-testid="overview">
      <h1>{t('overview.title')}</h1>
      {error && <p className="error">{t('common.error', { message: error })}</p>}
      {!status ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <div className="kpis">
            <FigureCard label={t('overview.customers')} value={i18n.number(status.customers)} testId="kpi-customers" href="/customers" />
            <FigureCard label={t('overview.purchases')} value={i18n.number(status.purchases)} testId="kpi-purchases" href="/analytics" />
            <FigureCard label={t('overview.revenue')} value={i18n.money(status.revenue, status.currency)} testId="kpi-revenue" href="/analytics" />
          </div>
          {!bought && <p className="hint">{t('overview.hint')}</p>}
          {bought && <LastMonth />}
          <LoyaltyFigures />
        </>
      )}
    </section>
  );
}

function LastMonth() {
  const i18n = useI18n();
  const { t } = i18n;
  // Both at once: metrics resolves the named month to the same dates the overview does.
  const { data: month } = useApi<AnalyticsOverview>('/analytics/overview?period=month');
  const { data: metrics } = useApi<Metrics>(metricsQuery('month'));
  if (!month) return null;
  return (
    <>
      <h2 data-testid="overview-last-month">{t('overview.lastMonth', { from: i18n.date(month.current.from), to: i18n.date(month.current.to) })}</h2>
      <div className="kpis">
        {KPIS.map(([name, label]) => (
          <KpiCard key={name} name={name} label={t(label)} kpi={month.kpis[name]} currency={month.currency} testId={`overview-kpi-${name}`} href="/analytics" />
        ))}
      </div>
      <p><MoreLink href="/analytics">{t('overview.moreKpis')}</MoreLink></p>
      {metrics && metrics.purchases > 0 && (
        <div className="card card-link" data-testid="overview-repeat-share" onClick={() => navigate('/analytics/revenue')}>
          <strong>{t('analytics.revenue.byType')}</strong>
          <RepeatShareBar repeat={metrics.revenue_by_customer_type.repeat.share_of_revenue} other={metrics.revenue_by_customer_type.other.share_of_revenue} testId="overview-share-bar" />
          <p className="hint" data-testid="overview-repeat-line">
            {t('overview.repeatShare', {
              share: i18n.percent(metrics.revenue_by_customer_type.repeat.share_of_revenue),
              repeat: i18n.money(metrics.revenue_by_customer_type.repeat.revenue, metrics.currency),
              total: i18n.money(metrics.revenue, metrics.currency),
            })}
          </p>
          <MoreLink href="/analytics/revenue" testId="overview-revenue-link">{t('overview.moreRevenue')}</MoreLink>
        </div>
      )}
    </>
  );
}

/** Members and outstanding points, once a program is in force (the loyalty report names its point value then). */
function LoyaltyFigures() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data: report } = useApi<LoyaltyReport>('/loyalty/report');
  if (!report || report.liability.point_value === null) return null;
  return (
    <>
      <h2>{t('loyalty.title')}</h2>
      <div className="kpis" data-testid="overview-loyalty">
        <FigureCard label={t('loyalty.report.members')} value={i18n.number(report.members)} testId="overview-members" href="/loyalty" />
        <FigureCard label={t('loyalty.report.outstanding')} value={i18n.number(report.points.outstanding)} testId="overview-outstanding" href="/loyalty">
          <small>{t('loyalty.report.liability', { value: i18n.money(report.liability.value, report.liability.currency) })}</small>
        </FigureCard>
      </div>
      <p><MoreLink href="/loyalty">{t('overview.moreLoyalty')}</MoreLink></p>
    </>
  );
}
