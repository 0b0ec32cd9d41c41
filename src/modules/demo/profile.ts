import type { DemoPeriod } from './calendar.ts';
import { emailSpelling, personName } from './names.ts';
import { mobileNumber } from './phones.ts';
import type { Random } from './random.ts';
import type { DemoLanguage, DemoStore } from './stores.ts';

// Who a demo customer is, as the POS or web shop would send it with the first purchase.
// Identities carry the seed, so two seeds in one database are two sets of people.

export interface DemoProfile {
  /** The loyalty card number. */
  external_id?: string;
  email?: string;
  phone?: string;
  first_name: string;
  last_name: string;
  birthday?: string;
  language: DemoLanguage;
  time_zone: string;
  home_store: string;
  tags?: string[];
  consent?: { email?: boolean; sms?: boolean };
}

const DOMAINS: readonly (readonly [string, number])[] = [['example.com', 60], ['example.org', 25], ['example.net', 15]]; // reserved by RFC 2606

export function demoProfile({ random, seed, n, store, period }: { random: Random; seed: number; n: number; store: DemoStore; period: DemoPeriod }): DemoProfile {
  const language = random.weighted(store.languages);
  const { first, last } = personName(random, language);
  const local = language === store.languages[0][0]; // speaks the country's language: has a local mobile more often

  const hasCard = random.chance(0.85);
  const hasPhone = random.chance(local ? 0.55 : 0.35);
  // Nobody is without an identity: a walk-in without a card signed up with an email.
  const hasEmail = random.chance(0.88) || (!hasCard && !hasPhone);
  const email = hasEmail ? `${emailStyle({ random, first, last })}.${seed}.${n}@${random.weighted(DOMAINS)}` : undefined;
  const phone = hasPhone ? mobileNumber({ country: store.country, seed, n }) : undefined;

  const age = Math.min(90, 18 + random.gamma(2.5, 8));
  const birthday = random.chance(0.85) ? birthdayAt({ random, age, end: period.end }) : undefined;
  const tags = [
    age < 26 && random.chance(0.4) ? 'student' : undefined,
    random.chance(0.06) ? 'vegan' : undefined,
    random.chance(0.03) ? 'office-catering' : undefined,
    random.chance(0.004) ? 'staff' : undefined,
  ].filter((t): t is string => t !== undefined);

  const consent: DemoProfile['consent'] = {};
  // ~60 % of all customers say yes to email and ~30 % to SMS, asked when they sign up.
  if (email) consent.email = random.chance(0.68);
  if (phone) consent.sms = random.chance(0.6);

  return {
    ...(hasCard ? { external_id: `demo-${seed}-${n}` } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    first_name: first,
    last_name: last,
    ...(birthday ? { birthday } : {}),
    language,
    time_zone: store.time_zone,
    home_store: store.code,
    ...(tags.length ? { tags } : {}),
    ...(email || phone ? { consent } : {}),
  };
}

function emailStyle({ random, first, last }: { random: Random; first: string; last: string }): string {
  const f = emailSpelling(first);
  const l = emailSpelling(last);
  return random.weighted([[`${f}.${l}`, 50], [`${f}${l}`, 20], [`${f[0]}${l}`, 20], [`${f}_${l}`, 10]] as const);
}

/** A real calendar date (29 February only in leap years) for someone of this age at the end. */
function birthdayAt({ random, age, end }: { random: Random; age: number; end: Date }): string {
  const year = end.getUTCFullYear() - Math.floor(age);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return new Date(Date.UTC(year, 0, 1 + random.int(0, daysInYear - 1))).toISOString().slice(0, 10);
}
