import { useEffect, useState } from 'react';
import example from '../../../../examples/program.json' with { type: 'json' };
import { useCan } from '../../access.ts';
import { api, type ProgramApplied, type ProgramState, type ProgramVersion, type Simulation } from '../../api.ts';
import { useBusiness } from '../../business.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { addMonthsToDate } from '../../../shared/clock.ts';
import { countedName, nameIn, pluralSamples, type CountedName } from '../../../shared/plural.ts';
import { DateField, DateTimeField, dateTimeMistake } from '../../DateField.tsx';
import { Problems } from '../../Problems.tsx';
import { instantOfWallClock, todayIn } from '../../time.ts';
import { useSubmission } from '../../useSubmission.ts';
import { When } from '../../When.tsx';
import { SimulationReportView } from './SimulationReport.tsx';
import { jsonSyntaxReason } from './json-syntax.ts';
import { problemPath } from './program-form/document.ts';
import { revealFields, useOutline } from './program-form/outline.tsx';
import { ProgramForm } from './program-form/ProgramForm.tsx';
import type { TierLevel } from './tiers.ts';

// The program is a JSON document (its schema is served at /loyalty/program.schema.json).
// Publishing is a separate, explicit click that only becomes possible once the exact
// text in the editor has passed a simulation: the server validated it, and the person
// publishing has seen what it would cost.

type TierPolicy = 'upgrade_now' | 'reevaluate_now';
/** The document as a form or as its JSON text; the last one chosen opens next time. */
type View = 'form' | 'json';
const VIEW_KEY = 'regulars.programView';
const savedView = (): View => (localStorage.getItem(VIEW_KEY) === 'form' ? 'form' : 'json');

/** The day a year before today, in the business's time zone (the server reads the day there too). */
const yearAgo = (timeZone: string) => addMonthsToDate(todayIn(timeZone), -12);
const pretty = (document: unknown) => JSON.stringify(document, null, 2);

/** The points' name in the dashboard's language; a name given by its forms shows each with a number that takes it ("1 zrno · 2 zrni · 3 zrna · 5 zrn"). */
function pointsNameShown(i18n: I18n, value: CountedName): string {
  const { language, name } = nameIn(value, i18n.language);
  if (typeof name === 'string') return name;
  return pluralSamples(language).map((n) => `${i18n.number(n)} ${countedName(value, i18n.language, n)}`).join(' · ');
}

/** A simulation replays the whole history and may take a while: say it runs, and for how long so far. */
function Working() {
  const i18n = useI18n();
  const { t } = i18n;
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" data-testid="simulate-progress">
      <p className="working">
        <progress />
        {t('loyalty.program.simulating', { seconds: i18n.number(seconds) })}
      </p>
      <p className="hint">{t('loyalty.program.simulatingHint')}</p>
    </div>
  );
}

/**
 * What publishing did to tiers. A version that keeps the tier rules re-placed nobody and
 * left every tier period standing: said so, rather than "0 up, 0 down", which reads as if
 * members had been placed again and came out where they were.
 */
function publishedTiers(i18n: I18n, changes: ProgramApplied['tier_changes']): string {
  const deferred = 'deferred' in changes;
  if (!changes.tier_rules_changed) return i18n.t(deferred ? 'loyalty.program.tiersKeptDeferred' : 'loyalty.program.tiersKept');
  if (deferred) return i18n.t('loyalty.program.tiersDeferred');
  return i18n.t('loyalty.program.tierChanges', { up: i18n.number(changes.up), down: i18n.number(changes.down), unchanged: i18n.number(changes.unchanged) });
}

export function ProgramEditor() {
  const i18n = useI18n();
  const { t } = i18n;
  const [state, setState] = useState<ProgramState>();
  const [source, setSource] = useState('');
  const [since, setSince] = useState(() => yearAgo(i18n.timeZone));
  const [simulation, setSimulation] = useState<{ source: string; report: Simulation }>();
  const { busy, problems, failure, submit: run, setProblems, setFailure } = useSubmission();
  // Publishing's own refusal, shown at its button (a time in the past, a role that may not publish).
  const publishing = useSubmission();
  // Publishing needs the admin scope; anyone else may still check a proposal.
  const mayPublish = useCan()('admin');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  // A day or time In force from cannot read, held back from the server: the field says why.
  const [effectiveUnreadable, setEffectiveUnreadable] = useState(false);
  const [policy, setPolicy] = useState<TierPolicy>('upgrade_now');
  const [note, setNote] = useState('');
  const [published, setPublished] = useState<ProgramApplied>();
  const [view, setView] = useState<View>(savedView);
  // Which parts of the form are open: kept here, above the form, so that the JSON view and back keeps them.
  const outline = useOutline();
  // The business's currency, for the form's summaries ("Silver from €250.00").
  const { currency } = useBusiness();
  const show = (v: View) => {
    setView(v);
    localStorage.setItem(VIEW_KEY, v);
  };

  const load = () =>
    api<ProgramState>('/loyalty/program').then(
      (s) => {
        setState(s);
        return s;
      },
      (e: Error) => {
        setFailure(e.message);
        return undefined;
      },
    );

  useEffect(() => {
    load().then((s) => setSource((text) => text || (s?.current ? pretty(s.current.document) : '')));
  }, []);

  const edit = (text: string) => {
    setSource(text);
    setPublished(undefined);
  };

  const openVersion = async (version: number) => {
    const v = await api<ProgramVersion>(`/loyalty/program/versions/${version}`);
    edit(pretty(v.document));
  };

  /** The editor's text as JSON, or its syntax error listed like the server's problems. */
  const parsed = (): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(source) };
    } catch {
      setProblems([{ field: t('loyalty.program.json'), reason: jsonSyntaxReason(source, t) }]);
      return { ok: false };
    }
  };

  const simulate = async () => {
    setSimulation(undefined);
    const program = parsed();
    if (!program.ok) return;
    const text = source;
    const report = await run(() => api<Simulation>('/loyalty/program/simulate', { method: 'POST', body: { program: program.value, since } }));
    if (report) setSimulation({ source: text, report });
  };

  const ready = simulation !== undefined && simulation.source === source;

  const publish = async () => {
    const program = parsed();
    if (!ready || !program.ok) return;
    // Checked as the campaign form checks its dates: sent, "T09:00" or "2027-03-01T25:99" came back as the server's ISO 8601 refusal, blaming the date.
    const mistake = dateTimeMistake(effectiveFrom);
    if (mistake) {
      setEffectiveUnreadable(mistake === 'unreadable');
      publishing.setProblems(mistake === 'day' ? [{ field: 'effective_from', reason: t('common.dateTimeField.dayMissing') }] : []);
      return;
    }
    const body = { program: program.value, tier_policy: policy, effective_from: instantOfWallClock(effectiveFrom, i18n.timeZone), note: note.trim() || undefined };
    const result = await publishing.submit(() => api<ProgramApplied>('/loyalty/program', { method: 'POST', body }));
    if (!result) return;
    setPublished(result);
    setSimulation(undefined);
    setNote('');
    await load();
  };

  const current = state?.current;
  const proposedLevels = (() => {
    try {
      return (JSON.parse(simulation?.source ?? 'null')?.tiers?.levels ?? []) as TierLevel[];
    } catch {
      return [];
    }
  })();

  return (
    <div data-testid="program-editor-page">
      <div className="columns">
        <div className="card" data-testid="program-current">
          <h2>{t('loyalty.program.inForce')}</h2>
          {!state ? (
            <p>{t('common.loading')}</p>
          ) : !current ? (
            <p className="hint">{t('loyalty.program.none')}</p>
          ) : (
            <dl>
              <div><dt>{t('loyalty.program.name')}</dt><dd>{current.document.name}</dd></div>
              <div><dt>{t('loyalty.col.version')}</dt><dd>{t('loyalty.program.version', { version: current.version })}</dd></div>
              <div><dt>{t('loyalty.col.effectiveFrom')}</dt><dd>{i18n.date(current.effective_from, true)}</dd></div>
              {current.note && <div><dt>{t('loyalty.col.note')}</dt><dd>{current.note}</dd></div>}
              <div><dt>{t('loyalty.program.pointsName')}</dt><dd data-testid="points-name">{pointsNameShown(i18n, current.document.points_name)}</dd></div>
            </dl>
          )}
        </div>
        {/* Half the page's width: each version's "Open in the editor" under its name, in sight at any width; a long note wraps. */}
        <div className="card">
          <h2>{t('loyalty.program.versions')}</h2>
          {state && state.versions.length > 0 && (
            <table className="versions" data-testid="program-versions">
              <thead>
                <tr>
                  <th>{t('loyalty.col.version')}</th>
                  <th>{t('loyalty.col.effectiveFrom')}</th>
                  <th>{t('loyalty.col.note')}</th>
                </tr>
              </thead>
              <tbody>
                {[...state.versions].reverse().map((v) => (
                  <tr key={v.version}>
                    <td>
                      {t('loyalty.program.version', { version: v.version })}
                      {v.in_force && <span className="tag">{t('loyalty.program.inForceTag')}</span>}
                      <button className="link" onClick={() => openVersion(v.version)}>{t('loyalty.program.open')}</button>
                    </td>
                    <td><When at={v.effective_from} time /></td>
                    <td className="note">{v.note ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>

      {published && (
        <p className="card result ok" role="status" data-testid="program-published">
          {t('loyalty.program.published', { version: published.version, date: i18n.date(published.effective_from, true) })}{' '}
          {publishedTiers(i18n, published.tier_changes)}
        </p>
      )}
      {published?.warnings.map((w) => (
        <p key={w.version} className="card result rejected" role="alert" data-testid="program-overridden">
          {t('loyalty.program.overridden', { version: w.version, date: i18n.date(w.effective_from, true) })}
        </p>
      ))}

      {/* The form's labelled inputs need more room than the JSON's short lines: its column takes three fifths. */}
      <div className={view === 'form' ? 'editor-grid with-form' : 'editor-grid'}>
        <div className="card">
          <h2>{t(view === 'form' ? 'programForm.heading' : 'loyalty.program.document')}</h2>
          <div className="toolbar">
            <div className="segmented" role="group" aria-label={t('programForm.view')}>
              {(['form', 'json'] as const).map((v) => (
                <button key={v} type="button" data-testid={`program-view-${v}`} className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => show(v)}>
                  {t(v === 'form' ? 'programForm.viewForm' : 'programForm.viewJson')}
                </button>
              ))}
            </div>
            <button className="secondary" disabled={!current} onClick={() => current && edit(pretty(current.document))}>{t('loyalty.program.fromCurrent')}</button>
            <button className="secondary" onClick={() => edit(pretty(example))}>{t('loyalty.program.fromExample')}</button>
            <a href="/api/v1/loyalty/program.schema.json" target="_blank" rel="noreferrer">{t('loyalty.program.schema')}</a>
          </div>
          {view === 'form' ? (
            <ProgramForm source={source} onChange={edit} problems={problems} onShowJson={() => show('json')} outline={outline} currency={currency} />
          ) : (
            <textarea
              className="code"
              data-testid="program-editor"
              aria-label={t('loyalty.program.document')}
              spellCheck={false}
              value={source}
              onChange={(e) => edit(e.target.value)}
              rows={30}
            />
          )}
        </div>
        <div>
          <div className="card">
            <h2>{t('loyalty.program.check')}</h2>
            <div className="toolbar">
              <label>
                {t('loyalty.program.since')}
                <DateField testId="simulate-since" value={since} onChange={setSince} />
                <small className="hint zone-hint">{t('common.timesIn', { zone: i18n.timeZone })}</small>
              </label>
              <button className="primary" data-testid="simulate" disabled={busy || !source.trim()} onClick={simulate}>{t('loyalty.program.simulate')}</button>
            </div>
            {busy && <Working />}
            {failure && <p className="error" role="alert">{t('common.error', { message: failure })}</p>}
            {problems.length > 0 && (
              <div role="alert" data-testid="program-problems">
                <p className="error">{t('loyalty.program.problems', { count: i18n.number(problems.length) })}</p>
                <ul className="problems">
                  {problems.map((p, i) => (
                    <li key={i}>
                      {/* In the form, a problem's path opens the section and item that hold its input and takes the cursor there (the input shows the reason too); one no input shows (a JSON syntax error, an unknown key at the top) opens the JSON view. */}
                      {view === 'form' ? (
                        <button type="button" className="link" title={t('programForm.goToField')} onClick={() => revealFields(document.body, [problemPath(p.field)], outline) || show('json')}><code>{p.field}</code></button>
                      ) : (
                        <code>{p.field}</code>
                      )}{' '}
                      {p.reason}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {simulation && <SimulationReportView report={simulation.report} levels={proposedLevels} stale={!ready} />}
          </div>
          <div className="card" data-testid="publish">
            <h2>{t('loyalty.program.publish')}</h2>
            <div className="form">
              <label>
                {t('loyalty.program.effectiveFrom')}
                <DateTimeField testId="effective-from" label={t('loyalty.program.effectiveFrom')} value={effectiveFrom}
                  invalid={effectiveUnreadable || publishing.problems.some((p) => p.field === 'effective_from') || undefined}
                  onChange={(value) => { setEffectiveFrom(value); setEffectiveUnreadable(false); publishing.setProblems([]); publishing.setFailure(undefined); }} />
                <small className="hint zone-hint">{t('common.timesIn', { zone: i18n.timeZone })}</small>
              </label>
              <fieldset>
                <legend>{t('loyalty.program.tierPolicy')}</legend>
                <label className="inline">
                  <input type="radio" name="tier-policy" checked={policy === 'upgrade_now'} onChange={() => setPolicy('upgrade_now')} />
                  {t('loyalty.program.policy.upgrade_now')}
                </label>
                <label className="inline">
                  <input type="radio" name="tier-policy" checked={policy === 'reevaluate_now'} onChange={() => setPolicy('reevaluate_now')} />
                  {t('loyalty.program.policy.reevaluate_now')}
                </label>
              </fieldset>
              <label>
                {t('loyalty.program.note')}
                <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
              </label>
              {!mayPublish ? (
                <p className="hint" data-testid="publish-admin-only">{t('loyalty.program.adminOnly')}</p>
              ) : (
                !ready && <p className="hint">{t('loyalty.program.simulateFirst')}</p>
              )}
              <button className="primary" data-testid="publish-button" disabled={!mayPublish || !ready || busy || publishing.busy} onClick={publish}>
                {t('loyalty.program.publishButton')}
              </button>
              <Problems
                testId="publish-refused"
                problems={publishing.problems}
                failure={publishing.failure}
                labels={{ effective_from: t('loyalty.program.effectiveFrom'), tier_policy: t('loyalty.program.tierPolicy'), note: t('loyalty.program.note') }}
              />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
