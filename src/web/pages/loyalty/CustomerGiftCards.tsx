import type { GiftCard } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { Expiry } from '../../When.tsx';

// The customer's gift cards beside their coupons: what is left on each, so staff can
// answer "how much is still on my card?" at the counter. Most customers have none, and
// then the card is not shown at all.

export function CustomerGiftCards({ cards }: { cards: GiftCard[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (cards.length === 0) return null;
  return (
    // The codes never break (a till types them in): a narrow window scrolls the table inside its card.
    <div className="card">
      <h2>{t('loyalty.giftCards.title')}</h2>
      <table data-testid="loyalty-gift-cards">
        <thead>
          <tr>
            <th>{t('loyalty.col.code')}</th>
            <th className="num">{t('loyalty.giftCards.balance')}</th>
            <th>{t('loyalty.col.status')}</th>
            <th>{t('loyalty.col.expiresAt')}</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((g) => (
            <tr key={g.code}>
              <td className="nowrap"><code>{g.code}</code></td>
              <td className="num nowrap">{t('loyalty.giftCards.balanceOf', { balance: i18n.money(g.balance, g.currency), initial: i18n.money(g.initial, g.currency) })}</td>
              <td>{t(giftCardStatus(g))}</td>
              <td><Expiry at={g.expires_at} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function giftCardStatus(g: GiftCard): MessageKey {
  if (g.usable) return 'loyalty.giftCard.active';
  return Number(g.balance) === 0 ? 'loyalty.giftCard.usedUp' : 'loyalty.giftCard.expired';
}
