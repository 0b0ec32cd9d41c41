import type { Services } from '../services.ts';
import type { StoredEvent, Subscriber } from './queue.ts';

// Which module reacts to which event, after the change committed (the outbox). Each
// handler is idempotent: a job retried after a crash finds its work done and adds nothing.
export function subscribersOf(s: Pick<Services, 'loyalty' | 'clock'>): Subscriber[] {
  const payload = (e: StoredEvent) => e.payload as Record<string, string>;
  const program = () => s.loyalty.programAt(s.clock.now());
  return [
    {
      name: 'loyalty.referrer-bonus',
      eventTypes: ['loyalty.referral_qualified'],
      active: async () => Boolean((await program())?.document.bonuses.referral),
      handle: async (e) => {
        const p = payload(e);
        await s.loyalty.rewardReferrer({ referrer_id: p.referrer_id, friend_id: p.friend_id, purchase_id: p.purchase_id, occurred_at: p.occurred_at, queued_at: e.created_at });
      },
    },
    {
      // Always listening: a refund may revoke a referral after the program stopped paying them.
      name: 'loyalty.referrer-bonus-revoked',
      eventTypes: ['loyalty.referral_revoked'],
      handle: async (e) => {
        const p = payload(e);
        await s.loyalty.revokeReferrerBonus({ referrer_id: p.referrer_id, friend_id: p.friend_id, purchase_id: p.purchase_id, refund_id: p.refund_id });
      },
    },
    {
      name: 'loyalty.challenges',
      eventTypes: ['purchase.recorded'],
      active: async () => ((await program())?.document.challenges.length ?? 0) > 0,
      handle: async (e) => void (e.customer_id && (await s.loyalty.evaluateChallenges(e.customer_id, new Date(payload(e).occurred_at)))),
      handleBatch: async (events) =>
        void (await s.loyalty.evaluateChallengesMany(events.filter((e) => e.customer_id).map((e) => ({ customerId: e.customer_id!, at: new Date(payload(e).occurred_at) })))),
    },
    {
      // A customer who signs up without buying joins (automatic enrolment), then a complete
      // profile earns its bonus, which needs a member: one subscriber, in that order. A merge
      // fills the survivor's missing fields from the merged customer's, which may complete the
      // profile with no later update (its event names the survivor); the bonus stays once per
      // person (creditBonuses).
      name: 'loyalty.profile-bonus',
      eventTypes: ['customer.created', 'customer.updated', 'customer.merged'],
      active: async () => {
        const doc = (await program())?.document;
        return Boolean(doc && (doc.enrolment === 'automatic' || doc.bonuses.profile_completion));
      },
      // Joining checks the profile itself (enrol), so those who just joined are not checked twice.
      handle: async (e) => {
        if (!e.customer_id) return;
        if (e.type === 'customer.created' && (await s.loyalty.enrolSignUps([e.customer_id])).length > 0) return;
        await s.loyalty.profileCompletion(e.customer_id);
      },
      handleBatch: async (events) => {
        const joined = new Set(await s.loyalty.enrolSignUps(events.flatMap((e) => (e.type === 'customer.created' && e.customer_id ? [e.customer_id] : []))));
        await s.loyalty.profileCompletionMany(events.flatMap((e) => (e.customer_id && !joined.has(e.customer_id) ? [e.customer_id] : [])));
      },
    },
  ];
}
