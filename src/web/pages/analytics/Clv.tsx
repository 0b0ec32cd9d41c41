import type { Clv } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { Loading, NoScores, RunNote, useApi } from './shared.tsx';

export function ClvView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useApi<Clv>('/analytics/clv-distribution');
  if (!data) return <Loading error={error} />;
  if (data.customers + data.without_clv === 0) return <NoScores onDone={reload} />;
  const money = (amount: string | null) => (amount === null ? '—' : i18n.money(amount, data.currency));
  const max = Math.max(1, ...data.buckets.map((b) => b.customers));

  return (
    <div data-testid="analytics-clv">
      <RunNote run={data.run} />
      <div className="kpis">
        <div className="card kpi small" data-testid="clv-customers">
          <span>{t('analytics.clv.customers')}</span>
          <strong>{i18n.number(data.customers)}</strong>
          {data.without_clv > 0 && <small>{t('analytics.clv.without', { n: i18n.number(data.without_clv) })}</small>}
        </div>
        <div className="card kpi small" data-testid="clv-median">
          <span>{t('analytics.clv.median')}</span>
          <strong>{money(data.median)}</strong>
        </div>
        <div className="card kpi small" data-testid="clv-mean">
          <span>{t('analytics.clv.mean')}</span>
          <strong>{money(data.mean)}</strong>
        </div>
        <div className="card kpi small" data-testid="clv-total">
          <span>{t('analytics.clv.total')}</span>
          <strong>{money(data.total)}</strong>
        </div>
      </div>
      <div className="card">
        <h2>{t('analytics.clv.heading')}</h2>
        <table className="bars" data-testid="clv-histogram">
          <thead>
            <tr>
              <th>{t('analytics.clv.range')}</th>
              <th className="bar-col" aria-hidden="true" />
              <th className="num">{t('analytics.col.customers')}</th>
              <th className="num">{t('analytics.col.share')}</th>
              <th className="num">{t('analytics.clv.sum')}</th>
            </tr>
          </thead>
          <tbody>
            {data.buckets.map((b) => (
              <tr key={b.from} data-testid="clv-bucket" data-customers={b.customers}>
                <td className="nowrap">{b.from === lastIn(b.to) ? money(b.from) : t('analytics.clv.bucket', { from: money(b.from), to: money(lastIn(b.to)) })}</td>
                <td className="bar-col">
                  <span className="bar" style={{ width: `${(b.customers / max) * 100}%` }} />
                </td>
                <td className="num">{i18n.number(b.customers)}</td>
                <td className="num">{i18n.percent(data.customers ? b.customers / data.customers : null)}</td>
                <td className="num">{money(b.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('analytics.clv.explain')}</p>
      </div>
    </div>
  );
}

/**
 * The last amount a bucket holds. The server's buckets are [from, to) over whole minor
 * units (a CLV is stored in cents), so a row reads from its first amount to its last, `to`
 * less one minor unit: "€0.02 to €0.04", then "€0.05 to €0.09" — no amount in two rows
 * (QA: "€0.00 – €0.02" above "€0.02 – €0.05"). Exact, in the digits the server wrote `to`
 * with (the currency's minor unit: "0.05", "500" for yen).
 */
function lastIn(to: string): string {
  const [whole, fraction = ''] = to.split('.');
  const digits = (BigInt(whole + fraction) - 1n).toString().padStart(fraction.length + 1, '0');
  return fraction ? `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}` : digits;
}
