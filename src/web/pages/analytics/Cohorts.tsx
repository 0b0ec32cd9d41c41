import type { Cohorts } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { heat, Legend, Loading, useApi } from './shared.tsx';

export function CohortsView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error } = useApi<Cohorts>('/analytics/cohorts');
  if (!data) return <Loading error={error} />;
  const offsets = Math.max(0, ...data.cohorts.map((c) => c.retention.length));
  // Month 0 is 100 % by definition: the colour scale is for the months after it.
  const max = Math.max(0.01, ...data.cohorts.flatMap((c) => c.retention.slice(1).map((r) => r.share ?? 0)));

  return (
    <div data-testid="analytics-cohorts">
      <div className="card">
        <h2>{t('analytics.cohorts.heading')}</h2>
        <p className="hint">{t('analytics.cohorts.explain', { from: i18n.date(data.from), to: i18n.date(data.to) })}</p>
        {data.cohorts.every((c) => c.customers === 0) ? (
          <p className="hint">{t('analytics.cohorts.none')}</p>
        ) : (
          <div className="scroll">
            <table className="cohorts" data-testid="cohort-table">
              <thead>
                <tr>
                  <th>{t('analytics.cohorts.cohort')}</th>
                  <th className="num">{t('analytics.col.customers')}</th>
                  {Array.from({ length: offsets }, (_, k) => (
                    <th key={k} className="num" title={t('analytics.cohorts.after', { n: i18n.number(k) })}>{k}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.cohorts.map((c) => (
                  <tr key={c.month} data-testid="cohort-row" data-customers={c.customers}>
                    <td className="nowrap">{i18n.month(c.month)}</td>
                    <td className="num">{i18n.number(c.customers)}</td>
                    {Array.from({ length: offsets }, (_, k) => {
                      const cell = c.retention[k];
                      if (!cell || cell.share === null) return <td key={k} className="heat-cell empty" />;
                      return (
                        <td
                          key={k}
                          className="heat-cell"
                          style={k === 0 ? undefined : heat(cell.share / max)}
                          title={t('analytics.cohorts.cell', { month: i18n.month(cell.month), customers: i18n.number(cell.customers), size: i18n.number(c.customers) })}
                        >
                          {i18n.percent(cell.share)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="hint">{t('analytics.cohorts.axis')}</p>
        <Legend scale="amount" low={i18n.percent(0)} high={i18n.percent(max)} />
      </div>
    </div>
  );
}
