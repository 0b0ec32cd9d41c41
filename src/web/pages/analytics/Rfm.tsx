import type { Rfm } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { heat, Legend, Loading, NoScores, RunNote, segmentColour, segmentName, useApi } from './shared.tsx';

const SCORES = [1, 2, 3, 4, 5];

export function RfmView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useApi<Rfm>('/analytics/rfm-grid');
  if (!data) return <Loading error={error} />;
  if (data.customers === 0) return <NoScores onDone={reload} />;
  const money = (amount: string) => i18n.money(amount, data.currency);
  const max = Math.max(1, ...data.cells.map((c) => c.customers));
  const cell = (r: number, f: number) => data.cells.find((c) => c.r === r && c.f === f)!;

  return (
    <div data-testid="analytics-rfm">
      <RunNote run={data.run} />
      <div className="columns wide-right">
        <div className="card">
          <h2>{t('analytics.rfm.heading')}</h2>
          <div className="rfm" data-testid="rfm-grid">
            <div className="axis-y">{t('analytics.rfm.recency')}</div>
            <div className="rfm-grid">
              {[...SCORES].reverse().map((r) => (
                <div key={r} className="rfm-row">
                  <span className="rfm-label">R{r}</span>
                  {SCORES.map((f) => {
                    const c = cell(r, f);
                    return (
                      <div
                        key={f}
                        className="rfm-cell"
                        data-testid="rfm-cell"
                        data-r={r}
                        data-f={f}
                        data-customers={c.customers}
                        style={heat(c.customers / max)}
                        title={t('analytics.rfm.cell', { r, f, customers: i18n.number(c.customers), share: i18n.percent(c.share), revenue: money(c.revenue) })}
                      >
                        <strong>{i18n.number(c.customers)}</strong>
                        <small>{i18n.percent(c.share)}</small>
                      </div>
                    );
                  })}
                </div>
              ))}
              <div className="rfm-row">
                <span className="rfm-label" />
                {SCORES.map((f) => (
                  <span key={f} className="rfm-label bottom">F{f}</span>
                ))}
              </div>
            </div>
          </div>
          <div className="axis-x">{t('analytics.rfm.frequency')}</div>
          <Legend scale="amount" low="0" high={i18n.number(max)} />
        </div>
        <div className="card">
          <h2>{t('analytics.rfm.segments')}</h2>
          <table data-testid="segment-table">
            <thead>
              <tr>
                <th>{t('analytics.col.segment')}</th>
                <th className="num">{t('analytics.col.customers')}</th>
                <th className="num">{t('analytics.col.share')}</th>
                <th className="num">{t('analytics.col.revenue')}</th>
                <th className="num">{t('analytics.col.clv')}</th>
                <th className="num">{t('analytics.col.alive')}</th>
                <th className="num">{t('analytics.col.highRisk')}</th>
              </tr>
            </thead>
            <tbody>
              {data.segments.map((s) => (
                <tr key={s.segment}>
                  <td>
                    <span className="swatch" style={{ background: segmentColour(s.segment) }} />
                    {segmentName(i18n, s.segment)}
                  </td>
                  <td className="num">{i18n.number(s.customers)}</td>
                  <td className="num">{i18n.percent(s.share)}</td>
                  <td className="num">{money(s.revenue)}</td>
                  <td className="num">{s.clv_12m_mean === null ? '—' : money(s.clv_12m_mean)}</td>
                  <td className="num">{i18n.percent(s.probability_alive_mean)}</td>
                  <td className="num">{i18n.number(s.high_churn_risk)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="total">
                <td>{t('analytics.total')}</td>
                <td className="num" data-testid="segment-total">{i18n.number(data.customers)}</td>
                <td className="num">{i18n.percent(1)}</td>
                <td colSpan={4} />
              </tr>
            </tfoot>
          </table>
          <p className="hint">{t('analytics.rfm.explain')}</p>
          <p className="hint" data-testid="rfm-alive-note">{t('analytics.rfm.alive')}</p>
        </div>
      </div>
    </div>
  );
}
