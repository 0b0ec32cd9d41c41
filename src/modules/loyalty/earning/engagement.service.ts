import { withFields } from '../../../shared/objects.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { createChallenges } from './challenges.ts';
import { createProfileAndSurveyBonuses } from './profile-and-survey-bonuses.ts';
import { createReferrals } from './referrals.ts';

// Points for what members do besides buying: bringing a friend (referrals), completing
// challenges, completing their profile, answering a survey. The friend's referral bonus
// is part of their purchase (in its transaction); the referrer's, the challenges and the
// profile bonus follow from outbox events, so a purchase never waits on — or locks —
// another member's account. Each kind has its own file (referrals.ts, challenges.ts,
// profile-and-survey-bonuses.ts, all paying through bonus-credit.ts); this puts them
// together as the one service that accrual, refunds, accounts and the module's door use.

export function createEngagementService(core: LoyaltyCore) {
  return withFields(createReferrals(core), createChallenges(core), createProfileAndSurveyBonuses(core));
}

export type EngagementService = ReturnType<typeof createEngagementService>;
