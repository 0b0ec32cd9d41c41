import { useEffect, useState, type ReactNode } from 'react';
import { api, type Coupon, type GiftCard, type LoyaltyAccount, type MemberAccount, type Reward, type TierChange, type TierProgress } from '../../api.ts';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.ts';
import { CustomerGiftCards } from './CustomerGiftCards.tsx';
import { Expiry, When } from '../../When.tsx';
import { CustomerChallenges } from './CustomerChallenges.tsx';
import { CustomerReferral } from './CustomerReferral.tsx';
import { AdjustPoints, RedeemReward, type Notice } from './MemberForms.tsx';
import { failureText } from '../../useSubmission.ts';
import { flagText } from './benefit-flags.ts';
import { tierName, tierValidityText, useTierLevels } from './tiers.ts';

// A customer's loyalty account as staff see it: what they can spend, what is still
// pending or owed, how the lifetime figures add up to it, their tier and how far the next
// one is, and the ledger entry by entry, in the order things happened, with its running
// total and the part of it still pending, so "why is my balance this?" has an answer on
// screen.

export function CustomerLoyalty({ customerId, currency }: { customerId: string; currency: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [account, setAccount] = useState<LoyaltyAccount>();
  const [history, setHistory] = useState<TierChange[]>([]);
  const [coupons, setCoupons] = useState<Coupon[]>([]);
  const [giftCards, setGiftCards] = useState<GiftCard[]>([]);
  // The names of tiers and rewards: the page waits for them, so that it never shows codes
  // ("member → silver") for a moment before the names arrive.
  // With the language they were asked in: each carries the program's points name in that
  // language, so after a switch the picker waits for the new answer rather than show the old word.
  const [catalogue, setCatalogue] = useState<{ language: string; rewards: Reward[] }>();
  const levels = useTierLevels();
  const [error, setError] = useState<string>();
  const [enrolError, setEnrolError] = useState<string>();
  // What the last adjustment or redemption did, said by the form that did it (MemberForms.tsx).
  const [notice, setNotice] = useState<{ from: 'adjust' | 'redeem'; text: string }>();
  const notices = (from: 'adjust' | 'redeem'): Notice => ({
    notice: notice?.from === from ? notice.text : undefined,
    say: (text) => setNotice(text === undefined ? undefined : { from, text }),
  });

  const reload = () => {
    // The entries' explanations come in the dashboard's language.
    api<LoyaltyAccount>(`/customers/${customerId}/loyalty?language=${i18n.language}`).then(setAccount, (e: Error) => setError(failureText(i18n, e)));
    api<{ items: TierChange[] }>(`/customers/${customerId}/loyalty/tiers`).then((r) => setHistory(r.items), () => undefined);
    api<{ items: Coupon[] }>(`/customers/${customerId}/coupons`).then((r) => setCoupons(r.items), () => undefined);
    // Redeeming a gift-card reward issues one.
    api<{ items: GiftCard[] }>(`/customers/${customerId}/gift-cards`).then((r) => setGiftCards(r.items), () => undefined);
    // Without them (a failed request) the codes stand in for the names.
    // In the dashboard's language: each reward's points_name in the form its cost takes.
    const language = i18n.language;
    api<{ rewards: Reward[] }>(`/loyalty/rewards?customer_id=${customerId}&language=${language}`).then(
      (r) => setCatalogue({ language, rewards: r.rewards }),
      () => setCatalogue((known) => ({ language, rewards: known?.rewards ?? [] })),
    );
  };
  useEffect(reload, [customerId, i18n.language]);

  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (!account || !levels || !catalogue) return <p>{t('common.loading')}</p>;

  const enrol = async () => {
    try {
      setAccount(await api<LoyaltyAccount>(`/customers/${customerId}/loyalty/enrol`, { method: 'POST' }));
      reload();
    } catch (e) {
      setEnrolError((e as Error).message);
    }
  };
  const adjusted = (next: LoyaltyAccount) => {
    setAccount(next);
    reload();
  };
  const nameOfTier = (code: string | null) => (code === null ? t('loyalty.noTier') : tierName(i18n, levels, code));
  const { rewards } = catalogue;
  const rewardName = (code: string | null) => i18n.localized(rewards.find((r) => r.code === code)?.name) || code || '—';

  const forms = (
    <div className="card member-forms" data-testid="member-forms">
      <h2>{t('loyalty.adjust.title')}</h2>
      <AdjustPoints customerId={customerId} onDone={adjusted} {...notices('adjust')} />
      <h2>{t('loyalty.redeem.title')}</h2>
      {catalogue.language === i18n.language ? <RedeemReward customerId={customerId} rewards={rewards} onDone={reload} {...notices('redeem')} /> : <p className="hint">{t('common.loading')}</p>}
    </div>
  );

  if (!account.member) {
    return (
      <div data-testid="customer-loyalty">
        <div className="card">
          <p className="hint">{t('loyalty.member.none')}</p>
          <button className="secondary" onClick={enrol}>{t('loyalty.member.enrol')}</button>
          {enrolError && <p className="error" role="alert">{t('common.error', { message: enrolError })}</p>}
        </div>
        {forms}
      </div>
    );
  }

  const a: MemberAccount = account;
  const points = (n: number) => i18n.number(n);
  const proof = a.explanation.sum_of_entries === a.explanation.stored_points;

  return (
    <div data-testid="customer-loyalty">
      <div className="kpis">
        <div className="card kpi small" data-testid="loyalty-balance">
          <span>{t('loyalty.member.balance')}</span>
          <strong>{points(a.balance)}</strong>
        </div>
        <Kpi label={t('loyalty.member.pending')} value={points(a.pending)} />
        <Kpi label={t('loyalty.member.owed')} value={points(a.owed)} />
        <Kpi label={t('loyalty.member.nextExpiry')} value={a.next_expiry ? <>{points(a.next_expiry.points)} · <Expiry at={a.next_expiry.at} /></> : t('loyalty.member.nextExpiryNone')} />
      </div>
      <div className="columns">
        <div>
          <div className="card" data-testid="loyalty-tier">
            <h2>{t('loyalty.col.tier')}</h2>
            {a.tier ? <Tier tier={a.tier} currency={currency} rewardName={rewardName} /> : <p className="hint">{t('loyalty.noTier')}</p>}
          </div>
          <Lifetime account={a} />
          <CustomerChallenges challenges={a.challenges} />
          <CustomerReferral code={a.referral_code} link={a.referral_link} />
        </div>
        {forms}
      </div>
      <div className="card" data-testid="loyalty-entries-card">
        <h2>{t('loyalty.entries.title')}</h2>
        {/* On a phone the rows stack, the points and running total in sight (styles/loyalty.css, table.entries). */}
        <table className="entries" data-testid="loyalty-entries">
          <thead>
            <tr>
              <th className="when">{t('loyalty.col.date')}</th>
              <th className="kind">{t('loyalty.col.kind')}</th>
              <th className="why">{t('loyalty.col.description')}</th>
              <th className="num points">{t('loyalty.col.points')}</th>
              <th className="num running">{t('loyalty.col.running')}</th>
            </tr>
          </thead>
          <tbody>
            {a.explanation.entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap when"><When at={e.at} time /></td>
                <td className="kind"><span className={`tag kind-${e.shown_as}`}>{t(`loyalty.kind.${e.shown_as}` as MessageKey)}</span></td>
                <td className="why">
                  {e.description}
                  {e.actor && e.kind === 'adjust' && <small className="muted" data-testid="entry-actor"> · {actorName(t, e.actor)}</small>}
                </td>
                <td className={`num points ${e.points < 0 ? 'negative' : e.points > 0 ? 'positive' : ''}`}>{e.points > 0 ? `+${points(e.points)}` : points(e.points)}</td>
                <td className="num running">
                  {points(e.balance_after)}
                  {/* The running total counts pending points too, where the balance card counts only what can be spent: say how many. */}
                  {e.pending_after > 0 && <small className="muted"> {t('loyalty.entries.pending', { points: points(e.pending_after) })}</small>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={proof ? 'hint' : 'error'} data-testid="loyalty-proof">
          {t(proof ? 'loyalty.entries.proof' : 'loyalty.entries.mismatch', { sum: points(a.explanation.sum_of_entries), stored: points(a.explanation.stored_points) })}
        </p>
      </div>
      <div className="columns">
        <div className="card">
          <h2>{t('loyalty.lots.title')}</h2>
          {a.lots.length === 0 ? (
            <p className="hint">{t('loyalty.lots.none')}</p>
          ) : (
            <table data-testid="loyalty-lots">
              <thead>
                <tr>
                  <th className="num">{t('loyalty.col.points')}</th>
                  <th>{t('loyalty.col.availableAt')}</th>
                  <th>{t('loyalty.col.expiresAt')}</th>
                </tr>
              </thead>
              <tbody>
                {a.lots.map((lot) => {
                  // Past its date but not yet removed by the hourly job (by the server's clock): no longer points to spend.
                  const { expired } = lot;
                  return (
                    <tr key={lot.entry} className={expired ? 'muted' : undefined} data-expired={expired}>
                      <td className="num">{points(lot.remaining)}</td>
                      <td>
                        <When at={lot.available_at} />
                        {lot.pending && <span className="tag">{t('loyalty.member.pending')}</span>}
                      </td>
                      <td>
                        {lot.expires_at ? <Expiry at={lot.expires_at} /> : t('loyalty.lots.never')}
                        {expired && <span className="tag expired">{t('loyalty.lots.expired')}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
        {/* Coupons and gift cards together beside the lots: a gift card just issued by a redemption is in sight, not below the lots. */}
        <div>
        {/* The codes never break (a till types them in): a narrow window scrolls the table inside its card. */}
        <div className="card">
          <h2>{t('loyalty.coupons.title')}</h2>
          {coupons.length === 0 ? (
            <p className="hint">{t('loyalty.coupons.none')}</p>
          ) : (
            <table data-testid="loyalty-coupons">
              <thead>
                <tr>
                  <th>{t('loyalty.col.code')}</th>
                  <th>{t('loyalty.col.reward')}</th>
                  <th>{t('loyalty.col.status')}</th>
                  <th>{t('loyalty.col.expiresAt')}</th>
                </tr>
              </thead>
              <tbody>
                {coupons.map((c) => (
                  <tr key={c.code}>
                    <td className="nowrap"><code>{c.code}</code></td>
                    <td>{rewardName(c.reward)}</td>
                    <td>{t(couponStatus(c))}</td>
                    <td><Expiry at={c.expires_at} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <CustomerGiftCards cards={giftCards} />
        </div>
      </div>
      <div className="card">
        <h2>{t('loyalty.history.title')}</h2>
        {history.length === 0 ? (
          <p className="hint">{t('loyalty.history.none')}</p>
        ) : (
          <ol className="timeline" data-testid="tier-history">
            {[...history].reverse().map((h, i) => (
              <li key={i}>
                <div className="when"><When at={h.at} time /></div>
                <div className="what">
                  <strong>{nameOfTier(h.from)} → {nameOfTier(h.to)}</strong> <span className="muted">· {tierReason(t, h.reason)}</span>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

// The server records why a tier changed in a few fixed words; anything else is shown as it is.
const TIER_REASONS: Record<string, MessageKey> = {
  joined: 'loyalty.tierReason.joined',
  qualified: 'loyalty.tierReason.qualified',
  merge: 'loyalty.tierReason.merge',
  renewed: 'loyalty.tierReason.renewed',
  'tier period ended': 'loyalty.tierReason.periodEnded',
  refunded: 'loyalty.tierReason.refunded',
  'program changed (upgrade_now)': 'loyalty.tierReason.programUpgrade',
  'program changed (reevaluate_now)': 'loyalty.tierReason.programReevaluate',
};
const tierReason = (t: I18n['t'], reason: string) => (TIER_REASONS[reason] ? t(TIER_REASONS[reason]) : reason);

/** Who made an entry, as staff know them: a user by their email, an API key by its name ("user:owner@shop.example" → "owner@shop.example"). */
const actorName = (t: I18n['t'], actor: string) =>
  actor.startsWith('user:') ? actor.slice('user:'.length) : actor.startsWith('key:') ? t('loyalty.actor.apiKey', { name: actor.slice('key:'.length) }) : actor;

function couponStatus(c: Coupon): MessageKey {
  if (c.status === 'used') return 'loyalty.coupon.used';
  if (c.status === 'void') return 'loyalty.coupon.void';
  return c.usable ? 'loyalty.coupon.active' : 'loyalty.coupon.expired';
}

/** Spend is money; points and purchases are counts (the metric's name says which). */
const metricValue = (i18n: I18n, tier: TierProgress, value: string | number, currency: string) =>
  tier.metric === 'spend' ? i18n.money(String(value), currency) : i18n.number(Number(value));

function Tier({ tier, currency, rewardName }: { tier: TierProgress; currency: string; rewardName: (code: string) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const value = (v: string | number) => metricValue(i18n, tier, v, currency);
  const next = tier.next;
  const share = next ? Math.min(1, Number(tier.qualifying) / Math.max(Number(next.threshold), 1e-9)) : 1;
  const b = tier.benefits;
  return (
    <>
      <p className="tier-name">
        <strong>{i18n.localized(tier.name) || tier.code}</strong>
        {/* Each phrase on one line with its date ("с 3 нояб. 2026 г."), a line breaking only between them. */}
        {tier.since && <span className="muted"> · <span className="date">{t('loyalty.tier.since', { date: i18n.date(tier.since) })}</span></span>}
        {tier.valid_until && <span className="muted"> · <span className="date">{tierValidityText(i18n, tier.valid_until)}</span></span>}
      </p>
      <p>{t('loyalty.tier.qualifying', { metric: t(`loyalty.metric.${tier.metric}` as MessageKey), window: t(`loyalty.window.${tier.window}` as MessageKey), value: value(tier.qualifying) })}</p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} data-testid="tier-progress">
        <span style={{ width: `${share * 100}%` }} />
      </div>
      <p className="hint">{next ? t('loyalty.tier.missing', { missing: value(next.missing), tier: i18n.localized(next.name) || next.code }) : t('loyalty.tier.top')}</p>
      {b && (
        <ul className="benefits">
          {b.points_multiplier !== 1 && <li>{t('loyalty.benefit.multiplier', { factor: i18n.number(b.points_multiplier) })}</li>}
          {b.birthday_bonus !== undefined && <li>{t('loyalty.benefit.birthdayBonus', { points: i18n.number(b.birthday_bonus) })}</li>}
          {b.birthday_reward && <li>{t('loyalty.benefit.birthdayReward', { reward: rewardName(b.birthday_reward) })}</li>}
          {b.early_access && <li>{t('loyalty.benefit.earlyAccess')}</li>}
          {b.flags.map((f) => <li key={f} data-flag={f}>{flagText(i18n, f)}</li>)}
        </ul>
      )}
    </>
  );
}

/**
 * The lifetime figures with the signs the API adds them up with (every ledger entry falls
 * in exactly one): earned + adjusted − redeemed − reversed − expired = balance + pending
 * + expired points the hourly job has not removed yet. Staff reconcile a balance from
 * here; a sum that does not match is shown as an error, as the entries' proof is.
 */
function Lifetime({ account }: { account: MemberAccount }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { earned, adjusted, redeemed, reversed, expired } = account.lifetime;
  const rows: [string, number][] = [
    [t('loyalty.report.earned'), earned],
    [t('loyalty.lifetime.adjusted'), adjusted],
    [t('loyalty.report.redeemed'), -redeemed],
    [t('loyalty.report.reversed'), -reversed],
    [t('loyalty.report.expired'), -expired],
  ];
  const sum = rows.reduce((total, [, points]) => total + points, 0);
  const held = account.balance + account.pending + account.expiring_now;
  const figures = { balance: i18n.number(account.balance), pending: i18n.number(account.pending), expiring: i18n.number(account.expiring_now) };
  // `|| 0`: a figure of zero negated is −0, which Intl prints as "-0".
  const signed = (points: number) => (points > 0 ? `+${i18n.number(points)}` : i18n.number(points || 0));
  return (
    <div className="card" data-testid="loyalty-lifetime">
      <h2>{t('loyalty.lifetime.title')}</h2>
      <table>
        <tbody>
          {rows.map(([label, points]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className={`num ${points < 0 ? 'negative' : points > 0 ? 'positive' : ''}`}>{signed(points)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td><strong>{t(account.expiring_now === 0 ? 'loyalty.lifetime.held' : 'loyalty.lifetime.heldExpiring', figures)}</strong></td>
            <td className="num"><strong>{i18n.number(held)}</strong></td>
          </tr>
        </tfoot>
      </table>
      {sum !== held && <p className="error">{t('loyalty.lifetime.mismatch', { sum: i18n.number(sum), held: i18n.number(held) })}</p>}
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="card kpi small">
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  );
}
