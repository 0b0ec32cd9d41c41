import { useState } from 'react';
import type { SegmentHistory } from '../../api.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { Loading, NoScores, segmentColour, segmentName, segmentRank, useApi } from './shared.tsx';

type Run = SegmentHistory['runs'][number];
type Move = Run['moves'][number];

export function SegmentsView() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useApi<SegmentHistory>('/analytics/segments');
  const [picked, setPicked] = useState<string>();
  if (!data) return <Loading error={error} />;
  if (data.runs.length === 0) return <NoScores onDone={reload} />;
  const run = data.runs.find((r) => r.run_id === picked) ?? data.runs[data.runs.length - 1];
  const segments = [...new Set(data.runs.flatMap((r) => r.segments.map((s) => s.segment)))].sort((a, b) => segmentRank(a) - segmentRank(b));
  const changes = run.moves.filter((m) => m.from !== m.to).sort((a, b) => b.customers - a.customers);
  const stayed = run.moves.filter((m) => m.from === m.to).reduce((n, m) => n + m.customers, 0);

  return (
    <div data-testid="analytics-segments">
      <div className="card">
        <h2>{t('analytics.segments.sizes')}</h2>
        <SizesChart runs={data.runs} segments={segments} />
        <div className="legend-items">
          {segments.map((s) => (
            <span key={s}>
              <span className="swatch" style={{ background: segmentColour(s) }} />
              {segmentName(i18n, s)}
            </span>
          ))}
        </div>
      </div>
      <div className="card">
        <div className="toolbar">
          <h2 className="grow">{t('analytics.segments.flows')}</h2>
          <label>
            {t('analytics.segments.run')}
            <select data-testid="segment-run" value={run.run_id} onChange={(e) => setPicked(e.target.value)}>
              {data.runs.map((r) => (
                <option key={r.run_id} value={r.run_id}>
                  {t('analytics.segments.runOption', { date: i18n.date(r.as_of), customers: i18n.number(r.customers) })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Sankey moves={run.moves} />
        {/* The first run has nothing before it: every customer is new, none "stayed". */}
        <p className="hint" data-testid="segment-stayed">{run.moves.every((m) => m.from === null) ? t('analytics.segments.firstRun') : t('analytics.segments.stayed', { customers: i18n.number(stayed) })}</p>
        {changes.length === 0 ? (
          <p className="hint">{t('analytics.segments.noMoves')}</p>
        ) : (
          <table data-testid="segment-moves">
            <thead>
              <tr>
                <th>{t('analytics.segments.from')}</th>
                <th>{t('analytics.segments.to')}</th>
                <th className="num">{t('analytics.col.customers')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice(0, 20).map((m) => (
                <tr key={`${m.from}→${m.to}`}>
                  <td>{place(i18n, m.from, 'from')}</td>
                  <td>{place(i18n, m.to, 'to')}</td>
                  <td className="num">{i18n.number(m.customers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

const place = (i18n: I18n, segment: string | null, side: 'from' | 'to') =>
  segment !== null ? segmentName(i18n, segment) : i18n.t(side === 'from' ? 'analytics.segments.new' : 'analytics.segments.left');

/** One stacked bar per score run: the segment sizes over time. */
function SizesChart({ runs, segments }: { runs: Run[]; segments: string[] }) {
  const i18n = useI18n();
  const width = 760;
  const height = 220;
  const top = 10;
  const bottom = 34;
  const left = 44;
  const max = Math.max(1, ...runs.map((r) => r.segments.reduce((n, s) => n + s.customers, 0)));
  const step = (width - left) / runs.length;
  const bar = Math.min(48, step * 0.7);
  const labelEvery = Math.ceil(runs.length / 8);
  const plot = height - bottom - top;
  const y = (f: number) => top + plot * (1 - f);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={i18n.t('analytics.segments.sizes')} data-testid="segment-sizes">
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width} y1={y(f)} y2={y(f)} className="gridline" />
          <text x={left - 6} y={y(f) + 4} textAnchor="end" className="tick">{i18n.number(Math.round(max * f))}</text>
        </g>
      ))}
      {runs.map((r, i) => {
        let at = y(0);
        const x = left + i * step + (step - bar) / 2;
        return (
          <g key={r.run_id}>
            {segments.map((s) => {
              const n = r.segments.find((x) => x.segment === s)?.customers ?? 0;
              const h = (n / max) * plot;
              at -= h;
              return n > 0 ? (
                <rect key={s} x={x} y={at} width={bar} height={h} fill={segmentColour(s)}>
                  <title>{`${i18n.date(r.as_of)} · ${segmentName(i18n, s)}: ${i18n.number(n)}`}</title>
                </rect>
              ) : null;
            })}
            {i % labelEvery === 0 && (
              <text x={x + bar / 2} y={height - bottom + 16} textAnchor="middle" className="tick">{i18n.date(r.as_of)}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The moves of one run as a Sankey diagram: where customers were (left) and are now (right). */
function Sankey({ moves }: { moves: Move[] }) {
  const i18n = useI18n();
  const width = 760;
  const height = 380;
  const nodeWidth = 14;
  const gap = 6;
  const side = 170;
  const total = moves.reduce((n, m) => n + m.customers, 0);
  if (total === 0) return null;
  const order = (a: string | null, b: string | null) => segmentRank(a) - segmentRank(b);
  const froms = [...new Set(moves.map((m) => m.from))].sort(order);
  const tos = [...new Set(moves.map((m) => m.to))].sort((a, b) => (a === null ? 1 : b === null ? -1 : order(a, b)));
  const scale = (height - gap * (Math.max(froms.length, tos.length) - 1)) / total;
  const layout = (keys: (string | null)[], end: 'from' | 'to') => {
    let y = 0;
    return new Map(keys.map((k) => {
      const size = moves.filter((m) => m[end] === k).reduce((n, m) => n + m.customers, 0) * scale;
      const node = { y, size, next: y };
      y += size + gap;
      return [k, node];
    }));
  };
  const left = layout(froms, 'from');
  const right = layout(tos, 'to');
  const x0 = side + nodeWidth;
  const x1 = width - side - nodeWidth;
  const mid = (x0 + x1) / 2;
  const links = [...moves].sort((a, b) => order(a.from, b.from) || order(a.to, b.to)).map((m) => {
    const h = m.customers * scale;
    const a = left.get(m.from)!;
    const b = right.get(m.to)!;
    const ya = a.next;
    const yb = b.next;
    a.next += h;
    b.next += h;
    return { m, d: `M${x0},${ya} C${mid},${ya} ${mid},${yb} ${x1},${yb} L${x1},${yb + h} C${mid},${yb + h} ${mid},${ya + h} ${x0},${ya + h} Z` };
  });
  const label = (k: string | null, dir: 'from' | 'to') => place(i18n, k, dir);
  const count = (k: string | null, dir: 'from' | 'to') => moves.filter((m) => m[dir] === k).reduce((n, m) => n + m.customers, 0);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={i18n.t('analytics.segments.flows')} data-testid="segment-sankey">
      {links.map(({ m, d }) => (
        <path key={`${m.from}→${m.to}`} d={d} fill={segmentColour(m.from ?? m.to)} opacity={m.from === m.to ? 0.25 : 0.5}>
          <title>{`${label(m.from, 'from')} → ${label(m.to, 'to')}: ${i18n.number(m.customers)}`}</title>
        </path>
      ))}
      {[...left].map(([k, n]) => (
        <g key={`l${k}`}>
          <rect x={side} y={n.y} width={nodeWidth} height={Math.max(1, n.size)} fill={segmentColour(k)} />
          <text x={side - 6} y={n.y + n.size / 2 + 4} textAnchor="end" className="tick">{`${label(k, 'from')} ${i18n.number(count(k, 'from'))}`}</text>
        </g>
      ))}
      {[...right].map(([k, n]) => (
        <g key={`r${k}`}>
          <rect x={x1} y={n.y} width={nodeWidth} height={Math.max(1, n.size)} fill={segmentColour(k)} />
          <text x={x1 + nodeWidth + 6} y={n.y + n.size / 2 + 4} className="tick">{`${label(k, 'to')} ${i18n.number(count(k, 'to'))}`}</text>
        </g>
      ))}
    </svg>
  );
}
