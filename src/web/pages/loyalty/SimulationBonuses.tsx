import type { Simulation } from '../../api.ts';
import { isMessageKey, useI18n } from '../../i18n/index.ts';

// The simulation's bonuses kind by kind, proposed beside in force, with how many times
// each fell due; then what the replay leaves out and what some figures rest on. The
// server gives those last two as a code beside an English sentence: they are shown here
// by the code, in the dashboard's language (the sentence is for API and CLI users).

/** The kinds in the order a business reads them; a kind this dashboard does not know yet follows, under its code. */
const ORDER = ['sign_up', 'first_purchase', 'birthday', 'referral', 'survey', 'profile_completion'];

type Outcome = Simulation['proposed'];
const pointsOf = (o: Outcome, kind: string) => (o.bonus_points_by_kind as Record<string, number>)[kind] ?? 0;

export function SimulationBonuses({ report, currentHeading }: { report: Simulation; currentHeading: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { proposed, current } = report;
  const reported = new Set([...Object.keys(proposed.bonus_points_by_kind), ...Object.keys(current?.bonus_points_by_kind ?? {})]);
  const kinds = [...ORDER.filter((k) => reported.has(k)), ...[...reported].filter((k) => !ORDER.includes(k))];
  const triggers = report.bonus_triggers as Record<string, number>;
  /** The text for a server's code, else the server's own words. */
  const say = (key: string, fallback: string, params?: Record<string, string>) => (isMessageKey(key) ? t(key, params) : fallback);

  return (
    <>
      <h3>{t('loyalty.sim.byKind')}</h3>
      {/* Scrolls inside the card, never the page, as the report's other tables (SimulationReport.tsx). */}
      <div className="scroll" data-testid="simulation-bonuses-frame">
        <table data-testid="simulation-bonuses">
          <thead>
            <tr>
              <th />
              <th className="num">{t('loyalty.sim.proposed')}</th>
              <th className="num">{currentHeading}</th>
              <th className="num">{t('loyalty.sim.timesDue')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <td>{say(`loyalty.bonus.${kind}`, kind)}</td>
                <td className="num">{i18n.number(pointsOf(proposed, kind))}</td>
                <td className="num">{current ? i18n.number(pointsOf(current, kind)) : '—'}</td>
                {/* A first-purchase bonus falls due with a purchase: it has no count of its own. */}
                <td className="num">{kind in triggers ? i18n.number(triggers[kind]) : '—'}</td>
              </tr>
            ))}
            <tr className="total" data-testid="simulation-bonuses-total">
              <td>{t('loyalty.sim.bonusPoints')}</td>
              <td className="num">{i18n.number(proposed.bonus_points)}</td>
              <td className="num">{current ? i18n.number(current.bonus_points) : '—'}</td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="hint note">{t('loyalty.sim.timesDueHint')}</p>
      {report.not_simulated.map((n) => (
        <p key={n.code} className="hint note" data-testid="simulation-not-simulated">
          {say(`loyalty.sim.notSimulated.${n.code}`, n.reason, { points: i18n.number(n.ledger_points), entries: i18n.number(n.ledger_entries) })}
        </p>
      ))}
      {report.notes.map((n) => (
        <p key={n.code} className="hint note" data-testid="simulation-note">
          {say(`loyalty.sim.note.${n.code}`, n.message)}
        </p>
      ))}
    </>
  );
}
