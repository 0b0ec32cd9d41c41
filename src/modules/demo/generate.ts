import { localTime, type DemoPeriod } from './calendar.ts';
import { demoProfile, type DemoProfile } from './profile.ts';
import { demoPurchase, favouriteDrink, type BasketHabits, type DemoChannel, type DemoPurchase } from './purchase.ts';
import { createRandom, weightedTable, type Random } from './random.ts';
import { DEMO_STORES, ONLINE_DECEMBER_BOOST, ONLINE_HOURS, ONLINE_WEEK, SEASON, WEEKDAY_HOURS, WEEKEND_HOURS, type DemoStore } from './stores.ts';

// The demo's customers and their purchases, without I/O. Customer n draws from its own
// random stream (seed, n), so it is the same whether 300 or 1,000,000 are generated,
// and customers can be generated one at a time (streaming).
//
// Behaviour follows the BG/NBD story the analytics fit: while alive a customer makes
// purchases as a Poisson process with a personal rate λ ~ Gamma(r, α), and after each
// purchase drops out for good with a personal probability p ~ Beta(a, b). On top of it:
// customers join over the period (more later, as the business grows), and each candidate
// visit is kept with the place's weight for that month and weekday (thinning), at an
// hour drawn from its opening hours in its own time zone.

export interface DemoCustomer {
  n: number;
  profile: DemoProfile;
  purchases: DemoPurchase[];
  /**
   * How far up the reward catalogue (0 its cheapest, 1 its dearest) the customer reaches
   * when they spend their points on the demo's last day; null for one who only collects.
   * Drawn from a stream of its own, so adding it changed none of the purchases.
   */
  wish: number | null;
}

// Gamma(r = 0.8, scale 0.2): mean λ 0.16 candidate visits a day, most far fewer, a few
// regulars daily. Beta(1.4, 3.6): mean dropout 28 % after a purchase, a long tail of loyal ones.
const RATE = { shape: 0.8, scale: 0.2 };
const DROPOUT = { a: 1.4, b: 3.6 };
const WISH_STREAM = 1; // createRandom(seed, n, 1): the customer's rewards, apart from their purchases
const MAX_PURCHASES = 600; // a visit almost every day for two years: no regular needs more
const STORE_TABLE = weightedTable(DEMO_STORES.map((s) => [s, s.share] as const));

export function demoCustomer({ seed, n, period }: { seed: number; n: number; period: DemoPeriod }): DemoCustomer {
  const random = createRandom(seed, n);
  const store = STORE_TABLE(random);
  const profile = demoProfile({ random, seed, n, store, period });
  const rate = random.gamma(RATE.shape, RATE.scale);
  const dropout = random.beta(DROPOUT.a, DROPOUT.b);
  const onlineShare = random.chance(0.35) ? random.beta(1, 3) : 0; // most never order online
  const habits: BasketHabits = {
    extraLines: random.gamma(2, 0.3),
    favourite: favouriteDrink(random, store.code),
    loyalty: random.beta(2, 2),
    catering: profile.tags?.includes('office-catering') ?? false,
  };
  // Later purchases carry only what the till knows (the card, else the email, else the
  // phone) or the web shop knows (the account's email), as real channels do.
  const { external_id, email, phone } = profile;
  const atTill: Partial<DemoProfile> = external_id ? { external_id } : email ? { email } : { phone };
  const atWebShop: Partial<DemoProfile> = email ? { email } : atTill;

  const purchases: DemoPurchase[] = [];
  let t = joinDay(random, period.days);
  while (purchases.length < MAX_PURCHASES) {
    const day = Math.floor(t);
    if (day >= period.days) break;
    const channel: DemoChannel = random.chance(onlineShare) ? 'online' : habits.catering && random.chance(0.15) ? 'phone' : 'in_store';
    if (random.chance(dayWeight({ store, channel, period, day }))) {
      const { hour, second } = timeOfDay({ random, store, channel, weekend: isWeekend(period.weekdays[day]) });
      const occurredAt = localTime({ period, day, second, timeZone: store.time_zone });
      if (occurredAt.ms > period.end.getTime()) break;
      const first = purchases.length === 0;
      purchases.push(demoPurchase({
        random, externalId: `demo-${seed}-${n}-${purchases.length}`, customer: first ? profile : channel === 'online' ? atWebShop : atTill, habits, channel,
        store: store.code, hour, occurredAt, december: period.months[day] === 11, first, end: period.end.getTime(),
      }));
      if (random.chance(dropout)) break;
    }
    // Before the first purchase the customer is only about to join: find the next open day.
    t += purchases.length === 0 ? random.exponential(1) : random.exponential(rate);
  }
  // Regulars loyal to their favourite collect for it: they redeem more often, and mostly the cheap rewards.
  const spending = createRandom(seed, n, WISH_STREAM);
  const wish = spending.chance(0.25 + 0.5 * habits.loyalty) ? spending.beta(1.2, 2.5) : null;
  return { n, profile, purchases, wish };
}

/** Customers 0 … count − 1, one at a time. */
export function* demoCustomers({ seed, count, period }: { seed: number; count: number; period: DemoPeriod }): Generator<DemoCustomer> {
  for (let n = 0; n < count; n++) yield demoCustomer({ seed, n, period });
}

/**
 * When the customer joins, in days from the start: the join rate grows linearly from
 * 0.6 to 1.4 of its mean over the period (the business grows), and stops a little
 * before the end so every customer has time for a first purchase.
 */
function joinDay(random: Random, days: number): number {
  const [a, b] = [0.6, 0.8]; // density a + b·x on [0, 1]; inverse of its CDF below
  const x = (-a + Math.sqrt(a * a + 2 * b * random.next() * (a + b / 2))) / b;
  return x * (days - 1) * 0.97;
}

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

const placeMax = new Map<string, number>();
/** The probability that a candidate visit on this day happens: the place's week and season, scaled to at most 1. */
function dayWeight({ store, channel, period, day }: { store: DemoStore; channel: DemoChannel; period: DemoPeriod; day: number }): number {
  const online = channel === 'online';
  const week = online ? ONLINE_WEEK : store.week;
  const december = online ? ONLINE_DECEMBER_BOOST : 1;
  const key = online ? 'online' : store.code;
  let max = placeMax.get(key);
  if (max === undefined) placeMax.set(key, (max = Math.max(...week) * Math.max(...SEASON.slice(0, 11), SEASON[11] * december)));
  const month = period.months[day];
  return (week[period.weekdays[day]] * SEASON[month] * (month === 11 ? december : 1)) / max;
}

const hourTables = new Map<string, (random: Random) => number>();
function timeOfDay({ random, store, channel, weekend }: { random: Random; store: DemoStore; channel: DemoChannel; weekend: boolean }): { hour: number; second: number } {
  const key = channel === 'online' ? 'online' : `${store.code}|${weekend}`;
  let table = hourTables.get(key);
  if (!table) {
    const [open, close] = weekend ? store.hours.weekend : store.hours.weekday;
    const shape = weekend ? WEEKEND_HOURS : WEEKDAY_HOURS;
    const weight = (h: number) => (channel === 'online' ? ONLINE_HOURS[h] : h >= open && h < close ? shape[h] * (h >= 18 ? store.evening : 1) : 0);
    table = weightedTable(Array.from({ length: 24 }, (_, h) => [h, weight(h)] as const));
    hourTables.set(key, table);
  }
  const hour = table(random);
  return { hour, second: hour * 3600 + random.int(0, 3599) };
}
