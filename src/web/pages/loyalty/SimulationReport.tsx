import type { Simulation } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { SimulationBonuses } from './SimulationBonuses.tsx';
import { navigate } from '../../router.ts';
import { tierName, type TierLevel } from './tiers.ts';

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
          {/* Each tier policy by the words the Publish choices use. */}
          <div className="hint" data-testid="simulation-on-publish">
            <p>{t('loyalty.sim.onPublish')}</p>
            <ul>
              <li>{t('loyalty.program.policy.upgrade_now')}: {t('loyalty.sim.onPublishUp', { up: i18n.number(report.on_publish.upgrade_now.up) })}</li>
              <li>{t('loyalty.program.policy.reevaluate_now')}: {t('loyalty.sim.onPublishUpDown', { up: i18n.number(report.on_publish.reevaluate_now.up), down: i18n.number(report.on_publish.reevaluate_now.down) })}</li>
            </ul>
          </div>
          {report.movers.length > 0 && <Movers report={report} levels={levels} />}
        </>
      )}
    </div>
  );
}

/** The most movers the page lists; the API answers up to 1,000. */
const MOVERS_SHOWN = 50;

/** Who moves: those moving down first, each with a link to the customer. */
function Movers({ report, levels }: { report: Simulation; levels: TierLevel[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const shown = report.movers.slice(0, MOVERS_SHOWN);
  const more = report.moves.up + report.moves.down - shown.length;
  return (
    <>
      <h3>{t('loyalty.sim.movers')}</h3>
      <div className="scroll">
        <table data-testid="simulation-movers">
          <thead>
            <tr>
              <th>{t('loyalty.sim.moverCustomer')}</th>
              <th>{t('loyalty.sim.today')}</th>
              <th>{t('loyalty.sim.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.customer_id} className={m.direction === 'down' ? 'down' : 'up'}>
                <td>
                  <a href={`/customers/${m.customer_id}?tab=loyalty`} onClick={(e) => { e.preventDefault(); navigate(`/customers/${m.customer_id}?tab=loyalty`); }}>
                    {m.name ?? m.customer_id}
                  </a>
                </td>
                <td>{m.from === null ? t('loyalty.sim.notPlaced') : tierName(i18n, levels, m.from)}</td>
                <td>{`${m.direction === 'down' ? '↓' : '↑'} ${tierName(i18n, levels, m.to)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="hint">{t('loyalty.sim.moversMore', { count: i18n.number(more) })}</p>}
    </>
  );
}
