import { useI18n } from '../../i18n/index.ts';
import { navigate, usePath } from '../../router.ts';

// The period switch of the analytics tabs that look at a recent period (the last month,
// 3 or 12 months to today): the choice is in the address (`?period=quarter`; none is the
// last month), so a link or Back finds it again.

export const PERIODS = [
  ['month', 'analytics.period.month'],
  ['quarter', 'analytics.period.quarter'],
  ['year', 'analytics.period.year'],
] as const;
export type PeriodName = (typeof PERIODS)[number][0];

/** The address's search parameters and the period they choose. */
export function usePeriod(): { period: PeriodName; params: URLSearchParams } {
  const params = new URLSearchParams(usePath().split('?')[1] ?? '');
  const requested = params.get('period');
  return { period: PERIODS.find(([p]) => p === requested)?.[0] ?? 'month', params };
}

/** The address of `base` with these parameters, the default ones (the last month, every store) left out. */
export function addressOf(base: string, params: Record<string, string | undefined>): string {
  const shown = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value && !(name === 'period' && value === 'month')) shown.set(name, value);
  return shown.size ? `${base}?${shown}` : base;
}

export function PeriodSwitch({ period, addressFor }: { period: PeriodName; addressFor: (period: PeriodName) => string }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('analytics.period.label')}>
      {PERIODS.map(([p, key]) => (
        <button key={p} className={p === period ? 'active' : ''} aria-pressed={p === period} onClick={() => navigate(addressFor(p))}>
          {t(key)}
        </button>
      ))}
    </div>
  );
}

/** The query of GET /analytics/metrics for a named period: the server resolves it to dates (its today, in the business's zone) as /analytics/overview does, and answers them. */
export const metricsQuery = (period: PeriodName, store?: string) => {
  const query = new URLSearchParams({ period });
  if (store) query.set('store', store);
  return `/analytics/metrics?${query}`;
};
