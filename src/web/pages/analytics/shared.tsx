import { useCallback, useEffect, useState } from 'react';
import { useCan } from '../../access.ts';
import { api, type ScoreRun } from '../../api.ts';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.ts';

// What the analytics tabs share: loading a read model, the prompt to run the scores when
// there are none, segment names in the dashboard's language, and colour scales.

export function useApi<T>(path: string | null) {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: string }>({ path });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    api<T>(path).then(
      (data) => live && setState({ path, data }),
      (e: Error) => live && setState({ path, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // An answer for another address is not shown while the new one loads.
  return { data: state.path === path ? state.data : undefined, error: state.path === path ? state.error : undefined, reload };
}

export function Loading({ error }: { error?: string }) {
  const { t } = useI18n();
  return error ? <p className="error">{t('common.error', { message: error })}</p> : <p>{t('common.loading')}</p>;
}

/** Shown where a tab needs customer scores and there are none yet: an owner can run them now. */
export function NoScores({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const canRun = useCan()('admin');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      await api<ScoreRun>('/analytics/scores/run', { method: 'POST', body: {} });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className="card empty-state" data-testid="no-scores">
      <strong>{t('analytics.noScores.title')}</strong>
      <p className="hint">{t('analytics.noScores.text')}</p>
      {canRun ? (
        <button className="primary" data-testid="run-scores" disabled={running} onClick={run}>
          {running ? t('analytics.noScores.running') : t('analytics.noScores.run')}
        </button>
      ) : (
        <p className="hint">{t('analytics.noScores.ownerOnly')}</p>
      )}
      {error && <p className="error">{t('common.error', { message: error })}</p>}
    </div>
  );
}

export function RunNote({ run }: { run: { as_of: string; customers: number } | null }) {
  const i18n = useI18n();
  if (!run) return null;
  return <p className="hint">{i18n.t('analytics.scores.asOf', { date: i18n.date(run.as_of), customers: i18n.number(run.customers) })}</p>;
}

// The segments of the default RFM rules (src/modules/analytics/rfm/rfm.ts), best first;
// a business's own segment names are shown as they are.
export const SEGMENT_ORDER = ['Champions', 'Loyal', 'Potential loyalist', 'New', 'Promising', 'Need attention', 'About to sleep', 'At risk', "Can't lose them", 'Hibernating', 'Lost', 'Other'];
const SEGMENT_KEYS: Record<string, MessageKey> = {
  Champions: 'analytics.segment.champions',
  Loyal: 'analytics.segment.loyal',
  'Potential loyalist': 'analytics.segment.potentialLoyalist',
  New: 'analytics.segment.new',
  Promising: 'analytics.segment.promising',
  'Need attention': 'analytics.segment.needAttention',
  'About to sleep': 'analytics.segment.aboutToSleep',
  'At risk': 'analytics.segment.atRisk',
  "Can't lose them": 'analytics.segment.cantLoseThem',
  Hibernating: 'analytics.segment.hibernating',
  Lost: 'analytics.segment.lost',
  Other: 'analytics.segment.other',
};
export const segmentName = (i18n: I18n, segment: string) => (SEGMENT_KEYS[segment] ? i18n.t(SEGMENT_KEYS[segment]) : segment);
export const segmentRank = (segment: string | null) => (segment === null ? -1 : SEGMENT_ORDER.indexOf(segment) === -1 ? SEGMENT_ORDER.length : SEGMENT_ORDER.indexOf(segment));

const SEGMENT_COLOURS = ['#1f7a4d', '#3f9a6a', '#7cb87f', '#2b6cb0', '#5a8fd0', '#c9a227', '#e0873a', '#c2410c', '#9b2c2c', '#8b7d70', '#5b524a', '#b9ada0'];
export const segmentColour = (segment: string | null) => (segment === null ? '#d8cfc4' : SEGMENT_COLOURS[Math.min(SEGMENT_COLOURS.length - 1, segmentRank(segment))]);

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
/** Sequential scales (ColorBrewer "Oranges" for counts and shares, "RdYlGn" for P(alive)). */
const SCALES = {
  amount: ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'].map(hex),
  alive: ['#a50026', '#f46d43', '#fee08b', '#a6d96a', '#1a9850'].map(hex),
};

/** The colour of a value in [0, 1], and a text colour that stays readable on it. */
export function heat(value: number, scale: keyof typeof SCALES = 'amount'): { background: string; color: string } {
  const stops = SCALES[scale];
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(v));
  const f = v - i;
  const rgb = stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f)) as Rgb;
  const luminance = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255;
  return { background: `rgb(${rgb.join(',')})`, color: luminance < 0.55 ? '#fff' : '#1f2328' };
}

export function Legend({ scale, low, high }: { scale: keyof typeof SCALES; low: string; high: string }) {
  const stops = SCALES[scale].map((c, i, all) => `rgb(${c.join(',')}) ${(i / (all.length - 1)) * 100}%`);
  return (
    <div className="legend">
      <span>{low}</span>
      <span className="legend-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>{high}</span>
    </div>
  );
}
