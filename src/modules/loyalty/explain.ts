import type { LoyaltyEntryKind } from '../../db/index.ts';
import { withFields } from '../../shared/objects.ts';
import type { Language } from '../customers/index.ts';
import { formatCode } from './codes.ts';
import type { EarningFactor } from './program.ts';

// One line of plain language per ledger entry, so staff (and the member) can answer
// "why is my balance what it is?" by reading the account top to bottom — in the five
// languages Regulars speaks. The sentence frames are translated here; the names inside
// them (a multiplier's, a reward's, a challenge's) are the program's own words, stored
// with the entry when it was written.
//
// The account reads as things happened (explainLedger): by each entry's occurrence — a
// purchase's or a refund's own time, the moment a bonus was given — not the order the
// ledger was written in, which an import of older purchases turns around. Points still in
// their holding period are kept apart: each line has the running total, the part of it
// that is pending and the rest, and a pending credit says from which day it can be spent,
// as a member of a Smile.io or LoyaltyLion program sees "pending" next to the points.

interface EntryLike {
  kind: LoyaltyEntryKind;
  points: number;
  source_type: string;
  source_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

type Rounding = 'floor' | 'nearest' | 'ceil';
// A release entry's `why` is written by rewards.service.ts: 'checkout reservation timed out' or '… released'.
type ReleaseReason = 'timed_out' | 'released';

interface Phrases {
  purchase(p: { purchase: unknown; total: unknown; currency: string; base: unknown }): string;
  /** percent: formatted for the language (percentIn). */
  onShare(percent: string): string;
  rounded(earned: unknown, rule: Rounding): string;
  /** A purchase the daily cap cut short: the cap, its local day (formatted), the points left for it, and those other purchases that day had earned. */
  capped(p: { cap: unknown; day: string; points: number; before: number }): string;
  /** A purchase the daily cap left without points (an entry of 0): other purchases that day had reached it. */
  cappedToNothing(p: { cap: unknown; day: string }): string;
  firstPurchase(purchase: unknown): string;
  signUp: string;
  birthday(year: unknown): string;
  referral(role: 'referrer' | 'friend'): string;
  challenge(name: unknown): string;
  profileCompletion: string;
  survey: string;
  otherBonus(name: unknown): string;
  refund(p: { percent: string | null; points: number; credited: unknown; forgiven: unknown }): string;
  /** A refund recorded with its own id, amount and order (entries written before only have the share). */
  namedRefund(p: { refund: string; amount: string; purchase: string; percent: string; points: number; credited: unknown; forgiven: unknown }): string;
  /** A referral revoked by a refund of the friend's qualifying purchase (the friend is told which; the referrer is not shown the friend's order). */
  referralTakenBack(p: { role: 'referrer' | 'friend'; purchase: unknown; forgiven: unknown }): string;
  held(orderRef: unknown): string;
  /** A checkout reservation captured: the order went through and the held points paid for it. */
  spent(orderRef: unknown): string;
  redeemed(reward: unknown, what: { giftCard: string } | { coupon: string }): string;
  /** why: the reservation timed out or was released at the till; null in entries that kept no reason */
  released(why: ReleaseReason | null): string;
  expiredInactivity(months: unknown): string;
  expiredAge(months: unknown): string;
  adjustment(byMerge: boolean, reason: string): string;
  /** After a credit still in its holding period: how many of its points, and the day (formatted) they can be spent. */
  pending(points: number, from: string): string;
}

const withReason = (head: string, reason: string) => (reason ? `${head}: ${reason}` : `${head}:`);

const PHRASES: Record<Language, Phrases> = {
  en: {
    purchase: ({ purchase, total, currency, base }) => `Purchase ${purchase}: ${total} ${currency} → ${base} points`,
    onShare: (percent) => ` (on ${percent}% of the basket)`,
    rounded: (earned, rule) => ` → ${earned} (${rule})`,
    capped: ({ cap, day, points, before }) => `; the daily cap of ${cap} points for ${day} left ${points}: other purchases that day earned ${before}`,
    cappedToNothing: ({ cap, day }) => `; none earned: the daily cap of ${cap} points for ${day} was already reached by other purchases that day`,
    firstPurchase: (purchase) => `First purchase bonus (${purchase})`,
    signUp: 'Welcome bonus for joining',
    birthday: (year) => `Birthday bonus ${year ?? ''}`.trim(),
    referral: (role) => `Referral bonus (${role === 'referrer' ? 'a friend you referred made a first purchase' : 'you joined through a friend'})`,
    challenge: (name) => `Challenge completed: ${name}`,
    profileCompletion: 'Bonus for completing the profile',
    survey: 'Thank-you for answering a survey',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven }) =>
      `Refund: ${percent === null ? 'refund' : `${percent}% of the purchase refunded`}, ${points} of its ${credited} points taken back${forgiven ? `; ${forgiven} already spent and forgiven` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven }) =>
      `Refund ${refund} of ${amount} on purchase ${purchase} (${percent}% of it refunded in all): ${points} of its ${credited} points taken back${forgiven ? `; ${forgiven} already spent and forgiven` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Referral bonus taken back: ${role === 'friend' ? `the qualifying purchase ${purchase} was refunded` : "your friend's qualifying purchase was refunded"}${forgiven ? `; ${forgiven} already spent and forgiven` : ''}`,
    held: (orderRef) => `Points held at checkout (${orderRef})`,
    spent: (orderRef) => `Points spent at checkout (${orderRef})`,
    redeemed: (reward, what) => `Reward redeemed: ${reward} (${'giftCard' in what ? `gift card ${what.giftCard}` : `coupon ${what.coupon}`})`,
    released: (why) => `Points returned: ${{ timed_out: 'checkout reservation timed out', released: 'checkout reservation released', unknown: 'reservation released' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Expired: no purchase for ${months} months`,
    expiredAge: (months) => `Expired: points earned more than ${months ?? 'the allowed'} months ago`,
    adjustment: (byMerge, reason) => `Adjustment by ${byMerge ? 'merge' : 'staff'}: ${reason}`.trim(),
    pending: (points, from) => `; ${points} pending, spendable from ${from}`,
  },
  sl: {
    purchase: ({ purchase, total, currency, base }) => `Nakup ${purchase}: ${total} ${currency} → ${base} točk`,
    onShare: (percent) => ` (na ${percent} % košarice)`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'zaokroženo navzdol', nearest: 'zaokroženo na najbližje', ceil: 'zaokroženo navzgor' }[rule]})`,
    capped: ({ cap, day, points, before }) => `; dnevna omejitev ${cap} točk za ${day} je dopustila še ${points}, ker so drugi nakupi tega dne prinesli že ${before}`,
    cappedToNothing: ({ cap, day }) => `; brez točk: dnevno omejitev ${cap} točk za ${day} so drugi nakupi tega dne že dosegli`,
    firstPurchase: (purchase) => `Bonus za prvi nakup (${purchase})`,
    signUp: 'Bonus dobrodošlice ob včlanitvi',
    birthday: (year) => `Rojstnodnevni bonus ${year ?? ''}`.trim(),
    referral: (role) => `Bonus za priporočilo (${role === 'referrer' ? 'prijatelj, ki ste ga priporočili, je opravil prvi nakup' : 'včlanili ste se na priporočilo prijatelja'})`,
    challenge: (name) => `Izziv opravljen: ${name}`,
    profileCompletion: 'Bonus za izpolnjen profil',
    survey: 'Zahvala za izpolnjeno anketo',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven }) =>
      `Vračilo: ${percent === null ? 'vračilo' : `vrnjenih ${percent} % nakupa`}, odvzetih ${points} od ${credited} točk nakupa${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven }) =>
      `Vračilo ${refund} v znesku ${amount} za nakup ${purchase} (skupaj vrnjenih ${percent} % nakupa): odvzetih ${points} od ${credited} točk nakupa${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Bonus za priporočilo odvzet: ${role === 'friend' ? `nakup ${purchase}, s katerim ste ga prejeli, je bil vrnjen` : 'nakup prijatelja, ki ste ga priporočili, je bil vrnjen'}${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}`,
    held: (orderRef) => `Točke zadržane na blagajni (${orderRef})`,
    spent: (orderRef) => `Točke porabljene na blagajni (${orderRef})`,
    redeemed: (reward, what) => `Unovčena nagrada: ${reward} (${'giftCard' in what ? `darilna kartica ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Točke vrnjene: ${{ timed_out: 'rezervacija na blagajni je potekla', released: 'rezervacija na blagajni sproščena', unknown: 'rezervacija sproščena' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Poteklo: brez nakupa ${months} mesecev`,
    expiredAge: (months) => `Poteklo: točke, zbrane pred več kot ${months ?? 'dovoljenimi'} meseci`,
    adjustment: (byMerge, reason) => withReason(`Popravek (${byMerge ? 'združitev strank' : 'osebje'})`, reason),
    pending: (points, from) => `; ${points} v čakanju, na voljo od ${from}`,
  },
  tr: {
    purchase: ({ purchase, total, currency, base }) => `Alışveriş ${purchase}: ${total} ${currency} → ${base} puan`,
    onShare: (percent) => ` (sepetin %${percent} kısmına)`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'aşağı yuvarlandı', nearest: 'en yakına yuvarlandı', ceil: 'yukarı yuvarlandı' }[rule]})`,
    capped: ({ cap, day, points, before }) => `; ${day} için günlük ${cap} puan sınırı: o günün diğer alışverişleri ${before} puan kazandırdığından ${points} puan kazanıldı`,
    cappedToNothing: ({ cap, day }) => `; puan kazanılmadı: ${day} için günlük ${cap} puan sınırına o günün diğer alışverişleriyle zaten ulaşılmıştı`,
    firstPurchase: (purchase) => `İlk alışveriş bonusu (${purchase})`,
    signUp: 'Katılım hoş geldin bonusu',
    birthday: (year) => `Doğum günü bonusu ${year ?? ''}`.trim(),
    referral: (role) => `Tavsiye bonusu (${role === 'referrer' ? 'tavsiye ettiğiniz arkadaşınız ilk alışverişini yaptı' : 'bir arkadaşınızın tavsiyesiyle katıldınız'})`,
    challenge: (name) => `Görev tamamlandı: ${name}`,
    profileCompletion: 'Profili tamamlama bonusu',
    survey: 'Anketi yanıtladığınız için teşekkür',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven }) =>
      `İade: ${percent === null ? 'iade' : `alışverişin %${percent} kadarı iade edildi`}, ${credited} puanın ${points} kadarı geri alındı${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven }) =>
      `${purchase} alışverişinin ${amount} tutarındaki ${refund} iadesi (toplamda alışverişin %${percent} kadarı iade edildi): ${credited} puanın ${points} kadarı geri alındı${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Tavsiye bonusu geri alındı: ${role === 'friend' ? `bonusu kazandıran ${purchase} alışverişi iade edildi` : 'tavsiye ettiğiniz arkadaşınızın bonusu kazandıran alışverişi iade edildi'}${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}`,
    held: (orderRef) => `Ödemede ayrılan puanlar (${orderRef})`,
    spent: (orderRef) => `Ödemede harcanan puanlar (${orderRef})`,
    redeemed: (reward, what) => `Ödül kullanıldı: ${reward} (${'giftCard' in what ? `hediye kartı ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Puanlar iade edildi: ${{ timed_out: 'ödeme rezervasyonunun süresi doldu', released: 'ödeme rezervasyonu serbest bırakıldı', unknown: 'rezervasyon serbest bırakıldı' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Süresi doldu: ${months} aydır alışveriş yok`,
    expiredAge: (months) => `Süresi doldu: ${months ?? 'izin verilen'} aydan daha önce kazanılan puanlar`,
    adjustment: (byMerge, reason) => withReason(`Düzeltme (${byMerge ? 'müşteri birleştirme' : 'personel'})`, reason),
    pending: (points, from) => `; ${points} puan beklemede, ${from} tarihinden itibaren kullanılabilir`,
  },
  da: {
    purchase: ({ purchase, total, currency, base }) => `Køb ${purchase}: ${total} ${currency} → ${base} point`,
    onShare: (percent) => ` (på ${percent} % af kurven)`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'rundet ned', nearest: 'rundet til nærmeste', ceil: 'rundet op' }[rule]})`,
    capped: ({ cap, day, points, before }) => `; dagsloftet på ${cap} point for ${day} gav plads til ${points}: andre køb samme dag havde allerede givet ${before}`,
    cappedToNothing: ({ cap, day }) => `; ingen point: dagsloftet på ${cap} point for ${day} var allerede nået med andre køb samme dag`,
    firstPurchase: (purchase) => `Bonus for første køb (${purchase})`,
    signUp: 'Velkomstbonus for at melde sig ind',
    birthday: (year) => `Fødselsdagsbonus ${year ?? ''}`.trim(),
    referral: (role) => `Henvisningsbonus (${role === 'referrer' ? 'en ven, du henviste, har foretaget sit første køb' : 'du meldte dig ind via en ven'})`,
    challenge: (name) => `Udfordring gennemført: ${name}`,
    profileCompletion: 'Bonus for at udfylde profilen',
    survey: 'Tak for at svare på en undersøgelse',
    otherBonus: (name) => `Bonus: ${name}`,
    refund: ({ percent, points, credited, forgiven }) =>
      `Refundering: ${percent === null ? 'refundering' : `${percent} % af købet refunderet`}, ${points} af købets ${credited} point trukket tilbage${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven }) =>
      `Refundering ${refund} på ${amount} af købet ${purchase} (i alt ${percent} % af købet refunderet): ${points} af købets ${credited} point trukket tilbage${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Henvisningsbonus trukket tilbage: ${role === 'friend' ? `det kvalificerende køb ${purchase} blev refunderet` : 'din vens kvalificerende køb blev refunderet'}${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}`,
    held: (orderRef) => `Point reserveret ved kassen (${orderRef})`,
    spent: (orderRef) => `Point brugt ved kassen (${orderRef})`,
    redeemed: (reward, what) => `Belønning indløst: ${reward} (${'giftCard' in what ? `gavekort ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Point returneret: ${{ timed_out: 'reservationen ved kassen udløb', released: 'reservationen ved kassen blev frigivet', unknown: 'reservation frigivet' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Udløbet: intet køb i ${months} måneder`,
    expiredAge: (months) => `Udløbet: point optjent for mere end ${months ?? 'det tilladte antal'} måneder siden`,
    adjustment: (byMerge, reason) => withReason(`Justering (${byMerge ? 'sammenlægning' : 'personale'})`, reason),
    pending: (points, from) => `; ${points} afventende, kan bruges fra ${from}`,
  },
  ru: {
    purchase: ({ purchase, total, currency, base }) => `Покупка ${purchase}: ${total} ${currency} → ${base} балл.`,
    onShare: (percent) => ` (на ${percent}% корзины)`,
    rounded: (earned, rule) => ` → ${earned} (${{ floor: 'округлено вниз', nearest: 'округлено до ближайшего', ceil: 'округлено вверх' }[rule]})`,
    capped: ({ cap, day, points, before }) => `; дневной лимит ${cap} балл. на ${day} оставил ${points}: другие покупки в этот день уже принесли ${before}`,
    cappedToNothing: ({ cap, day }) => `; баллы не начислены: дневной лимит ${cap} балл. на ${day} уже исчерпан другими покупками в этот день`,
    firstPurchase: (purchase) => `Бонус за первую покупку (${purchase})`,
    signUp: 'Приветственный бонус за вступление',
    birthday: (year) => `Бонус ко дню рождения ${year ?? ''}`.trim(),
    referral: (role) => `Бонус за приглашение (${role === 'referrer' ? 'приглашённый вами друг совершил первую покупку' : 'вы присоединились по приглашению друга'})`,
    challenge: (name) => `Задание выполнено: ${name}`,
    profileCompletion: 'Бонус за заполненный профиль',
    survey: 'Спасибо за участие в опросе',
    otherBonus: (name) => `Бонус: ${name}`,
    refund: ({ percent, points, credited, forgiven }) =>
      `Возврат: ${percent === null ? 'возврат' : `возвращено ${percent}% покупки`}, списано ${points} из ${credited} балл. за покупку${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven }) =>
      `Возврат ${refund} на сумму ${amount} по покупке ${purchase} (всего возвращено ${percent}% покупки): списано ${points} из ${credited} балл. за покупку${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Бонус за приглашение списан: ${role === 'friend' ? `покупка ${purchase}, за которую он был начислен, возвращена` : 'приглашённый вами друг вернул покупку, за которую был начислен бонус'}${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}`,
    held: (orderRef) => `Баллы зарезервированы на кассе (${orderRef})`,
    spent: (orderRef) => `Баллы списаны на кассе (${orderRef})`,
    redeemed: (reward, what) => `Награда получена: ${reward} (${'giftCard' in what ? `подарочная карта ${what.giftCard}` : `купон ${what.coupon}`})`,
    released: (why) => `Баллы возвращены: ${{ timed_out: 'резерв на кассе истёк', released: 'резерв на кассе снят', unknown: 'резерв снят' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Сгорели: нет покупок ${months} мес.`,
    expiredAge: (months) => `Сгорели: баллы начислены более ${months ?? 'допустимого числа'} мес. назад`,
    adjustment: (byMerge, reason) => withReason(`Корректировка (${byMerge ? 'объединение клиентов' : 'сотрудник'})`, reason),
    pending: (points, from) => `; ${points} в ожидании, доступны с ${from}`,
  },
};

/** A checkout reservation's state (loyalty_reservations.status). */
export type ReservationStatus = 'held' | 'captured' | 'released' | 'expired';

/**
 * `reservations`: the state of the checkout reservations the entries name. The ledger is
 * append-only, so a reservation's debit stays the entry written when the points were held;
 * a capture changes only the reservation, and the entry reads as spent once it is captured.
 * (A release or a time-out writes an entry of its own that gives the points back.)
 */
export function describeEntry(e: EntryLike, currency: string, language: Language = 'en', { reservations }: { reservations?: ReadonlyMap<string, ReservationStatus> } = {}): string {
  const say = PHRASES[language];
  const d = e.details as Record<string, any>;
  switch (e.kind) {
    case 'earn': {
      const factors = ((d.factors ?? []) as EarningFactor[])
        .map((f) => ` × ${f.factor} ${f.name}${f.share < 1 ? say.onShare(percentIn(language, f.share)) : ''}`).join('');
      const bonus = ((d.bonus_points ?? []) as { name: string; points: number }[]).map((b) => ` + ${b.points} ${b.name}`).join('');
      const exact = typeof d.exact === 'number' ? round4(d.exact) : undefined;
      const earned = d.capped_at ? d.uncapped : Math.abs(e.points);
      const arithmetic = factors || bonus ? `${factors}${bonus} = ${exact}` : '';
      const rounded = exact !== undefined && exact !== earned ? say.rounded(earned, d.rounding as Rounding) : '';
      // A purchase the cap cut short earns the room left under it: the other purchases of
      // its day had earned the cap less its points.
      const day = d.capped_at ? dayIn(language, d.local_date) : '';
      const capped = !d.capped_at ? ''
        : e.points === 0 ? say.cappedToNothing({ cap: d.capped_at, day })
        : say.capped({ cap: d.capped_at, day, points: e.points, before: d.capped_at - e.points });
      return `${say.purchase({ purchase: d.purchase ?? e.source_id, total: d.total, currency, base: round4(d.base) })}${arithmetic}${rounded}${capped}`;
    }
    case 'bonus':
      return d.bonus === 'first_purchase' ? say.firstPurchase(d.purchase)
        : d.bonus === 'sign_up' ? say.signUp
        : d.bonus === 'birthday' ? say.birthday(d.year)
        : d.bonus === 'referral' ? say.referral(d.role === 'referrer' ? 'referrer' : 'friend')
        : d.bonus === 'challenge' ? say.challenge(d.challenge)
        : d.bonus === 'profile_completion' ? say.profileCompletion
        : d.bonus === 'survey' ? say.survey
        : say.otherBonus(d.bonus ?? e.source_id);
    case 'reverse':
      if (d.bonus === 'referral') return say.referralTakenBack({ role: d.role === 'referrer' ? 'referrer' : 'friend', purchase: d.purchase ?? d.purchase_id, forgiven: d.forgiven });
      {
        const percent = typeof d.refunded_share === 'number' ? percentIn(language, d.refunded_share) : null;
        const points = Math.abs(e.points);
        return d.refund_id && percent !== null
          ? say.namedRefund({ refund: d.refund_id, amount: `${d.amount} ${currency}`, purchase: d.purchase, percent, points, credited: d.credited, forgiven: d.forgiven })
          : say.refund({ percent, points, credited: d.credited, forgiven: d.forgiven });
      }
    case 'redeem':
      return d.reservation ? (reservations?.get(d.reservation) === 'captured' ? say.spent : say.held)(d.order_ref ?? d.reservation)
        : say.redeemed(d.reward_name ?? d.reward, d.gift_card ? { giftCard: formatCode(d.gift_card) } : { coupon: d.coupon ? formatCode(d.coupon) : '—' });
    case 'release':
      return say.released(d.why === undefined ? null : d.why === 'checkout reservation timed out' ? 'timed_out' : 'released');
    case 'expire':
      return d.policy === 'inactivity' ? say.expiredInactivity(d.months) : say.expiredAge(d.months);
    case 'adjust':
      return say.adjustment(e.source_type === 'merge', e.reason ?? '');
    default:
      return e.kind;
  }
}

const round4 = (v: unknown) => (typeof v === 'number' ? Number(v.toFixed(4)) : v);

// The dashboard's locales (src/web/i18n/index.ts): a share reads as its percentages do
// there, 84.5 in English and 84,5 in the other four.
const LOCALES: Record<Language, string> = { en: 'en-GB', sl: 'sl-SI', tr: 'tr-TR', da: 'da-DK', ru: 'ru-RU' };
const percentFormats = new Map<Language, Intl.NumberFormat>();

/** A share (0.845) as the language writes its per cent, one decimal where it is not whole ("84,5"); the phrase places the sign. */
function percentIn(language: Language, share: number): string {
  let format = percentFormats.get(language);
  if (!format) percentFormats.set(language, (format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 })));
  // Rounded first: Intl would round the binary value of 84.45, which may lie below it.
  return format.format(Math.round(share * 1000) / 10);
}

const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A purchase's local date ("2026-05-01", the day its store's zone says) as the language
 * writes a day, as the "spendable from" day reads ("1 May 2026"). Formatted in UTC: the
 * date is already the store's, and no zone may move it to the day before.
 */
function dayIn(language: Language, localDate: unknown): string {
  if (typeof localDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return String(localDate ?? '');
  let format = dayFormats.get(language);
  if (!format) dayFormats.set(language, (format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${localDate}T00:00:00Z`));
}

/** A ledger row as the account reads it (loyalty_entries). */
export interface LedgerRow extends EntryLike {
  id: number;
  occurred_at: Date;
  remaining: number | null;
  unsettled: number | null;
  available_at: Date | null;
  expires_at: Date | null;
  actor: string | null;
}

/**
 * The member's entries in the order they happened (occurred_at; equal times as written,
 * by id), each with its running total (balance_after) split into pending_after — points
 * still in their holding period now — and spendable_after, the rest. The last line's
 * pending_after is the account's pending; its spendable_after the balance, plus points
 * already expired that the hourly maintenance has not yet taken out (expiring_now) until
 * it writes their expiry entry. `sum` is the sum of all entries, for the proof.
 */
export function explainLedger({ rows, allocations, reservations, currency, language, now, timeZone }: {
  rows: readonly LedgerRow[];
  allocations: readonly { debit_id: number; credit_id: number; points: number }[];
  reservations?: ReadonlyMap<string, ReservationStatus>;
  currency: string;
  language: Language;
  now: Date;
  timeZone: string;
}) {
  const ordered = [...rows].sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.id - b.id);
  const line = new Map(ordered.map((e, i) => [e.id, i]));
  const t = now.getTime();
  // As the balance counts them (balanceOf): a lot past its expiry is not pending.
  const pending = (e: LedgerRow) => e.points > 0 && e.available_at !== null && e.available_at.getTime() > t && !(e.expires_at && e.expires_at.getTime() <= t);
  // What each line adds to the pending points: a pending credit all its points, a debit
  // minus what it took from pending credits (a refund of a purchase still in its return
  // window) — counted at the later of the two lines, as a debt owed before the credit
  // that settled it is settled only when that credit comes.
  const pendingBy = ordered.map((e) => (pending(e) ? e.points : 0));
  const takenBy = new Map<number, { entry: number; points: number }[]>();
  const tookFrom = new Map<number, { entry: number; points: number }[]>();
  const add = (to: Map<number, { entry: number; points: number }[]>, id: number, item: { entry: number; points: number }) => {
    const list = to.get(id);
    if (list) list.push(item);
    else to.set(id, [item]);
  };
  for (const a of allocations) {
    add(takenBy, a.credit_id, { entry: a.debit_id, points: a.points });
    add(tookFrom, a.debit_id, { entry: a.credit_id, points: a.points });
    const credit = line.get(a.credit_id);
    const debit = line.get(a.debit_id);
    if (credit !== undefined && debit !== undefined && pending(ordered[credit])) pendingBy[Math.max(credit, debit)] -= a.points;
  }
  const say = PHRASES[language];
  const day = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone });
  let running = 0;
  let pendingRunning = 0;
  const entries = ordered.map((e, i) => {
    running += e.points;
    pendingRunning += pendingBy[i];
    const stillPending = pending(e) && e.remaining !== null && e.remaining > 0;
    const said = describeEntry(e, currency, language, { reservations });
    const entry = {
      id: e.id, at: e.occurred_at.toISOString(), kind: e.kind, points: e.points,
      balance_after: running, spendable_after: running - pendingRunning, pending_after: pendingRunning,
      description: stillPending ? `${said}${say.pending(e.remaining!, day.format(e.available_at!))}` : said,
      source: { type: e.source_type, id: e.source_id },
    };
    // A credit says what is left of it, whether that is still pending, and which debits took from it; a debit, what it still owes and which credits it took from;
    // an entry of 0 points (a purchase the daily cap left without points) is neither.
    if (e.points > 0) {
      return withFields(entry, {
        remaining: e.remaining, available_at: e.available_at?.toISOString() ?? null, expires_at: e.expires_at?.toISOString() ?? null, pending: stillPending,
        taken_by: takenBy.get(e.id) ?? [], reason: e.reason, actor: e.actor,
      });
    }
    if (e.points < 0) return withFields(entry, { unsettled: e.unsettled, took_from: tookFrom.get(e.id) ?? [], reason: e.reason, actor: e.actor });
    return withFields(entry, { unsettled: e.unsettled, reason: e.reason, actor: e.actor });
  });
  return { entries, sum: running };
}
