import type { BoughtLine, PurchaseReturns } from '../../commerce/index.ts';
import type { PurchaseFacts } from '../program/program.ts';
import type { TierState } from '../tiers/tier-timeline.ts';
import type { BonusPointsByKind } from './simulate-bonuses.ts';

// The records of a replay (simulate-replay.ts): what simulate.ts feeds it (ReplayPurchase),
// what it answers (ProgramOutcome), and what it keeps between purchases — per customer
// (CustomerState) and per purchase a refund may still reach (Refundable). Apart from the
// Replay so that its file reads as the rules, purchase by purchase, and these fields are
// documented once, where simulate.ts and the Replay both find them.

export interface ProgramOutcome {
  version: number | null;
  points: number;
  purchase_points: number;
  /** Every bonus kind's points, net of what refunds took back. */
  bonus_points: number;
  bonus_points_by_kind: BonusPointsByKind;
  value: string;
  currency: string;
}

export interface ReplayPurchase extends PurchaseFacts {
  customerId: string;
  /** occurredAt in whole microseconds (epochMicros): how a referral's qualifying purchase is recognised. */
  atUs: string;
  /** On or after --since: its points are counted. Earlier ones only qualify their customer for tiers. */
  counted: boolean;
  firstEver: boolean;
  /**
   * Its customer (the person) was a member when it was recorded: their joining came first
   * (simulate.ts). Under enrolment on_request only such a purchase earns, as live.
   */
  memberWhenRecorded: boolean;
  /** Its customer (the person) has joined, at any time up to the replay's end. */
  everJoined: boolean;
  /** When they joined (ms), null: never. Expiry by inactivity counts idle time from the later of it and their last purchase. */
  joinedAt: number | null;
  /** Refunded amount no refund row accounts for (data written around the refund path): taken as refunded when bought. */
  refundedAtOnceMinor: number;
  /** The purchase's id when refunds of it are replayed later, at their own time. */
  refundKey: string | null;
  /**
   * Set only when one of its refunds names lines: the purchase's lines (all of them, in
   * order) and its discount, by which those refunds' points are weighed (refund-points.ts).
   */
  basket: ReplayBasket | null;
}

export interface ReplayBasket {
  bought: BoughtLine[];
  discountMinor: number;
}

/** The tier state (tier-timeline.ts: the window's values, found again by position) and what earning needs. */
export interface CustomerState extends TierState {
  /** Points earned per local date for the daily cap, for the last few dates only (purchases come in time order). */
  capDates: string[] | null;
  capUsed: number[] | null;
  firstGiven: boolean;
  /** Joined in the replay with a purchase (automatic enrolment, for a customer who never joined). */
  joinedByPurchase: boolean;
  /** Bought on or after --since. */
  counted: boolean;
  /**
   * Expiry by inactivity (Replay.idle): since when the member has been idle — the later of
   * their last purchase that earned and their joining, as the ledger's last_activity_at and
   * joined_at (−Infinity: no purchase yet) — and when their points were last written off
   * for it (−Infinity: never).
   */
  idleSince: number;
  wentIdleAt: number;
}

/** A purchase that refunds may still reach: what a reversal needs, and where its qualifying value sits. */
export interface Refundable {
  state: CustomerState;
  /** Position of its value in the tier window (see CustomerState.shift); −1 without one. */
  slot: number;
  totalMinor: number;
  refundedMinor: number;
  /** Its credits, as the ledger has them: the purchase's points and its first-purchase bonus. */
  credited: number;
  bonus: number;
  reversed: number;
  reversedBonus: number;
  counted: boolean;
  /** When its lots expire under the replayed program (per-lot expiry; ms), null: never. A refund from then on takes nothing back. */
  expiresAt: number | null;
  /** When it was bought (ms): under expiry by inactivity, a write-off after it took its points (Replay.expired). */
  boughtAt: number;
  /** The referral it settled, which a refund below the minimum revokes. */
  referral: SettledReferral | null;
  /** Only for a purchase one of whose refunds names lines: see ReturnedByLines. */
  byLines: ReturnedByLines | null;
}

/**
 * What the live reversal weighs a refund naming lines by: each line's weight in what the
 * purchase earned under this replay's program (lineWeights, from the factors it applied
 * here), and the purchase's refunds replayed so far — by amount or by lines, in order —
 * as returnsOfPurchase reads them live.
 */
export interface ReturnedByLines {
  weights: number[];
  returns: PurchaseReturns;
}

export interface SettledReferral {
  referrerId: string;
  friendPoints: number;
  referrerPoints: number;
  /** By inactivity: the referrer was idle when their bonus was paid, so the sweep wrote it off before any purchase of theirs since. */
  referrerIdle: boolean;
  revoked: boolean;
}
