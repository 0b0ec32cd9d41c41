import type { Simulation } from '../../api.ts';
import { counted } from '../../i18n/counted.ts';
import { useI18n } from '../../i18n/index.ts';
import { SimulationBonuses } from './SimulationBonuses.tsx';
import { navigate } from '../../router.ts';
import { tierName, type TierLevel } from './tiers.ts';

type Mover = Simulation['movers'][number];

/** What the proposed program would have given since the chosen date, beside the program in force. */
export function SimulationReportView({ report, levels, stale }: { report: Simulation; levels: TierLevel[]; stale: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { proposed, current, difference } = report;
  const money = (amount: string) => i18n.money(amount, proposed.currency);
  const signed = (text: string, n: number) => (n > 0 ? `+${text}` : text);
  const rows: [string, string, (o: typeof proposed) => string][] = [
    ['points', t('loyalty.sim.points'), (o) => i18n.number(o.points)],
    ['purchase-points', t('loyalty.sim.purchasePoints'), (o) => i18n.number(o.purchase_points)],
    ['bonus-points', t('loyalty.sim.bonusPoints'), (o) => i18n.number(o.bonus_points)],
    ['value', t('loyalty.sim.value'), (o) => money(o.value)],
  ];
  const currentHeading = current ? t('loyalty.sim.current', { version: current.version ?? '—' }) : t('loyalty.sim.noCurrent');

  return (
    <div className={stale ? 'simulation stale' : 'simulation'} data-testid="simulation">
      <p>
        {t('loyalty.sim.summary', { purchases: i18n.number(report.purchases), customers: i18n.number(report.customers), since: i18n.date(report.since), until: i18n.date(report.until) })}
      </p>
      {stale && <p className="hint">{t('loyalty.sim.stale')}</p>}
      {/* Each table scrolls inside the card, never the page: at a narrow window a language of long words (Russian) needs more than the card has. */}
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th />
              <th className="num">{t('loyalty.sim.proposed')}</th>
              <th className="num">{currentHeading}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, label, value]) => (
              <tr key={id} data-testid={`simulation-${id}`}>
                <td>{label}</td>
                <td className="num">{value(proposed)}</td>
                <td className="num">{current ? value(current) : '—'}</td>
              </tr>
            ))}
            {difference && (
              <tr className="total" data-testid="simulation-difference">
                <td>{t('loyalty.sim.difference')}</td>
                <td className="num" colSpan={2}>
                  {signed(i18n.number(difference.points), difference.points)} · {signed(money(difference.value), Number(difference.value))}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <SimulationBonuses report={report} currentHeading={currentHeading} />
      {report.tiers.length > 0 && (
        <>
          <h3>{t('loyalty.sim.tiers')}</h3>
          <div className="scroll">
            <table data-testid="simulation-tiers">
              <thead>
                <tr>
                  <th>{t('loyalty.col.tier')}</th>
                  <th className="num">{t('loyalty.sim.today')}</th>
                  <th className="num">{t('loyalty.sim.proposed')}</th>
                </tr>
              </thead>
              <tbody>
                {report.tiers.map((row) => (
                  <tr key={row.code}>
                    <td>{tierName(i18n, levels, row.code)}</td>
                    <td className="num">{i18n.number(row.today)}</td>
                    <td className="num">{i18n.number(row.proposed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="simulation-moves">
            {t('loyalty.sim.moves', { up: i18n.number(report.moves.up), down: i18n.number(report.moves.down), unchanged: i18n.number(report.moves.unchanged) })}
          </p>
          {report.in_force_moves && report.in_force_moves.up + report.in_force_moves.down > 0 && (
            <p className="hint" data-testid="simulation-in-force-moves">
              {t('loyalty.sim.inForceMoves', { up: i18n.number(report.in_force_moves.up), down: i18n.number(report.in_force_moves.down) })}
            </p>
          )}
          {report.movers.length > 0 && (
            <>
              <h3>{t('loyalty.sim.movers')}</h3>
              <Movers movers={report.movers} total={report.moves.up + report.moves.down} limit={MOVERS_SHOWN} levels={levels} toHeading={t('loyalty.sim.proposed')} testId="simulation-movers" />
            </>
          )}
          <OnPublish report={report} levels={levels} />
        </>
      )}
    </div>
  );
}

/** The most movers the replay's table lists; the API answers up to 1,000. */
const MOVERS_SHOWN = 50;
/**
 * The most each tier policy's table lists: two of them follow the replay's, and those moving
 * down, the ones an owner looks for, come first (the command line lists as many).
 */
const ON_PUBLISH_SHOWN = 20;

/** Who moves, those moving down first, each with a link to the customer; `total` counts those the table leaves out too. */
function Movers({ movers, total, limit, levels, toHeading, testId }: { movers: Mover[]; total: number; limit: number; levels: TierLevel[]; toHeading: string; testId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const shown = movers.slice(0, limit);
  const more = total - shown.length;
  return (
    <>
      <div className="scroll">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th>{t('loyalty.sim.moverCustomer')}</th>
              <th>{t('loyalty.sim.today')}</th>
              <th>{toHeading}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.customer_id} className={m.direction === 'down' ? 'down' : 'up'}>
                <td>
                  <a href={`/customers/${m.customer_id}?tab=loyalty`} onClick={(e) => { e.preventDefault(); navigate(`/customers/${m.customer_id}?tab=loyalty`); }}>
                    {m.name ?? t('customers.unnamed')}
                  </a>
                </td>
                <td>{m.from === null ? t('loyalty.sim.notPlaced') : tierName(i18n, levels, m.from)}</td>
                <td>{`${m.direction === 'down' ? '↓' : '↑'} ${tierName(i18n, levels, m.to)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="hint" data-testid={`${testId}-more`}>{t('loyalty.sim.moversMore', { count: i18n.number(more) })}</p>}
    </>
  );
}

/**
 * What publishing the proposal now would do to tiers, under each tier policy by the words
 * the Publish choices use, naming who moves. Publishing places members by their standing
 * today, not by the replay above, so its movers may differ from the replay's. A proposal that keeps the tier
 * rules re-places nobody under either policy: said once, rather than as zeros per policy.
 */
function OnPublish({ report, levels }: { report: Simulation; levels: TierLevel[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { tier_rules_changed: changed } = report.on_publish;
  const policies = [
    ['upgrade_now', t('loyalty.program.policy.upgrade_now')],
    ['reevaluate_now', t('loyalty.program.policy.reevaluate_now')],
  ] as const;
  return (
    <div data-testid="simulation-on-publish">
      <h3>{t('loyalty.sim.onPublishTitle')}</h3>
      {!changed ? (
        <p data-testid="simulation-on-publish-kept">{t('loyalty.sim.onPublishKept')}</p>
      ) : (
        <>
          <p className="hint">{t('loyalty.sim.onPublish')}</p>
          {policies.map(([policy, label]) => {
            const moves = report.on_publish[policy];
            const parts = [...(moves.up > 0 ? [counted(i18n, 'movesUp', moves.up)] : []), ...(moves.down > 0 ? [counted(i18n, 'movesDown', moves.down)] : [])];
            return (
              <section key={policy} className="policy" data-testid={`simulation-on-publish-${policy}`}>
                <h4>{label}</h4>
                <p data-testid={`simulation-on-publish-${policy}-summary`}>{parts.length ? `${i18n.list(parts)}.` : t('loyalty.sim.onPublishNobody')}</p>
                {/* upgrade_now moves someone down only out of a tier the proposal drops or recodes: said why. */}
                {policy === 'upgrade_now' && moves.down > 0 && (
                  <p className="hint" data-testid="simulation-on-publish-upgrade_now-dropped">{t('loyalty.sim.droppedLevelMovesDown')}</p>
                )}
                {moves.held_by_period > 0 && (
                  <p className="hint" data-testid={`simulation-on-publish-${policy}-held`}>{t('loyalty.sim.heldByPeriod', { count: i18n.number(moves.held_by_period) })}</p>
                )}
                {moves.movers.length > 0 && (
                  <Movers movers={moves.movers} total={moves.up + moves.down} limit={ON_PUBLISH_SHOWN} levels={levels} toHeading={t('loyalty.sim.afterPublish')} testId={`simulation-on-publish-${policy}-movers`} />
                )}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
