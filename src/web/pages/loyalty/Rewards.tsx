import { useEffect, useState } from 'react';
import { api, type Reward } from '../../api.ts';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.ts';
import { tierName, useTierLevels } from './tiers.ts';

/** What a reward gives, in words: an amount, a percentage, a product or an event. */
export function rewardValue(i18n: I18n, r: Reward): string {
  if ((r.type === 'fixed_discount' || r.type === 'gift_card') && r.amount !== undefined && r.currency) return i18n.money(r.amount, r.currency);
  if (r.type === 'percent_discount' && r.percent !== undefined) return i18n.percent(r.percent / 100);
  // An event's text is given per language as the reward's name is.
  return r.sku ?? (r.event === undefined ? undefined : i18n.localized(r.event)) ?? '—';
}

export const rewardTypeKey = (type: string) => `loyalty.rewardType.${type}` as MessageKey;

export function RewardsCatalogue() {
  const i18n = useI18n();
  const { t } = i18n;
  const [rewards, setRewards] = useState<Reward[]>();
  const levels = useTierLevels();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ rewards: Reward[] }>('/loyalty/rewards').then((r) => setRewards(r.rewards), (e: Error) => setError(e.message));
  }, []);

  if (error) return <p className="error">{t('common.error', { message: error })}</p>;
  if (!rewards || !levels) return <p>{t('common.loading')}</p>;
  if (rewards.length === 0) return <p className="hint">{t('loyalty.rewards.none')}</p>;

  return (
    <div className="card">
      <table data-testid="rewards-table">
        <thead>
          <tr>
            <th>{t('loyalty.col.reward')}</th>
            <th>{t('loyalty.col.type')}</th>
            <th className="num">{t('loyalty.col.cost')}</th>
            <th>{t('loyalty.col.value')}</th>
            <th>{t('loyalty.col.tiers')}</th>
            <th>{t('loyalty.col.stock')}</th>
            <th className="num">{t('loyalty.col.validDays')}</th>
          </tr>
        </thead>
        <tbody>
          {rewards.map((r) => (
            <tr key={r.code}>
              <td>
                <strong>{i18n.localized(r.name)}</strong> <span className="muted">{r.code}</span>
              </td>
              <td>{t(rewardTypeKey(r.type))}</td>
              <td className="num">{i18n.number(r.points)}</td>
              <td>{rewardValue(i18n, r)}</td>
              <td>{r.tiers ? r.tiers.map((code) => <span key={code} className="tag">{tierName(i18n, levels, code)}</span>) : t('loyalty.rewards.everyone')}</td>
              <td>{r.left === null || r.stock === null ? t('loyalty.rewards.unlimited') : t('loyalty.rewards.left', { left: i18n.number(r.left), stock: i18n.number(r.stock) })}</td>
              <td className="num">{i18n.number(r.valid_days)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
