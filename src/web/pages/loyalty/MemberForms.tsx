import { useRef, useState, type FormEvent } from 'react';
import { api, newIdempotencyKey, type LoyaltyAccount, type Redemption, type Reward } from '../../api.ts';
import { Confirmation } from '../../Confirmation.tsx';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { Problems } from '../../Problems.tsx';
import { useSubmission } from '../../useSubmission.ts';
import { rewardValue } from './Rewards.tsx';

// Staff writes on a member's account. Each submission carries a fresh idempotency key,
// so a double click or a retried request after a dropped connection counts once. What the
// last action did is said once, by the form that did it: the account page holds it
// (`notice`), and either form's next action replaces it (`say`), so "Points adjusted: +50."
// does not stay beside a later redemption's coupon.

/** A whole number of points, taken or given: digits with an optional sign. */
const WHOLE_POINTS = /^[+-]?\d+$/;
/** The most one adjustment adds or takes, as the API's AdjustmentInput allows: told with the number, where the API says "is too large". */
const ADJUSTMENT_LIMIT = 1_000_000_000;

/** Why the points typed cannot be sent, in the dashboard's words: not a whole number, or more than one adjustment moves (one message, never both). */
function pointsMistake(i18n: I18n, text: string): string | undefined {
  if (!WHOLE_POINTS.test(text.trim())) return i18n.t('loyalty.adjust.wholePoints');
  if (Math.abs(Number(text.trim())) > ADJUSTMENT_LIMIT) return i18n.t('loyalty.adjust.tooMany', { limit: i18n.number(ADJUSTMENT_LIMIT) });
  return undefined;
}

/**
 * A reward as the picker offers it: its name and cost, the points called by the program's
 * name in the form the cost takes ("500 zrn"), and what it is worth where that is an amount
 * or a share (a product's SKU tells staff nothing).
 */
function redeemOption(i18n: I18n, r: Reward): string {
  const params = { name: i18n.localized(r.name), points: i18n.number(r.points), pointsName: r.points_name };
  const worth = r.type === 'fixed_discount' || r.type === 'gift_card' || r.type === 'percent_discount';
  return worth ? i18n.t('loyalty.redeem.optionWorth', { ...params, value: rewardValue(i18n, r) }) : i18n.t('loyalty.redeem.option', params);
}

/** What the last action on the account did, shown by the form that did it; `say(undefined)` clears it as an action begins. */
export interface Notice {
  notice: string | undefined;
  say: (text: string | undefined) => void;
}

export function AdjustPoints({ customerId, onDone, notice, say }: { customerId: string; onDone: (account: LoyaltyAccount) => void } & Notice) {
  const i18n = useI18n();
  const { t } = i18n;
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const { busy, problems, failure, submit, setProblems, setFailure } = useSubmission();
  // A message about what the fields held is gone once they change: it spoke of a value no longer there.
  const change = (set: (value: string) => void, value: string) => {
    set(value);
    setInvalid(undefined);
    setProblems([]);
    setFailure(undefined);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    say(undefined);
    // Checked here rather than by the browser's bubble, which speaks the browser's language and not the dashboard's.
    // Only digits with an optional sign: Number() would also take "1e3" (+1,000), "0x10" or "1.0".
    // A number past the limit is told here with the limit: sent, 99999999999999999999 came back both "not a whole number" (a float by then) and "too large".
    const mistake = pointsMistake(i18n, points) ?? (reason.trim().length < 3 ? t('loyalty.adjust.reasonMissing') : undefined);
    setInvalid(mistake);
    if (mistake) return;
    const body = { points: Number(points.trim()), reason: reason.trim(), idempotency_key: newIdempotencyKey() };
    const account = await submit(() => api<LoyaltyAccount>(`/customers/${customerId}/loyalty/adjustments`, { method: 'POST', body }));
    if (!account) return;
    say(t('loyalty.adjust.done', { points: `${body.points > 0 ? '+' : ''}${i18n.number(body.points)}` }));
    setPoints('');
    setReason('');
    onDone(account);
  };

  return (
    <form className="form compact" onSubmit={save} data-testid="adjust-form" noValidate>
      <div className="toolbar">
        <label>
          {t('loyalty.adjust.points')}
          <input className="points" inputMode="numeric" value={points} onChange={(e) => change(setPoints, e.target.value)} required />
        </label>
        <label className="grow reason">
          {t('loyalty.adjust.reason')}
          <input value={reason} onChange={(e) => change(setReason, e.target.value)} required minLength={3} maxLength={500} placeholder={t('loyalty.adjust.reasonHint')} />
        </label>
        <button type="submit" className="primary" disabled={busy || !points || Number(points) === 0}>
          {t('loyalty.adjust.submit')}
        </button>
      </div>
      {invalid && <p role="alert" className="error">{invalid}</p>}
      <Problems problems={problems} failure={failure} labels={{ points: t('loyalty.adjust.points'), reason: t('loyalty.adjust.reason') }} />
      {notice && <p role="status" className="ok">{notice}</p>}
    </form>
  );
}

export function RedeemReward({ customerId, rewards, onDone, notice, say }: { customerId: string; rewards: Reward[]; onDone: () => void } & Notice) {
  const i18n = useI18n();
  const { t } = i18n;
  // The catalogue asked for this customer says what a redemption now would refuse (out of stock, outside its dates, another tier, too few points).
  const choices = rewards.filter((r) => r.redeemable);
  const [reward, setReward] = useState('');
  // Redeeming spends points at once: the first click asks, naming the reward and its cost; the second spends.
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const { busy, problems, failure, submit } = useSubmission();
  const chosen = choices.some((r) => r.code === reward) ? reward : (choices[0]?.code ?? '');
  const chosenReward = choices.find((r) => r.code === chosen);

  const redeem = async (e: FormEvent) => {
    e.preventDefault();
    say(undefined);
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const body = { reward: chosen, idempotency_key: newIdempotencyKey() };
    const result = await submit(() => api<Redemption>(`/customers/${customerId}/loyalty/redemptions`, { method: 'POST', body }));
    if (!result) return;
    const card = 'gift_card' in result ? result.gift_card : undefined;
    const coupon = 'coupon' in result ? result.coupon : undefined;
    if (card) say(t('loyalty.redeem.giftCard', { code: card.code, amount: i18n.money(card.initial, card.currency) }));
    else if (coupon) say(t('loyalty.redeem.coupon', { code: coupon.code }));
    onDone();
  };

  if (choices.length === 0) {
    return (
      <>
        {notice && <p role="status" className="ok">{notice}</p>}
        <p className="hint">{t('loyalty.redeem.none')}</p>
      </>
    );
  }
  return (
    <form className="form compact" onSubmit={redeem} data-testid="redeem-form">
      <div className="toolbar">
        <label className="grow">
          {t('loyalty.redeem.reward')}
          <select value={chosen} onChange={(e) => { setReward(e.target.value); setConfirming(false); }}>
            {choices.map((r) => (
              <option key={r.code} value={r.code}>
                {redeemOption(i18n, r)}
              </option>
            ))}
          </select>
        </label>
        {!confirming && (
          <button ref={opener} type="submit" className="primary" disabled={busy || !chosen}>
            {t('loyalty.redeem.submit')}
          </button>
        )}
      </div>
      {confirming && chosenReward && (
        <Confirmation label={t('loyalty.redeem.submit')} testId="redeem-confirm" busy={busy} opener={opener} onCancel={() => setConfirming(false)}
          question={t('loyalty.redeem.confirm', { name: i18n.localized(chosenReward.name), points: i18n.number(chosenReward.points), pointsName: chosenReward.points_name })}
          yes={t('loyalty.redeem.confirmYes')} cancel={t('loyalty.redeem.cancel')} />
      )}
      <Problems problems={problems} failure={failure} />
      {notice && <p role="status" className="ok">{notice}</p>}
    </form>
  );
}
