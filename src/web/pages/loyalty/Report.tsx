import { useEffect, useState } from 'react';
import { api, ApiError, type FieldProblem, type LoyaltyReport } from '../../api.ts';
import { useI18n } from '../../i18n/index.ts';
import { reportPath, ReportPeriodPicker, useReportPeriod } from './ReportPeriod.tsx';

export function LoyaltyReportView() {
  const i18n = useI18n();
  const { t } = i18n;
  const period = useReportPeriod();
  const [report, setReport] = useState<LoyaltyReport>();
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  useEffect(() => {
    setReport(undefined);
    setError(undefined);
    setProblems([]);
    api<LoyaltyReport>(reportPath(period)).then(setReport, (e: Error) => {
      // A date the server refused is told at its input, naming it; anything else above the report.
      if (e instanceof ApiError && e.problems.length) setProblems(e.problems);
      else setError(e.message);
    });
  }, [period.from, period.to]);

  const picker = <ReportPeriodPicker period={period} problems={problems} />;
  if (error) return <>{picker}<p className="error">{t('common.error', { message: error })}</p></>;
  if (problems.length) return picker;
  if (!report) return <>{picker}<p>{t('common.loading')}</p></>;
  const p = report.points;
  const within = report.period;
  // Over a period the flows and rates are its days' and the state is now's (README, the loyalty report).
  const periodText = within && t('loyalty.report.period.range', {
    from: within.from ? i18n.date(within.from) : t('loyalty.report.period.start'),
    to: within.to ? i18n.date(within.to) : t('loyalty.report.period.now'),
  });
  const money = (amount: string) => i18n.money(amount, report.liability.currency);
  // In the order the figures add up to the outstanding points (loyalty.report.addsUp);
  // merges only move points between customers, so they show only where there were any.
  const flow: [string, number][] = [
    [t('loyalty.report.earned'), p.earned],
    [t('loyalty.report.adjustedIn'), p.adjusted_in],
    [t('loyalty.report.adjustedOut'), p.adjusted_out],
    [t('loyalty.report.redeemed'), p.redeemed],
    [t('loyalty.report.expired'), p.expired],
    [t('loyalty.report.reversed'), p.reversed],
    [t('loyalty.report.forfeited'), p.forfeited],
    [t('loyalty.report.owed'), p.owed],
    ...(p.merged_in > 0 ? [[t('loyalty.report.merged'), p.merged_in] as [string, number]] : []),
    // Pending points are now's: beside the liability, not among a period's flows.
    ...(within ? [] : [[t('loyalty.report.pending'), p.pending] as [string, number]]),
  ];

  // A period's opening and closing: the points outstanding at its start and end (README), which
  // its flows roll the one into the other; each with its liability at the point value of then.
  const edge = (testId: string, label: string, at: { points: number; value: string }) => (
    <div data-testid={testId}>
      <dt><strong>{label}</strong></dt>
      <dd><strong>{i18n.number(at.points)}</strong> <small>{t('loyalty.report.liability', { value: money(at.value) })}</small></dd>
    </div>
  );
  const opening = within && report.opening && edge('report-opening',
    within.from ? t('loyalty.report.opening', { date: i18n.date(within.from) }) : t('loyalty.report.openingStart'), report.opening);
  const closing = within && report.closing && edge('report-closing',
    within.to && report.closing.at !== report.as_of ? t('loyalty.report.closing', { date: i18n.date(within.to) }) : t('loyalty.report.closingNow'), report.closing);

  return (
    <div data-testid="loyalty-report">
      {picker}
      {within && <p className="hint" data-testid="report-period-note">{t('loyalty.report.period.note', { period: periodText! })}</p>}
      {report.liability.point_value === null && <p className="hint">{t('loyalty.report.noProgram')}</p>}
      <div className="kpis">
        <div className="card kpi" data-testid="kpi-members">
          <span>{t('loyalty.report.members')}</span>
          <strong>{i18n.number(report.members)}</strong>
        </div>
        <div className="card kpi" data-testid="kpi-outstanding">
          <span>{t('loyalty.report.outstanding')}</span>
          <strong>{i18n.number(p.outstanding)}</strong>
          <small>{t('loyalty.report.liability', { value: money(report.liability.value) })}</small>
          {/* The liability counts pending points too (README): say how many, beside it, not only in the list below. */}
          {p.pending > 0 && <small data-testid="kpi-pending">{t('loyalty.report.liabilityPending', { points: i18n.number(p.pending) })}</small>}
        </div>
        <div className="card kpi" data-testid="kpi-redemption">
          <span>{t('loyalty.report.redemptionRate')}</span>
          <strong>{i18n.percent(report.redemption_rate)}</strong>
          <small>{within ? t('loyalty.report.ofIssuedIn') : t('loyalty.report.ofIssued')}</small>
        </div>
        <div className="card kpi" data-testid="kpi-breakage">
          <span>{t('loyalty.report.breakage')}</span>
          <strong>{i18n.percent(report.breakage_rate)}</strong>
          <small>{within ? t('loyalty.report.ofIssuedIn') : t('loyalty.report.ofIssued')}</small>
        </div>
      </div>
      <div className="columns">
        <div className="card">
          <h2>{within ? t('loyalty.report.flowIn', { period: periodText! }) : t('loyalty.report.flow')}</h2>
          <dl>
            {opening}
            {flow.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{i18n.number(value)}</dd>
              </div>
            ))}
            {closing}
          </dl>
          {/* Over a period the flows roll the opening into the closing, not into today's outstanding points. */}
          <p className="hint">{within ? t('loyalty.report.addsUpNot') : t('loyalty.report.addsUp')}</p>
          <p className="hint" data-testid="points-issued">{t('loyalty.report.issued', { points: i18n.number(p.issued) })}</p>
          {report.liability.point_value !== null && (
            <p className="hint">{t('loyalty.report.pointValue', { value: money(report.liability.point_value) })}</p>
          )}
        </div>
        <div className="card">
          <h2>{t('loyalty.report.tiers')}</h2>
          {report.tiers.length === 0 ? (
            <p className="hint">{t('loyalty.report.noMembers')}</p>
          ) : (
            <table data-testid="tier-table">
              <thead>
                <tr>
                  <th>{t('loyalty.col.tier')}</th>
                  <th className="num">{t('loyalty.col.members')}</th>
                  <th className="num">{t('loyalty.col.share')}</th>
                </tr>
              </thead>
              <tbody>
                {report.tiers.map((row) => (
                  <tr key={row.tier ?? '-'}>
                    <td>{row.name ? i18n.localized(row.name) : t('loyalty.noTier')}</td>
                    <td className="num">{i18n.number(row.members)}</td>
                    <td className="num">{i18n.percent(report.members ? row.members / report.members : null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
