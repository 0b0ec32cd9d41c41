import type { Overview } from '../../api.ts';
import { KpiCard } from '../../Figures.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { addressOf, PeriodSwitch, usePeriod } from './period.tsx';
import { Loading, useApi } from './shared.tsx';

export const KPIS: [keyof Overview['kpis'], MessageKey][] = [
  ['customers', 'analytics.kpi.customers'],
  ['purchases', 'analytics.kpi.purchases'],
  ['revenue', 'analytics.kpi.revenue'],
  ['repeat_purchase_ratio', 'analytics.kpi.repeat'],
  ['average_check', 'analytics.kpi.averageCheck'],
  ['active_customers_share', 'analytics.kpi.active'],
];

export function OverviewView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { period } = usePeriod();
  const { data, error } = useApi<Overview>(`/analytics/overview?period=${period}`);

  return (
    <div data-testid="analytics-overview">
      <div className="toolbar">
        <PeriodSwitch period={period} addressFor={(p) => addressOf('/analytics', { period: p })} />
        {data && (
          <span className="hint" data-testid="overview-period">
            {t('analytics.period.range', {
              from: i18n.date(data.current.from), to: i18n.date(data.current.to),
              previousFrom: i18n.date(data.previous.from), previousTo: i18n.date(data.previous.to),
            })}
          </span>
        )}
      </div>
      {!data ? (
        <Loading error={error} />
      ) : (
        <>
          <div className="kpis">
            {KPIS.map(([name, label]) => (
              <KpiCard key={name} name={name} label={t(label)} kpi={data.kpis[name]} currency={data.currency} />
            ))}
          </div>
          <p className="hint">{t('analytics.overview.definitions')}</p>
        </>
      )}
    </div>
  );
}
