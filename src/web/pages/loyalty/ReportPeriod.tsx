import { useEffect, useState, type FormEvent } from 'react';
import { addDaysToDate, addMonthsToDate } from '../../../shared/clock.ts';
import type { FieldProblem } from '../../api.ts';
import { DateRangeFields } from '../../DateRange.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { navigate, usePath } from '../../router.ts';
import { todayIn } from '../../time.ts';
import { PERIODS } from '../analytics/period.tsx';

// The loyalty report's period: local dates of the business (GET /loyalty/report?from=&to=),
// kept in the address (`/loyalty?from=2026-01-01&to=2026-12-06`) so a link or Back finds it
// again, as the analytics tabs keep theirs. None is the whole ledger.

export interface ReportPeriod {
  from?: string;
  to?: string;
}

/** The period the address asks for. */
export function useReportPeriod(): ReportPeriod {
  const params = new URLSearchParams(usePath().split('?')[1] ?? '');
  return { from: params.get('from') || undefined, to: params.get('to') || undefined };
}

const query = ({ from, to }: ReportPeriod) => {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q.size ? `?${q}` : '';
};
export const reportPath = (period: ReportPeriod) => `/loyalty/report${query(period)}`;
const addressOf = (period: ReportPeriod) => `/loyalty${query(period)}`;

// The analytics tabs' named periods (period.tsx PERIODS), the months /analytics/overview
// counts back from today (metrics.ts resolvePeriod): the same words mean the same days.
const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** The quick choices, each as the business's days: the whole ledger, this calendar year, and the analytics tabs' periods. */
function choices(today: string): [string, MessageKey, ReportPeriod][] {
  return [
    ['all', 'loyalty.report.period.all', {}],
    ['thisYear', 'loyalty.report.period.thisYear', { from: `${today.slice(0, 4)}-01-01`, to: today }],
    ...PERIODS.map(([name, label]): [string, MessageKey, ReportPeriod] => [name, label, { from: addDaysToDate(addMonthsToDate(today, -MONTHS[name]), 1), to: today }]),
  ];
}

export function ReportPeriodPicker({ period, problems }: { period: ReportPeriod; problems: readonly FieldProblem[] }) {
  const { t, timeZone } = useI18n();
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  // The inputs follow the address when a quick choice or Back changes it.
  useEffect(() => {
    setFrom(period.from ?? '');
    setTo(period.to ?? '');
  }, [period.from, period.to]);
  const today = todayIn(timeZone);
  const show = (e: FormEvent) => {
    e.preventDefault();
    navigate(addressOf({ from: from || undefined, to: to || undefined }));
  };
  return (
    <form className="toolbar" data-testid="report-period" onSubmit={show}>
      <div className="segmented" role="group" aria-label={t('analytics.period.label')}>
        {choices(today).map(([key, label, p]) => {
          const active = (p.from ?? '') === (period.from ?? '') && (p.to ?? '') === (period.to ?? '');
          return (
            <button type="button" key={key} data-testid={`report-period-${key}`} className={active ? 'active' : ''} aria-pressed={active} onClick={() => navigate(addressOf(p))}>
              {t(label)}
            </button>
          );
        })}
      </div>
      <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} fields={['from', 'to']} testId="report" problems={problems}>
        <button type="submit" className="secondary" data-testid="report-period-show">{t('loyalty.report.period.show')}</button>
      </DateRangeFields>
      <small className="hint zone-hint">{t('common.timesIn', { zone: timeZone })}</small>
    </form>
  );
}
