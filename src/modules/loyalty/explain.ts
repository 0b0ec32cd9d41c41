import type { LoyaltyEntryKind } from '../../db/index.ts';
import { formatCode } from './codes.ts';
import type { EarningFactor } from './program.ts';

// One line of plain language per ledger entry, so staff can answer "why is my balance
// what it is?" by reading the account top to bottom.

interface EntryLike {
  kind: LoyaltyEntryKind;
  points: number;
  source_type: string;
  source_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export function describeEntry(e: EntryLike, currency: string): string {
  const d = e.details as Record<string, any>;
  switch (e.kind) {
    case 'earn': {
      const factors = ((d.factors ?? []) as EarningFactor[])
        .map((f) => ` × ${f.factor} ${f.name}${f.share < 1 ? ` (on ${Math.round(f.share * 100)}% of the basket)` : ''}`).join('');
      const bonus = ((d.bonus_points ?? []) as { name: string; points: number }[]).map((b) => ` + ${b.points} ${b.name}`).join('');
      const exact = typeof d.exact === 'number' ? round4(d.exact) : undefined;
      const earned = d.capped_at ? d.uncapped : Math.abs(e.points);
      const arithmetic = factors || bonus ? `${factors}${bonus} = ${exact}` : '';
      const rounded = exact !== undefined && exact !== earned ? ` → ${earned} (${d.rounding})` : '';
      const capped = d.capped_at ? `; capped at ${d.capped_at} a day: ${Math.abs(e.points)}` : '';
      return `Purchase ${d.purchase ?? e.source_id}: ${d.total} ${currency} → ${round4(d.base)} points${arithmetic}${rounded}${capped}`;
    }
    case 'bonus':
      return d.bonus === 'first_purchase' ? `First purchase bonus (${d.purchase})`
        : d.bonus === 'sign_up' ? 'Welcome bonus for joining'
        : d.bonus === 'birthday' ? `Birthday bonus ${d.year ?? ''}`.trim()
        : d.bonus === 'referral' ? `Referral bonus (${d.role === 'referrer' ? 'a friend you referred made a first purchase' : 'you joined through a friend'})`
        : d.bonus === 'challenge' ? `Challenge completed: ${d.challenge}`
        : d.bonus === 'profile_completion' ? 'Bonus for completing the profile'
        : d.bonus === 'survey' ? 'Thank-you for answering a survey'
        : `Bonus: ${d.bonus ?? e.source_id}`;
    case 'reverse': {
      const share = typeof d.refunded_share === 'number' ? `${Math.round(d.refunded_share * 1000) / 10}% of the purchase refunded` : 'refund';
      const forgiven = d.forgiven ? `; ${d.forgiven} already spent and forgiven` : '';
      return `Refund: ${share}, ${Math.abs(e.points)} of its ${d.credited} points taken back${forgiven}`;
    }
    case 'redeem':
      return d.reservation ? `Points held at checkout (${d.order_ref ?? d.reservation})`
        : `Reward redeemed: ${d.reward_name ?? d.reward} (${d.gift_card ? `gift card ${formatCode(d.gift_card)}` : `coupon ${d.coupon ? formatCode(d.coupon) : '—'}`})`;
    case 'release':
      return `Points returned: ${d.why ?? 'reservation released'}`;
    case 'expire':
      return d.policy === 'inactivity' ? `Expired: no purchase for ${d.months} months` : `Expired: points earned more than ${d.months ?? 'the allowed'} months ago`;
    case 'adjust':
      return `Adjustment by ${e.source_type === 'merge' ? 'merge' : 'staff'}: ${e.reason ?? ''}`.trim();
    default:
      return e.kind;
  }
}

const round4 = (v: unknown) => (typeof v === 'number' ? Number(v.toFixed(4)) : v);

