import type { Language } from '../../customers/index.ts';
import { pluralRules, type PluralForms } from '../../../shared/plural.ts';

// The sentence frames of the account's explanation (explain.ts), one set per language
// Regulars speaks. Apart from explain.ts so that each file stays readable: the frames
// are long, and every one exists five times. The values put in them arrive formatted
// for the language already (numbers with its decimal separator, days in its words, the
// program's names in it, an amount as it writes money and a share as it writes a
// percentage, sign and all: "€29.99", "29,99 €", "84,5 %", "%84,5"), so a frame only places them.
//
// A number of points stands with the points' name (the program's, else the product's
// word: program-names.ts pointsNameOf) in the form it takes with that number — `unit(n)`,
// "5 zrn", "21 зерно" — and only where the number is the subject or a label (the
// nominative the forms are written in): a frame whose number stood in another case ("od
// 40 točk", "из 40 балл.") says it as a label instead ("nakupu pripisano: 40 zrn"), and a
// number without the name ("odpuščeno: 5") needs no agreement.

/** The points' name in the form that agrees with `count`. */
export type Unit = (count: number) => string;

export type Rounding = 'floor' | 'nearest' | 'ceil';
// A release entry's `why` is written by reservations.ts: 'checkout reservation timed out', '… released' or '… partly captured'.
export type ReleaseReason = 'timed_out' | 'released' | 'not_spent';

export interface Phrases {
  /** `total`: the purchase's amount as the language writes money; `base`: the points before multipliers, as it writes the number; `count`: the same number, for the name's form. */
  purchase(p: { purchase: unknown; total: string; base: unknown; count: number; unit: Unit }): string;
  /** percent: the share as the language writes a percentage, sign and all (percentIn). */
  onShare(percent: string): string;
  /** A tier's points multiplier, by the tier's name in the language. */
  tierFactor(name: string): string;
  rounded(earned: unknown, rule: Rounding): string;
  /**
   * A purchase the daily cap cut short: the cap, its local day (formatted), the points it earned, and those other purchases
   * that day had earned — none (0) when the purchase went over the cap on its own, which is said so rather than as "others earned 0".
   */
  capped(p: { cap: number; day: string; points: number; before: number; unit: Unit }): string;
  /** A purchase the daily cap left without points (an entry of 0): other purchases that day had reached it. */
  cappedToNothing(p: { cap: number; day: string; unit: Unit }): string;
  /** A purchase below the program's minimum purchase (an entry of 0): the minimum, as the language writes money. */
  belowMinimum(minimum: string): string;
  firstPurchase(purchase: unknown): string;
  signUp: string;
  birthday(year: unknown): string;
  referral(role: 'referrer' | 'friend'): string;
  challenge(name: unknown): string;
  profileCompletion: string;
  survey: string;
  otherBonus(name: unknown): string;
  refund(p: { percent: string | null; points: number; credited: number; forgiven: number; expired: number; unit: Unit }): string;
  /**
   * A refund recorded with its own id, amount (as the language writes money) and order (entries written before only have the share).
   * `byLines`: its points were taken back by what the lines returned earned, each weighed by
   * the points multipliers that applied to it (refund-points.ts), at a share other than the amount's.
   */
  namedRefund(p: { refund: string; amount: string; purchase: string; percent: string; points: number; credited: number; forgiven: number; expired: number; byLines: boolean; unit: Unit }): string;
  /**
   * A refund that took nothing back (an entry of 0): the points it would take back had
   * expired already (`expired`), were spent and forgiven (`forgiven`, under refund_shortfall
   * forgive), or both; each part is said only when it is more than 0.
   */
  nothingTakenBack(p: { refund: string; amount: string; purchase: string; percent: string; credited: number; forgiven: number; expired: number; unit: Unit }): string;
  /** A referral revoked by a refund of the friend's qualifying purchase (the friend is told which; the referrer is not shown the friend's order). */
  /** `expired`: of the bonus, the points that had expired already and are not taken again (takeBonusBack). */
  referralTakenBack(p: { role: 'referrer' | 'friend'; purchase: unknown; forgiven: number; expired: number; unit: Unit }): string;
  /** A challenge completion revoked by a refund of one of its purchases: what is `left` of the `goal` it met. */
  challengeTakenBack(p: { name: unknown; purchase: unknown; left: number; goal: number; forgiven: number; expired: number; unit: Unit }): string;
  /**
   * A referral revoked, or a challenge completion, that took nothing of the bonus's
   * `credited` points (an entry of 0): they had expired already (`expired`), were spent and
   * forgiven (`forgiven`), or both — said as revoked, not as taken back.
   */
  referralRevokedNothingTaken(p: { role: 'referrer' | 'friend'; purchase: unknown; credited: number; forgiven: number; expired: number; unit: Unit }): string;
  challengeRevokedNothingTaken(p: { name: unknown; purchase: unknown; left: number; goal: number; credited: number; forgiven: number; expired: number; unit: Unit }): string;
  /** orderRef: the till's order, or null when it gave none (the sentence then names none). */
  held(orderRef: string | null): string;
  /** A checkout reservation captured: the order went through and the held points paid for it. */
  spent(orderRef: string | null): string;
  redeemed(reward: unknown, what: { giftCard: string } | { coupon: string }): string;
  /** why: the reservation timed out, was released at the till, or was captured for fewer points (not_spent: the rest came back); null in entries that kept no reason */
  released(why: ReleaseReason | null): string;
  expiredInactivity(months: unknown): string;
  expiredAge(months: unknown): string;
  /** An expiry the sweep wrote that a refund dated before it undid (refunds/expiry-of-lots.ts): `refund` is its id, null when unknown. */
  expiryUndone(refund: string | null): string;
  adjustment(byMerge: boolean, reason: string): string;
  /** A once-per-person bonus the person had twice, taken back when their two customers were merged: `bonus` is the bonus as its own entry says it. */
  duplicateTakenBack(p: { bonus: string; forgiven: number; unit: Unit }): string;
  /** After a take-back's sentence: `points` it could not take because the customer's erasure had forfeited them (not spent). */
  forfeitedAtErasure(points: number, unit: Unit): string;
  /**
   * A merge's transfer: `in`, the points (or, `debt`, the points owed) of a record merged
   * into this one; `out`, this record's moved to the one it was merged into. `who`: that
   * record's name or card number, null when none is known (an erased person's).
   */
  mergeMoved(p: { direction: 'in' | 'out'; debt: boolean; who: string | null }): string;
  /** After a credit still in its holding period: how many of its points, and the day (formatted) they can be spent. */
  pending(points: number, from: string, unit: Unit): string;
  /** Which lots an expiry took: a purchase's by the purchase (its order id), another credit by the day it was earned. */
  expiredFrom(lots: { points: number; purchase: string | null; day: string }[]): string;
  /**
   * After a debit shown where it was recorded rather than at its own date (explain.ts
   * shownOrder: a refund dated before a redemption it was recorded after): that date, formatted.
   */
  recordedLater(dated: string): string;
}

const withReason = (head: string, reason: string) => (reason ? `${head}: ${reason}` : `${head}:`);
// Points already spent and forgiven, as a label before the number ("5 že porabljenih" and
// "1 уже потраченных" agreed with no number but 5); Turkish with the name.
const slForgiven = (forgiven: number) => (forgiven ? `; že porabljeno in odpuščeno: ${forgiven}` : '');
const ruForgiven = (forgiven: number) => (forgiven ? `; уже потрачено и прощено: ${forgiven}` : '');
const trForgiven = (forgiven: number, unit: Unit) => (forgiven ? `; zaten harcanmış ${forgiven} ${unit(forgiven)} silindi` : '');
// A checkout's order in brackets after the sentence; a reservation made without one shows no
// id at all (its own id means nothing to a member).
/** "1 month", "2 meseca", "5 måneder": the number of months with the word in the form it takes after it in `language`. */
const monthsIn = (language: Language, months: unknown, forms: PluralForms) =>
  `${months} ${forms[pluralRules(language).select(Number(months))] ?? forms.other}`;

// Why a revoked bonus took nothing (an entry of 0): all of it expired, all of it spent and
// forgiven, or some of each (then the bonus, and each part as a label).
type NothingTaken = { credited: number; forgiven: number; expired: number; unit: Unit };
const enNothing = ({ credited, forgiven, expired, unit }: NothingTaken) => (expired === credited ? `its ${credited} ${unit(credited)} had expired already, nothing taken`
  : forgiven === credited ? `its ${credited} ${unit(credited)} had been spent already: forgiven, nothing taken`
  : `nothing taken of its ${credited} ${unit(credited)}${listed([expired ? `${expired} had expired already` : '', forgiven ? `${forgiven} already spent and forgiven` : ''])}`);
const slNothing = ({ credited, forgiven, expired, unit }: NothingTaken) => (expired === credited ? `nič ni odvzeto, ker je že poteklo: ${credited} ${unit(credited)}`
  : forgiven === credited ? `nič ni odvzeto, ker je bilo že porabljeno in odpuščeno: ${credited} ${unit(credited)}`
  : `bonus: ${credited} ${unit(credited)}; nič ni odvzeto${expired ? `; že poteklo: ${expired}` : ''}${slForgiven(forgiven)}`);
const trNothing = ({ credited, forgiven, expired, unit }: NothingTaken) => (expired === credited ? `hiçbiri geri alınmadı: bonustaki ${credited} ${unit(credited)} zaten geçerliliğini yitirmişti`
  : forgiven === credited ? `hiçbiri geri alınmadı: bonustaki ${credited} ${unit(credited)} zaten harcanmıştı ve silindi`
  : `bonustaki ${credited} ${unit(credited)} içinden hiçbiri geri alınmadı${expired ? `; süresi zaten dolmuş ${expired} ${unit(expired)} yeniden geri alınmadı` : ''}${trForgiven(forgiven, unit)}`);
const daNothing = ({ credited, forgiven, expired, unit }: NothingTaken) => (expired === credited ? `dens ${credited} ${unit(credited)} var allerede udløbet, intet trukket tilbage`
  : forgiven === credited ? `dens ${credited} ${unit(credited)} var allerede brugt og eftergives, intet trukket tilbage`
  : `intet af dens ${credited} ${unit(credited)} trukket tilbage${listed([expired ? `${expired} var allerede udløbet` : '', forgiven ? `${forgiven} allerede brugt og eftergivet` : ''])}`);
const ruNothing = ({ credited, forgiven, expired, unit }: NothingTaken) => (expired === credited ? `ничего не списано, так как уже сгорело: ${credited} ${unit(credited)}`
  : forgiven === credited ? `ничего не списано, так как уже потрачено и прощено: ${credited} ${unit(credited)}`
  : `начислено: ${credited} ${unit(credited)}; ничего не списано${expired ? `; уже сгорело: ${expired}` : ''}${ruForgiven(forgiven)}`);

const orderOf = (orderRef: string | null) => (orderRef ? ` (${orderRef})` : '');
// Why nothing was taken back, after a colon; none when the reason follows the sentence (forfeitedAtErasure).
const listed = (reasons: string[]) => (reasons.some(Boolean) ? `: ${reasons.filter(Boolean).join('; ')}` : '');

export const PHRASES: Record<Language, Phrases> = {
  en: {
    purchase: ({ purchase, total, base, count, unit }) => `Purchase ${purchase}: ${total} → ${base} ${unit(count)}`,
    onShare: (percent) => ` (on ${percent} of the basket)`,
    tierFactor: (name) => `${name} tier`,
    rounded: (earned, rule) => ` → ${earned} (${rule})`,
    capped: ({ cap, day, points, before, unit }) => before > 0
      ? `; only ${points} earned: other purchases on ${day} had already earned ${before} of the daily cap of ${cap} ${unit(cap)}`
      : `; only ${points} earned: this purchase alone went over the daily cap of ${cap} ${unit(cap)} for ${day}`,
    cappedToNothing: ({ cap, day, unit }) => `; none earned: the daily cap of ${cap} ${unit(cap)} for ${day} was already reached by other purchases that day`,
    belowMinimum: (minimum) => `; none earned: below the minimum purchase of ${minimum}`,
    firstPurchase: (purchase) => `First purchase bonus (${purchase})`,
    signUp: 'Welcome bonus for joining',
    birthday: (year) => `Birthday bonus ${year ?? ''}`.trim(),
    referral: (role) => `Referral bonus (${role === 'referrer' ? 'a friend you referred made a first purchase' : 'you joined through a friend'})`,
    challenge: (name) => `Challenge completed: ${name}`,
    profileCompletion: 'Bonus for completing the profile',
    survey: 'Thank-you for answering a survey',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven, expired, unit }) =>
      `Refund: ${percent === null ? 'refund' : `${percent} of the purchase refunded`}, ${points} of its ${credited} ${unit(credited)} taken back${forgiven ? `; ${forgiven} already spent and forgiven` : ''}${expired ? `; ${expired} had expired already and are not taken again` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired, byLines, unit }) =>
      `Refund ${refund} of ${amount} on purchase ${purchase} (${percent} of it refunded in all): ${points} of its ${credited} ${unit(credited)} taken back${byLines ? ', the lines returned weighed by their points multipliers' : ''}${forgiven ? `; ${forgiven} already spent and forgiven` : ''}${expired ? `; ${expired} had expired already and are not taken again` : ''}`,
    nothingTakenBack: ({ refund, amount, purchase, percent, credited, forgiven, expired, unit }) =>
      `Refund ${refund} of ${amount} on purchase ${purchase} (${percent} of it refunded in all): nothing taken back of its ${credited} ${unit(credited)}${listed([
        expired ? `${expired} ${unit(expired)} to take back had expired already` : '', forgiven ? `${forgiven} already spent and forgiven` : '',
      ])}`,
    referralTakenBack: ({ role, purchase, forgiven, expired }) =>
      `Referral bonus taken back: ${role === 'friend' ? `the qualifying purchase ${purchase} was refunded` : "your friend's qualifying purchase was refunded"}${forgiven ? `; ${forgiven} already spent and forgiven` : ''}${expired ? `; ${expired} had expired already and are not taken again` : ''}`,
    challengeTakenBack: ({ name, purchase, left, goal, forgiven, expired }) =>
      `Challenge bonus taken back: ${name}; purchase ${purchase} was refunded, leaving ${left} of the ${goal} it needs${forgiven ? `; ${forgiven} already spent and forgiven` : ''}${expired ? `; ${expired} had expired already and are not taken again` : ''}`,
    referralRevokedNothingTaken: ({ role, purchase, ...nothing }) =>
      `Referral bonus revoked (${role === 'friend' ? `the qualifying purchase ${purchase} was refunded` : "your friend's qualifying purchase was refunded"}): ${enNothing(nothing)}`,
    challengeRevokedNothingTaken: ({ name, purchase, left, goal, ...nothing }) =>
      `Challenge bonus revoked: ${name}; purchase ${purchase} was refunded, leaving ${left} of the ${goal} it needs; ${enNothing(nothing)}`,
    held: (orderRef) => `Points held at checkout${orderOf(orderRef)}`,
    spent: (orderRef) => `Points spent at checkout${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Reward redeemed: ${reward} (${'giftCard' in what ? `gift card ${what.giftCard}` : `coupon ${what.coupon}`})`,
    released: (why) => `Points returned: ${{ timed_out: 'checkout reservation timed out', released: 'checkout reservation released', not_spent: 'not spent by the order at checkout', unknown: 'reservation released' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Expired: no purchase for ${monthsIn('en', months, { one: 'month', other: 'months' })}`,
    expiredAge: (months) => `Expired: points earned more than ${months == null ? 'the allowed months' : monthsIn('en', months, { one: 'month', other: 'months' })} ago`,
    expiryUndone: (refund) => `Expiry undone: refund${refund ? ` ${refund}` : ''} was dated before these points expired, so it takes them back instead`,
    adjustment: (byMerge, reason) => `Adjustment by ${byMerge ? 'merge' : 'staff'}: ${reason}`.trim(),
    duplicateTakenBack: ({ bonus, forgiven }) => `Taken back, given twice to one person (customers merged): ${bonus}; the earlier one stays${forgiven ? `; ${forgiven} already spent and forgiven` : ''}`,
    forfeitedAtErasure: (points, unit) => `; ${points} ${unit(points)} forfeited when the customer was erased`,
    mergeMoved: ({ direction, debt, who }) => (direction === 'in'
      ? `Merged in from ${who ? `the record of ${who}` : 'a duplicate record'}: ${debt ? 'the points it owed' : 'its points'} moved here`
      : `Merged into ${who ? `the record of ${who}` : 'another record'}: ${debt ? 'the points owed' : 'the points'} moved there`),
    pending: (points, from) => `; ${points} pending, spendable from ${from}`,
    expiredFrom: (lots) => ` (${lots.map((l) => (l.purchase ? `${l.points} of purchase ${l.purchase}` : `${l.points} earned on ${l.day}`)).join(', ')})`,
    recordedLater: (dated) => `; dated ${dated}, recorded later`,
  },
  sl: {
    purchase: ({ purchase, total, base, count, unit }) => `Nakup ${purchase}: ${total} → ${base} ${unit(count)}`,
    onShare: (percent) => ` (na ${percent} košarice)`,
    tierFactor: (name) => `raven ${name}`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'zaokroženo navzdol', nearest: 'zaokroženo na najbližje', ceil: 'zaokroženo navzgor' }[rule]})`,
    capped: ({ cap, day, points, before, unit }) => before > 0
      ? `; dnevna omejitev za ${day} (${cap} ${unit(cap)}) je dopustila še ${points}, ker so drugi nakupi tega dne prinesli že ${before}`
      : `; pripisano le ${points}: ta nakup je sam presegel dnevno omejitev za ${day} (${cap} ${unit(cap)})`,
    cappedToNothing: ({ cap, day, unit }) => `; nič ni pripisano: dnevno omejitev za ${day} (${cap} ${unit(cap)}) so drugi nakupi tega dne že dosegli`,
    belowMinimum: (minimum) => `; nič ni pripisano: nakup ne dosega najnižjega zneska nakupa ${minimum}`,
    firstPurchase: (purchase) => `Bonus za prvi nakup (${purchase})`,
    signUp: 'Bonus dobrodošlice ob včlanitvi',
    birthday: (year) => `Rojstnodnevni bonus ${year ?? ''}`.trim(),
    referral: (role) => `Bonus za priporočilo (${role === 'referrer' ? 'prijatelj, ki ste ga priporočili, je opravil prvi nakup' : 'včlanili ste se na priporočilo prijatelja'})`,
    challenge: (name) => `Izziv opravljen: ${name}`,
    profileCompletion: 'Bonus za izpolnjen profil',
    survey: 'Zahvala za izpolnjeno anketo',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven, expired, unit }) =>
      `Vračilo: ${percent === null ? 'vračilo' : `vrnjenih ${percent} nakupa`}; nakupu pripisano: ${credited} ${unit(credited)}, odvzeto: ${points}${slForgiven(forgiven)}${expired ? `; že poteklo, ne odvzamemo znova: ${expired}` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired, byLines, unit }) =>
      `Vračilo ${refund} v znesku ${amount} za nakup ${purchase} (skupaj vrnjenih ${percent} nakupa); nakupu pripisano: ${credited} ${unit(credited)}, odvzeto: ${points}${byLines ? ' (vrnjene postavke, utežene z njihovimi množitelji točk)' : ''}${slForgiven(forgiven)}${expired ? `; že poteklo, ne odvzamemo znova: ${expired}` : ''}`,
    nothingTakenBack: ({ refund, amount, purchase, percent, credited, forgiven, expired, unit }) =>
      `Vračilo ${refund} v znesku ${amount} za nakup ${purchase} (skupaj vrnjenih ${percent} nakupa); nakupu pripisano: ${credited} ${unit(credited)}; ${
        expired ? `nič ni odvzeto, ker je že poteklo: ${expired} ${unit(expired)}${slForgiven(forgiven)}` : `nič ni odvzeto${slForgiven(forgiven)}`}`,
    referralTakenBack: ({ role, purchase, forgiven, expired }) =>
      `Bonus za priporočilo odvzet: ${role === 'friend' ? `nakup ${purchase}, s katerim ste ga prejeli, je bil vrnjen` : 'nakup prijatelja, ki ste ga priporočili, je bil vrnjen'}${slForgiven(forgiven)}${expired ? `; že poteklo, ne odvzamemo znova: ${expired}` : ''}`,
    challengeTakenBack: ({ name, purchase, left, goal, forgiven, expired }) =>
      `Bonus za izziv odvzet: ${name}; nakup ${purchase} je bil vrnjen, izziv ni več opravljen (${left} od ${goal})${slForgiven(forgiven)}${expired ? `; že poteklo, ne odvzamemo znova: ${expired}` : ''}`,
    referralRevokedNothingTaken: ({ role, purchase, ...nothing }) =>
      `Bonus za priporočilo preklican (${role === 'friend' ? `nakup ${purchase}, s katerim ste ga prejeli, je bil vrnjen` : 'nakup prijatelja, ki ste ga priporočili, je bil vrnjen'}): ${slNothing(nothing)}`,
    challengeRevokedNothingTaken: ({ name, purchase, left, goal, ...nothing }) =>
      `Bonus za izziv preklican: ${name}; nakup ${purchase} je bil vrnjen, izziv ni več opravljen (${left} od ${goal}); ${slNothing(nothing)}`,
    held: (orderRef) => `Točke zadržane na blagajni${orderOf(orderRef)}`,
    spent: (orderRef) => `Točke porabljene na blagajni${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Unovčena nagrada: ${reward} (${'giftCard' in what ? `darilna kartica ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Točke vrnjene: ${{ timed_out: 'rezervacija na blagajni je potekla', released: 'rezervacija na blagajni sproščena', not_spent: 'naročilo na blagajni jih ni porabilo', unknown: 'rezervacija sproščena' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Poteklo: ${monthsIn('sl', months, { one: 'mesec', two: 'meseca', few: 'mesece', other: 'mesecev' })} brez nakupa`,
    expiredAge: (months) => `Poteklo: točke, zbrane pred več kot ${months == null ? 'dovoljenimi meseci' : monthsIn('sl', months, { one: 'mesecem', two: 'mesecema', few: 'meseci', other: 'meseci' })}`,
    expiryUndone: (refund) => `Potek razveljavljen: vračilo${refund ? ` ${refund}` : ''} je datirano pred potekom teh točk, zato jih namesto tega odvzame vračilo`,
    adjustment: (byMerge, reason) => withReason(`Popravek (${byMerge ? 'združitev strank' : 'osebje'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Odvzeto, ista oseba ga je prejela dvakrat (združeni stranki): ${bonus}; ostane prejšnji${slForgiven(forgiven)}`,
    forfeitedAtErasure: (points) => `; razveljavljeno ob izbrisu stranke: ${points}`,
    mergeMoved: ({ direction, debt, who }) => (direction === 'in'
      ? `Združeno iz ${who ? `zapisa stranke ${who}` : 'podvojenega zapisa'}: ${debt ? 'njen dolg točk prenesen sem' : 'njene točke prenesene sem'}`
      : `Združeno v ${who ? `zapis stranke ${who}` : 'drug zapis'}: ${debt ? 'dolg točk prenesen tja' : 'točke prenesene tja'}`),
    pending: (points, from) => `; ${points} v čakanju, na voljo od ${from}`,
    expiredFrom: (lots) => ` (${lots.map((l) => (l.purchase ? `${l.points} iz nakupa ${l.purchase}` : `${l.points} z dne ${l.day}`)).join(', ')})`,
    recordedLater: (dated) => `; z datumom ${dated}, zabeleženo pozneje`,
  },
  tr: {
    purchase: ({ purchase, total, base, count, unit }) => `Alışveriş ${purchase}: ${total} → ${base} ${unit(count)}`,
    onShare: (percent) => ` (sepetin ${percent} kısmına)`,
    tierFactor: (name) => `${name} seviyesi`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'aşağı yuvarlandı', nearest: 'en yakına yuvarlandı', ceil: 'yukarı yuvarlandı' }[rule]})`,
    capped: ({ cap, day, points, before, unit }) => before > 0
      ? `; ${day} için günlük ${cap} ${unit(cap)} sınırı: o günün diğer alışverişleri ${before} ${unit(before)} kazandırdığından ${points} ${unit(points)} kazanıldı`
      : `; yalnızca ${points} ${unit(points)} kazanıldı: bu alışveriş ${day} için günlük ${cap} ${unit(cap)} sınırını tek başına aştı`,
    cappedToNothing: ({ cap, day, unit }) => `; hiç kazanılmadı: ${day} için günlük ${cap} ${unit(cap)} sınırına o günün diğer alışverişleriyle zaten ulaşılmıştı`,
    belowMinimum: (minimum) => `; hiç kazanılmadı: alışveriş en düşük alışveriş tutarının (${minimum}) altında kaldı`,
    firstPurchase: (purchase) => `İlk alışveriş bonusu (${purchase})`,
    signUp: 'Katılım hoş geldin bonusu',
    birthday: (year) => `Doğum günü bonusu ${year ?? ''}`.trim(),
    referral: (role) => `Tavsiye bonusu (${role === 'referrer' ? 'tavsiye ettiğiniz arkadaşınız ilk alışverişini yaptı' : 'bir arkadaşınızın tavsiyesiyle katıldınız'})`,
    challenge: (name) => `Görev tamamlandı: ${name}`,
    profileCompletion: 'Profili tamamlama bonusu',
    survey: 'Anketi yanıtladığınız için teşekkür',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven, expired, unit }) =>
      `İade: ${percent === null ? 'iade' : `alışverişin ${percent} kadarı iade edildi`}; alışverişin kazandırdığı: ${credited} ${unit(credited)}, geri alınan: ${points}${trForgiven(forgiven, unit)}${expired ? `; süresi zaten dolmuş ${expired} ${unit(expired)} yeniden geri alınmadı` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired, byLines, unit }) =>
      `${purchase} alışverişinin ${amount} tutarındaki ${refund} iadesi (toplamda alışverişin ${percent} kadarı iade edildi); alışverişin kazandırdığı: ${credited} ${unit(credited)}, geri alınan: ${points}${byLines ? ' (iade edilen kalemler puan çarpanlarıyla ağırlıklandırıldı)' : ''}${trForgiven(forgiven, unit)}${expired ? `; süresi zaten dolmuş ${expired} ${unit(expired)} yeniden geri alınmadı` : ''}`,
    nothingTakenBack: ({ refund, amount, purchase, percent, credited, forgiven, expired, unit }) =>
      `${purchase} alışverişinin ${amount} tutarındaki ${refund} iadesi (toplamda alışverişin ${percent} kadarı iade edildi); alışverişin kazandırdığı: ${credited} ${unit(credited)}; hiçbiri geri alınmadı${
        expired ? `: geri alınacak ${expired} ${unit(expired)} zaten geçerliliğini yitirmişti` : ''}${trForgiven(forgiven, unit)}`,
    referralTakenBack: ({ role, purchase, forgiven, expired, unit }) =>
      `Tavsiye bonusu geri alındı: ${role === 'friend' ? `bonusu kazandıran ${purchase} alışverişi iade edildi` : 'tavsiye ettiğiniz arkadaşınızın bonusu kazandıran alışverişi iade edildi'}${trForgiven(forgiven, unit)}${expired ? `; süresi zaten dolmuş ${expired} ${unit(expired)} yeniden geri alınmadı` : ''}`,
    challengeTakenBack: ({ name, purchase, left, goal, forgiven, expired, unit }) =>
      `Görev bonusu geri alındı: ${name}; ${purchase} alışverişi iade edildi, görev artık tamamlanmış sayılmıyor (${left}/${goal})${trForgiven(forgiven, unit)}${expired ? `; süresi zaten dolmuş ${expired} ${unit(expired)} yeniden geri alınmadı` : ''}`,
    referralRevokedNothingTaken: ({ role, purchase, ...nothing }) =>
      `Tavsiye bonusu iptal edildi (${role === 'friend' ? `bonusu kazandıran ${purchase} alışverişi iade edildi` : 'tavsiye ettiğiniz arkadaşınızın bonusu kazandıran alışverişi iade edildi'}): ${trNothing(nothing)}`,
    challengeRevokedNothingTaken: ({ name, purchase, left, goal, ...nothing }) =>
      `Görev bonusu iptal edildi: ${name}; ${purchase} alışverişi iade edildi, görev artık tamamlanmış sayılmıyor (${left}/${goal}); ${trNothing(nothing)}`,
    held: (orderRef) => `Ödemede ayrılan puanlar${orderOf(orderRef)}`,
    spent: (orderRef) => `Ödemede harcanan puanlar${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Ödül kullanıldı: ${reward} (${'giftCard' in what ? `hediye kartı ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Puanlar iade edildi: ${{ timed_out: 'ödeme rezervasyonunun süresi doldu', released: 'ödeme rezervasyonu serbest bırakıldı', not_spent: 'ödemede siparişte kullanılmadı', unknown: 'rezervasyon serbest bırakıldı' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Süresi doldu: ${months} aydır alışveriş yok`,
    expiredAge: (months) => `Süresi doldu: ${months ?? 'izin verilen'} aydan daha önce kazanılan puanlar`,
    expiryUndone: (refund) => `Süre dolumu geri alındı: iade${refund ? ` ${refund}` : ''} bu puanların süresi dolmadan önce tarihli, puanları onun yerine iade geri alıyor`,
    adjustment: (byMerge, reason) => withReason(`Düzeltme (${byMerge ? 'müşteri birleştirme' : 'personel'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven, unit }) => `Geri alındı, aynı kişiye iki kez verilmişti (müşteriler birleştirildi): ${bonus}; önceki kalır${trForgiven(forgiven, unit)}`,
    forfeitedAtErasure: (points, unit) => `; müşteri silindiğinde ${points} ${unit(points)} zaten iptal edilmişti`,
    mergeMoved: ({ direction, debt, who }) => (direction === 'in'
      ? `${who ? `${who} kaydından` : 'Yinelenen bir kayıttan'} birleştirildi: ${debt ? 'o kaydın puan borcu' : 'o kaydın puanları'} buraya aktarıldı`
      : `${who ? `${who} kaydıyla` : 'Başka bir kayıtla'} birleştirildi: ${debt ? 'puan borcu' : 'puanlar'} oraya aktarıldı`),
    pending: (points, from, unit) => `; ${points} ${unit(points)} beklemede, ${from} tarihinden itibaren kullanılabilir`,
    expiredFrom: (lots) => ` (${lots.map((l) => (l.purchase ? `${l.purchase} alışverişinden ${l.points}` : `${l.day} tarihinde kazanılan ${l.points}`)).join(', ')})`,
    recordedLater: (dated) => `; ${dated} tarihli, sonradan kaydedildi`,
  },
  da: {
    purchase: ({ purchase, total, base, count, unit }) => `Køb ${purchase}: ${total} → ${base} ${unit(count)}`,
    onShare: (percent) => ` (på ${percent} af kurven)`,
    tierFactor: (name) => `niveau ${name}`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'rundet ned', nearest: 'rundet til nærmeste', ceil: 'rundet op' }[rule]})`,
    capped: ({ cap, day, points, before, unit }) => before > 0
      ? `; dagsloftet på ${cap} ${unit(cap)} for ${day} gav plads til ${points}: andre køb samme dag havde allerede givet ${before}`
      : `; kun ${points} optjent: dette køb alene gik over dagsloftet på ${cap} ${unit(cap)} for ${day}`,
    cappedToNothing: ({ cap, day, unit }) => `; intet optjent: dagsloftet på ${cap} ${unit(cap)} for ${day} var allerede nået med andre køb samme dag`,
    belowMinimum: (minimum) => `; intet optjent: købet er under minimumsbeløbet på ${minimum}`,
    firstPurchase: (purchase) => `Bonus for første køb (${purchase})`,
    signUp: 'Velkomstbonus for at melde sig ind',
    birthday: (year) => `Fødselsdagsbonus ${year ?? ''}`.trim(),
    referral: (role) => `Henvisningsbonus (${role === 'referrer' ? 'en ven, du henviste, har foretaget sit første køb' : 'du meldte dig ind via en ven'})`,
    challenge: (name) => `Udfordring gennemført: ${name}`,
    profileCompletion: 'Bonus for at udfylde profilen',
    survey: 'Tak for at svare på en undersøgelse',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven, expired, unit }) =>
      `Refundering: ${percent === null ? 'refundering' : `${percent} af købet refunderet`}, ${points} af købets ${credited} ${unit(credited)} trukket tilbage${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}${expired ? `; ${expired} var allerede udløbet og trækkes ikke tilbage igen` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired, byLines, unit }) =>
      `Refundering ${refund} på ${amount} af købet ${purchase} (i alt ${percent} af købet refunderet): ${points} af købets ${credited} ${unit(credited)} trukket tilbage${byLines ? ', de returnerede linjer vægtet med deres pointmultiplikatorer' : ''}${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}${expired ? `; ${expired} var allerede udløbet og trækkes ikke tilbage igen` : ''}`,
    nothingTakenBack: ({ refund, amount, purchase, percent, credited, forgiven, expired, unit }) =>
      `Refundering ${refund} på ${amount} af købet ${purchase} (i alt ${percent} af købet refunderet): intet af købets ${credited} ${unit(credited)} trukket tilbage${listed([
        expired ? `${expired} ${unit(expired)}, der skulle trækkes tilbage, var allerede udløbet` : '', forgiven ? `${forgiven} allerede brugt og eftergivet` : '',
      ])}`,
    referralTakenBack: ({ role, purchase, forgiven, expired }) =>
      `Henvisningsbonus trukket tilbage: ${role === 'friend' ? `det kvalificerende køb ${purchase} blev refunderet` : 'din vens kvalificerende køb blev refunderet'}${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}${expired ? `; ${expired} var allerede udløbet og trækkes ikke tilbage igen` : ''}`,
    challengeTakenBack: ({ name, purchase, left, goal, forgiven, expired }) =>
      `Udfordringsbonus trukket tilbage: ${name}; købet ${purchase} blev refunderet, så udfordringen ikke længere er gennemført (${left} af ${goal})${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}${expired ? `; ${expired} var allerede udløbet og trækkes ikke tilbage igen` : ''}`,
    referralRevokedNothingTaken: ({ role, purchase, ...nothing }) =>
      `Henvisningsbonus annulleret (${role === 'friend' ? `det kvalificerende køb ${purchase} blev refunderet` : 'din vens kvalificerende køb blev refunderet'}): ${daNothing(nothing)}`,
    challengeRevokedNothingTaken: ({ name, purchase, left, goal, ...nothing }) =>
      `Udfordringsbonus annulleret: ${name}; købet ${purchase} blev refunderet, så udfordringen ikke længere er gennemført (${left} af ${goal}); ${daNothing(nothing)}`,
    held: (orderRef) => `Point reserveret ved kassen${orderOf(orderRef)}`,
    spent: (orderRef) => `Point brugt ved kassen${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Belønning indløst: ${reward} (${'giftCard' in what ? `gavekort ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Point returneret: ${{ timed_out: 'reservationen ved kassen udløb', released: 'reservationen ved kassen blev frigivet', not_spent: 'ikke brugt på ordren ved kassen', unknown: 'reservation frigivet' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Udløbet: intet køb i ${monthsIn('da', months, { one: 'måned', other: 'måneder' })}`,
    expiredAge: (months) => `Udløbet: point optjent for mere end ${months == null ? 'det tilladte antal måneder' : monthsIn('da', months, { one: 'måned', other: 'måneder' })} siden`,
    expiryUndone: (refund) => `Udløb annulleret: refusionen${refund ? ` ${refund}` : ''} er dateret før disse point udløb, så refusionen trækker dem tilbage i stedet`,
    adjustment: (byMerge, reason) => withReason(`Justering (${byMerge ? 'sammenlægning' : 'personale'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Trukket tilbage, givet to gange til samme person (kunder lagt sammen): ${bonus}; den første beholdes${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}`,
    forfeitedAtErasure: (points, unit) => `; ${points} ${unit(points)} fortabt, da kunden blev slettet`,
    mergeMoved: ({ direction, debt, who }) => (direction === 'in'
      ? `Lagt sammen fra ${who ? `kundeposten for ${who}` : 'en dubleret kundepost'}: ${debt ? 'dens gæld i point' : 'dens point'} flyttet hertil`
      : `Lagt sammen med ${who ? `kundeposten for ${who}` : 'en anden kundepost'}: ${debt ? 'gælden i point' : 'pointene'} flyttet dertil`),
    pending: (points, from) => `; ${points} afventende, kan bruges fra ${from}`,
    expiredFrom: (lots) => ` (${lots.map((l) => (l.purchase ? `${l.points} fra køb ${l.purchase}` : `${l.points} optjent ${l.day}`)).join(', ')})`,
    recordedLater: (dated) => `; dateret ${dated}, registreret senere`,
  },
  ru: {
    purchase: ({ purchase, total, base, count, unit }) => `Покупка ${purchase}: ${total} → ${base} ${unit(count)}`,
    onShare: (percent) => ` (на ${percent} корзины)`,
    tierFactor: (name) => `уровень ${name}`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'округлено вниз', nearest: 'округлено до ближайшего', ceil: 'округлено вверх' }[rule]})`,
    capped: ({ cap, day, points, before, unit }) => before > 0
      ? `; дневной лимит на ${day} (${cap} ${unit(cap)}) оставил ${points}: другие покупки в этот день уже принесли ${before}`
      : `; начислено только ${points}: одна эта покупка превысила дневной лимит на ${day} (${cap} ${unit(cap)})`,
    cappedToNothing: ({ cap, day, unit }) => `; ничего не начислено: дневной лимит на ${day} (${cap} ${unit(cap)}) уже исчерпан другими покупками в этот день`,
    belowMinimum: (minimum) => `; ничего не начислено: сумма покупки меньше минимальной (${minimum})`,
    firstPurchase: (purchase) => `Бонус за первую покупку (${purchase})`,
    signUp: 'Приветственный бонус за вступление',
    birthday: (year) => `Бонус ко дню рождения ${year ?? ''}`.trim(),
    referral: (role) => `Бонус за приглашение (${role === 'referrer' ? 'приглашённый вами друг совершил первую покупку' : 'вы присоединились по приглашению друга'})`,
    challenge: (name) => `Задание выполнено: ${name}`,
    profileCompletion: 'Бонус за заполненный профиль',
    survey: 'Спасибо за участие в опросе',
    otherBonus: (name) => `Бонус: ${name}`,
    refund: ({ percent, points, credited, forgiven, expired, unit }) =>
      `Возврат: ${percent === null ? 'возврат' : `возвращено ${percent} покупки`}; начислено за покупку: ${credited} ${unit(credited)}, списано: ${points}${ruForgiven(forgiven)}${expired ? `; уже сгорело и не списывается повторно: ${expired}` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired, byLines, unit }) =>
      `Возврат ${refund} на сумму ${amount} по покупке ${purchase} (всего возвращено ${percent} покупки); начислено за покупку: ${credited} ${unit(credited)}, списано: ${points}${byLines ? ' (возвращённые позиции взвешены по их множителям баллов)' : ''}${ruForgiven(forgiven)}${expired ? `; уже сгорело и не списывается повторно: ${expired}` : ''}`,
    nothingTakenBack: ({ refund, amount, purchase, percent, credited, forgiven, expired, unit }) =>
      `Возврат ${refund} на сумму ${amount} по покупке ${purchase} (всего возвращено ${percent} покупки); начислено за покупку: ${credited} ${unit(credited)}; ${
        expired ? `ничего не списано, так как уже сгорело: ${expired} ${unit(expired)}` : 'ничего не списано'}${ruForgiven(forgiven)}`,
    referralTakenBack: ({ role, purchase, forgiven, expired }) =>
      `Бонус за приглашение списан: ${role === 'friend' ? `покупка ${purchase}, за которую он был начислен, возвращена` : 'приглашённый вами друг вернул покупку, за которую был начислен бонус'}${ruForgiven(forgiven)}${expired ? `; уже сгорело и не списывается повторно: ${expired}` : ''}`,
    challengeTakenBack: ({ name, purchase, left, goal, forgiven, expired }) =>
      `Бонус за задание списан: ${name}; покупка ${purchase} возвращена, задание больше не выполнено (${left} из ${goal})${ruForgiven(forgiven)}${expired ? `; уже сгорело и не списывается повторно: ${expired}` : ''}`,
    referralRevokedNothingTaken: ({ role, purchase, ...nothing }) =>
      `Бонус за приглашение отменён (${role === 'friend' ? `покупка ${purchase}, за которую он был начислен, возвращена` : 'приглашённый вами друг вернул покупку, за которую был начислен бонус'}): ${ruNothing(nothing)}`,
    challengeRevokedNothingTaken: ({ name, purchase, left, goal, ...nothing }) =>
      `Бонус за задание отменён: ${name}; покупка ${purchase} возвращена, задание больше не выполнено (${left} из ${goal}); ${ruNothing(nothing)}`,
    held: (orderRef) => `Баллы зарезервированы на кассе${orderOf(orderRef)}`,
    spent: (orderRef) => `Баллы списаны на кассе${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Награда получена: ${reward} (${'giftCard' in what ? `подарочная карта ${what.giftCard}` : `купон ${what.coupon}`})`,
    released: (why) => `Баллы возвращены: ${{ timed_out: 'резерв на кассе истёк', released: 'резерв на кассе снят', not_spent: 'не потрачены на заказ на кассе', unknown: 'резерв снят' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Сгорели: нет покупок ${months} мес.`,
    expiredAge: (months) => `Сгорели: баллы начислены более ${months ?? 'допустимого числа'} мес. назад`,
    expiryUndone: (refund) => `Сгорание отменено: возврат${refund ? ` ${refund}` : ''} датирован раньше, чем сгорели эти баллы, поэтому их списывает возврат`,
    adjustment: (byMerge, reason) => withReason(`Корректировка (${byMerge ? 'объединение клиентов' : 'сотрудник'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Списано: один человек получил его дважды (клиенты объединены): ${bonus}; остаётся более ранний${ruForgiven(forgiven)}`,
    forfeitedAtErasure: (points) => `; аннулировано при удалении клиента: ${points}`,
    mergeMoved: ({ direction, debt, who }) => (direction === 'in'
      ? `Объединено с ${who ? `записью клиента ${who}` : 'дублирующей записью'}: ${debt ? 'её долг по баллам перенесён сюда' : 'её баллы перенесены сюда'}`
      : `Объединено с ${who ? `записью клиента ${who}` : 'другой записью'}: ${debt ? 'долг по баллам перенесён туда' : 'баллы перенесены туда'}`),
    pending: (points, from) => `; ${points} в ожидании, доступны с ${from}`,
    expiredFrom: (lots) => ` (${lots.map((l) => (l.purchase ? `${l.points} за покупку ${l.purchase}` : `${l.points}, начисленные ${l.day}`)).join(', ')})`,
    recordedLater: (dated) => `; датировано ${dated}, записано позже`,
  },
};
