import type { Kpi, Overview } from '../../api.ts';
import { counted } from '../../i18n/counted.ts';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.ts';
import { navigate, usePath } from '../../router.ts';
import { Loading, useApi } from './shared.tsx';

const PERIODS = [
  ['month', 'analytics.period.month'],
  ['quarter', 'analytics.period.quarter'],
  ['year', 'analytics.period.year'],
] as const;

const KPIS: [keyof Overview['kpis'], MessageKey][] = [
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
  const search = usePath().split('?')[1] ?? '';
  const requested = new URLSearchParams(search).get('period');
  const period = PERIODS.find(([p]) => p === requested)?.[0] ?? 'month';
  const { data, error } = useApi<Overview>(`/analytics/overview?period=${period}`);

  return (
    <div data-testid="analytics-overview">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('analytics.period.label')}>
          {PERIODS.map(([p, key]) => (
            <button key={p} className={p === period ? 'active' : ''} aria-pressed={p === period} onClick={() => navigate(p === 'month' ? '/analytics' : `/analytics?period=${p}`)}>
              {t(key)}
            </button>
          ))}
        </div>
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

function formatValue(i18n: I18n, kpi: Kpi, value: Kpi['value'], currency: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return i18n.money(value, currency);
  return kpi.change_kind === 'difference' ? i18n.percent(value) : i18n.number(value);
}

function formatChange(i18n: I18n, kpi: Kpi): string {
  if (kpi.change === null) return i18n.t('analytics.kpi.noChange');
  const sign = kpi.change > 0 ? '+' : '';
  if (kpi.change_kind === 'relative') return `${sign}${i18n.percent(kpi.change)}`;
  return i18n.t('analytics.kpi.points', { value: `${sign}${i18n.number(Math.round(kpi.change * 1000) / 10)}` });
}

function KpiCard({ name, label, kpi, currency }: { name: string; label: string; kpi: Kpi; currency: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const trend = kpi.change === null ? 'none' : kpi.change > 0 ? 'up' : kpi.change < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '▶', none: '' }[trend];
  const sample = (n: number) => counted(i18n, kpi.sample_of === 'customers' ? 'sampleCustomers' : 'samplePurchases', n);
  return (
    <div className="card kpi" data-testid={`analytics-kpi-${name}`}>
      <span>{label}</span>
      <strong>{formatValue(i18n, kpi, kpi.value, currency)}</strong>
      <span className={`trend ${trend}`} data-testid={`analytics-trend-${name}`}>
        {arrow && <span aria-hidden="true">{arrow} </span>}
        {formatChange(i18n, kpi)}
      </span>
      <small className="sample">{sample(kpi.sample)}</small>
      <small>{t('analytics.kpi.previous', { value: formatValue(i18n, kpi, kpi.previous, currency), n: i18n.number(kpi.previous_sample) })}</small>
    </div>
  );
}
