import type { Alive } from '../../api.ts';
import { counted } from '../../i18n/counted.ts';
import { useI18n } from '../../i18n/index.ts';
import { heat, Legend, Loading, useApi } from './shared.tsx';

type Bin = Alive['frequency_bins'][number];
const NO_CUSTOMER = { background: 'transparent', border: '1px dashed var(--line)' };
const binLabel = (b: Bin, open = false) => (b.from === b.to ? `${b.from}` : `${b.from}–${b.to}`) + (open ? '+' : '');

export function AliveView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error } = useApi<Alive>('/analytics/alive-heatmap');
  if (!data) return <Loading error={error} />;
  if (!data.params || data.probability_alive.length === 0) return <p className="hint" data-testid="alive-empty">{t('analytics.alive.none')}</p>;
  const columns = data.frequency_bins.length;
  const rows = data.recency_bins.map((bin, i) => ({ bin, i })).reverse(); // the longest t_x (bought lately) on top
  const lastColumn = columns - 1;

  return (
    <div data-testid="analytics-alive">
      <p className="hint">
        {data.source === 'score_run' && data.run
          ? t('analytics.alive.fromRun', { date: i18n.date(data.run.as_of) })
          : t('analytics.alive.fitted', { customers: i18n.number(data.customers) })}
      </p>
      <div className="card">
        <h2>{t('analytics.alive.heading')}</h2>
        <p className="hint">{t('analytics.alive.explain', { T: i18n.number(data.T) })}</p>
        <p className="hint" data-testid="alive-model">{t('analytics.alive.model')}</p>
        <div className="heatmap-frame">
          <div className="axis-y">{t('analytics.alive.recency')}</div>
          <div className="heatmap" data-testid="alive-heatmap" style={{ gridTemplateColumns: `4.5rem repeat(${columns}, minmax(1.6rem, 1fr))` }}>
            {rows.map(({ bin, i }) => (
              <div key={bin.from} className="heatmap-row">
                <span className="heatmap-label">{binLabel(bin)}</span>
                {data.frequency_bins.map((fb, j) => {
                  const p = data.probability_alive[i][j];
                  const n = data.cell_customers[i][j];
                  const observed = data.observed_probability_alive[i][j];
                  // No customer can be here (x = 0 has t_x = 0): an empty cell, no colour.
                  if (p === null) return <div key={fb.from} className="heatmap-cell" data-testid="alive-cell" data-customers={n} style={NO_CUSTOMER} />;
                  const title =
                    t('analytics.alive.cell', { x: binLabel(fb, data.frequency_open && j === lastColumn), tx: binLabel(bin), p: i18n.percent(p), customers: counted(i18n, 'cellCustomers', n) }) +
                    (observed === null ? '' : ` ${t('analytics.alive.cellObserved', { p: i18n.percent(observed) })}`);
                  return (
                    <div key={fb.from} className="heatmap-cell" data-testid="alive-cell" data-customers={n} data-probability={p} style={heat(p, 'alive')} title={title}>
                      {n > 0 ? i18n.number(n) : ''}
                    </div>
                  );
                })}
              </div>
            ))}
            <div className="heatmap-row">
              <span className="heatmap-label" />
              {data.frequency_bins.map((fb, j) => (
                <span key={fb.from} className="heatmap-label bottom">{binLabel(fb, data.frequency_open && j === lastColumn)}</span>
              ))}
            </div>
          </div>
        </div>
        <div className="axis-x">{t('analytics.alive.frequency')}</div>
        <Legend scale="alive" low={i18n.percent(0)} high={i18n.percent(1)} />
        <p className="hint">{t('analytics.alive.cellsAre', { customers: i18n.number(data.customers) })}</p>
      </div>
    </div>
  );
}
