import { useEffect, useState, type FormEvent } from 'react';
import type { Holdout } from '../../api.ts';
import { DateField } from '../../DateField.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Loading, useApi } from './shared.tsx';

const PREDICTED = '#b45309';
const ACTUAL = '#2b6cb0';

export function HoldoutView() {
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const { data, error } = useApi<Holdout>(`/analytics/holdout${query}`);
  const [calibrationEnd, setCalibrationEnd] = useState('');
  const [holdoutEnd, setHoldoutEnd] = useState('');
  // The server picks the default dates; the form shows the dates of the answer.
  useEffect(() => {
    if (!data) return;
    setCalibrationEnd(data.calibration_end);
    setHoldoutEnd(data.holdout_end);
  }, [data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(`?${new URLSearchParams({ calibration_end: calibrationEnd, holdout_end: holdoutEnd })}`);
  };
  const decimal = (v: number | null, digits = 1) => (v === null ? '—' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v));

  return (
    <div data-testid="analytics-holdout">
      <form className="toolbar" onSubmit={submit}>
        <label>
          {t('analytics.holdout.calibrationEnd')}
          <DateField testId="calibration-end" value={calibrationEnd} onChange={setCalibrationEnd} required />
        </label>
        <label>
          {t('analytics.holdout.holdoutEnd')}
          <DateField testId="holdout-end" value={holdoutEnd} onChange={setHoldoutEnd} required />
        </label>
        <button className="secondary" type="submit">{t('analytics.holdout.check')}</button>
        {/* The days are the purchases' own (purchases.local_date): the store's zone, else the business's. */}
        <small className="hint zone-hint" data-testid="holdout-time-zone">{t('analytics.holdout.daysIn', { zone: i18n.timeZone })}</small>
      </form>
      {!data ? (
        <Loading error={error} />
      ) : (
        <>
          <div className="kpis">
            <div className="card kpi small" data-testid="holdout-customers">
              <span>{t('analytics.holdout.customers')}</span>
              <strong>{i18n.number(data.customers)}</strong>
              <small>{t('analytics.holdout.repeaters', { n: i18n.number(data.repeat_customers) })}</small>
            </div>
            <div className="card kpi small" data-testid="holdout-predicted">
              <span>{t('analytics.holdout.predicted')}</span>
              <strong>{decimal(data.predicted_total)}</strong>
              <small>{t('analytics.holdout.weeks', { weeks: decimal(data.holdout_weeks) })}</small>
            </div>
            <div className="card kpi small" data-testid="holdout-actual">
              <span>{t('analytics.holdout.actual')}</span>
              <strong>{i18n.number(data.actual_total)}</strong>
              <small>{t('analytics.holdout.days')}</small>
            </div>
            <div className="card kpi small" data-testid="holdout-error">
              <span>{t('analytics.holdout.error')}</span>
              <strong>{data.relative_error === null ? '—' : `${data.relative_error > 0 ? '+' : ''}${i18n.percent(data.relative_error)}`}</strong>
              <small>{t('analytics.holdout.mae', { value: decimal(data.mean_absolute_error, 2) })}</small>
            </div>
          </div>
          <div className="card">
            <h2>{t('analytics.holdout.heading')}</h2>
            <p className="hint">{t('analytics.holdout.explain', { calibrationEnd: i18n.date(data.calibration_end), holdoutEnd: i18n.date(data.holdout_end) })}</p>
            {data.note || data.by_calibration_purchases.length === 0 ? (
              <p className="hint" data-testid="holdout-note">{t('analytics.holdout.nothing')}</p>
            ) : (
              <HoldoutChart groups={data.by_calibration_purchases} />
            )}
          </div>
        </>
      )}
    </div>
  );
}

function HoldoutChart({ groups }: { groups: Holdout['by_calibration_purchases'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const width = 760;
  const height = 260;
  const left = 44;
  const bottom = 48;
  const plot = height - bottom - 10;
  const max = Math.max(0.1, ...groups.flatMap((g) => [g.predicted_mean, g.actual_mean]));
  const nice = Math.ceil(max * 2) / 2;
  const step = (width - left) / groups.length;
  const bar = Math.min(28, step / 3);
  const y = (v: number) => 10 + plot * (1 - v / nice);
  const ticks = [0, nice / 2, nice];
  const fmt = (v: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  return (
    <>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('analytics.holdout.heading')} data-testid="holdout-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width} y1={y(v)} y2={y(v)} className="gridline" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" className="tick">{fmt(v)}</text>
          </g>
        ))}
        {groups.map((g, i) => {
          const cx = left + i * step + step / 2;
          return (
            <g key={g.repeat_purchases} data-testid="holdout-group">
              <rect x={cx - bar - 2} y={y(g.predicted_mean)} width={bar} height={y(0) - y(g.predicted_mean)} fill={PREDICTED}>
                <title>{`${t('analytics.holdout.predicted')}: ${fmt(g.predicted_mean)}`}</title>
              </rect>
              <rect x={cx + 2} y={y(g.actual_mean)} width={bar} height={y(0) - y(g.actual_mean)} fill={ACTUAL}>
                <title>{`${t('analytics.holdout.actual')}: ${fmt(g.actual_mean)}`}</title>
              </rect>
              <text x={cx} y={height - bottom + 18} textAnchor="middle" className="tick strong">{g.repeat_purchases}</text>
              <text x={cx} y={height - bottom + 34} textAnchor="middle" className="tick">{`n = ${i18n.number(g.customers)}`}</text>
            </g>
          );
        })}
      </svg>
      <div className="legend-items">
        <span><span className="swatch" style={{ background: PREDICTED }} />{t('analytics.holdout.predictedMean')}</span>
        <span><span className="swatch" style={{ background: ACTUAL }} />{t('analytics.holdout.actualMean')}</span>
        <span className="hint">{t('analytics.holdout.axis')}</span>
      </div>
    </>
  );
}
