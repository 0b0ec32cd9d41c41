import type { Language } from '../customers/index.ts';
import { countedName, type CountedName } from '../../shared/plural.ts';

// The sentence frames of the account's explanation (explain.ts), one set per language
// Regulars speaks. Apart from explain.ts so that each file stays readable: the frames
// are long, and every one exists five times. The values put in them arrive formatted
// for the language already (numbers with its decimal separator, days in its words, the
// program's names in it), so a frame only places them.

export type Rounding = 'floor' | 'nearest' | 'ceil';
// A release entry's `why` is written by reservations.ts: 'checkout reservation timed out', '… released' or '… partly captured'.
export type ReleaseReason = 'timed_out' | 'released' | 'not_spent';

export interface Phrases {
  /** `base`: the points before multipliers, as the language writes the number; `count`: the same number, for the word's plural form. */
  purchase(p: { purchase: unknown; total: unknown; currency: string; base: unknown; count: number }): string;
  /** percent: formatted for the language (percentIn). */
  onShare(percent: string): string;
  /** A tier's points multiplier, by the tier's name in the language. */
  tierFactor(name: string): string;
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
  refund(p: { percent: string | null; points: number; credited: unknown; forgiven: unknown; expired: unknown }): string;
  /** A refund recorded with its own id, amount and order (entries written before only have the share). */
  namedRefund(p: { refund: string; amount: string; purchase: string; percent: string; points: number; credited: unknown; forgiven: unknown; expired: unknown }): string;
  /** A referral revoked by a refund of the friend's qualifying purchase (the friend is told which; the referrer is not shown the friend's order). */
  referralTakenBack(p: { role: 'referrer' | 'friend'; purchase: unknown; forgiven: unknown }): string;
  /** orderRef: the till's order, or null when it gave none (the sentence then names none). */
  held(orderRef: string | null): string;
  /** A checkout reservation captured: the order went through and the held points paid for it. */
  spent(orderRef: string | null): string;
  redeemed(reward: unknown, what: { giftCard: string } | { coupon: string }): string;
  /** why: the reservation timed out, was released at the till, or was captured for fewer points (not_spent: the rest came back); null in entries that kept no reason */
  released(why: ReleaseReason | null): string;
  expiredInactivity(months: unknown): string;
  expiredAge(months: unknown): string;
  adjustment(byMerge: boolean, reason: string): string;
  /** A once-per-person bonus the person had twice, taken back when their two customers were merged: `bonus` is the bonus as its own entry says it. */
  duplicateTakenBack(p: { bonus: string; forgiven: unknown }): string;
  /** After a credit still in its holding period: how many of its points, and the day (formatted) they can be spent. */
  pending(points: number, from: string): string;
}

// The word for points after a number, in the nominative (→ 1 točka, 2 točki, 3 točke, 5
// točk; 1 балл, 2 балла, 5 баллов), by the language's plural rules (Intl.PluralRules:
// decimals take their own form, "1,5 točke", "1,5 балла"). Frames where the number stands
// in another case keep their own wording.
const WORDS: CountedName = {
  en: { one: 'point', other: 'points' },
  sl: { one: 'točka', two: 'točki', few: 'točke', other: 'točk' },
  ru: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
};
const pointsWord = (language: 'en' | 'sl' | 'ru', count: number): string => countedName(WORDS, language, count);

const withReason = (head: string, reason: string) => (reason ? `${head}: ${reason}` : `${head}:`);
// A checkout's order in brackets after the sentence; a reservation made without one shows no
// id at all (its own id means nothing to a member).
const orderOf = (orderRef: string | null) => (orderRef ? ` (${orderRef})` : '');

export const PHRASES: Record<Language, Phrases> = {
  en: {
    purchase: ({ purchase, total, currency, base, count }) => `Purchase ${purchase}: ${total} ${currency} → ${base} ${pointsWord('en', count)}`,
    onShare: (percent) => ` (on ${percent}% of the basket)`,
    tierFactor: (name) => `${name} tier`,
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
    refund: ({ percent, points, credited, forgiven, expired }) =>
      `Refund: ${percent === null ? 'refund' : `${percent}% of the purchase refunded`}, ${points} of its ${credited} ${credited === 1 ? 'point' : 'points'} taken back${forgiven ? `; ${forgiven} already spent and forgiven` : ''}${expired ? `; ${expired} had expired already and are not taken again` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired }) =>
      `Refund ${refund} of ${amount} on purchase ${purchase} (${percent}% of it refunded in all): ${points} of its ${credited} ${credited === 1 ? 'point' : 'points'} taken back${forgiven ? `; ${forgiven} already spent and forgiven` : ''}${expired ? `; ${expired} had expired already and are not taken again` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Referral bonus taken back: ${role === 'friend' ? `the qualifying purchase ${purchase} was refunded` : "your friend's qualifying purchase was refunded"}${forgiven ? `; ${forgiven} already spent and forgiven` : ''}`,
    held: (orderRef) => `Points held at checkout${orderOf(orderRef)}`,
    spent: (orderRef) => `Points spent at checkout${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Reward redeemed: ${reward} (${'giftCard' in what ? `gift card ${what.giftCard}` : `coupon ${what.coupon}`})`,
    released: (why) => `Points returned: ${{ timed_out: 'checkout reservation timed out', released: 'checkout reservation released', not_spent: 'not spent by the order at checkout', unknown: 'reservation released' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Expired: no purchase for ${months} months`,
    expiredAge: (months) => `Expired: points earned more than ${months ?? 'the allowed'} months ago`,
    adjustment: (byMerge, reason) => `Adjustment by ${byMerge ? 'merge' : 'staff'}: ${reason}`.trim(),
    duplicateTakenBack: ({ bonus, forgiven }) => `Taken back, given twice to one person (customers merged): ${bonus}; the earlier one stays${forgiven ? `; ${forgiven} already spent and forgiven` : ''}`,
    pending: (points, from) => `; ${points} pending, spendable from ${from}`,
  },
  sl: {
    purchase: ({ purchase, total, currency, base, count }) => `Nakup ${purchase}: ${total} ${currency} → ${base} ${pointsWord('sl', count)}`,
    onShare: (percent) => ` (na ${percent} % košarice)`,
    tierFactor: (name) => `raven ${name}`,
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
    refund: ({ percent, points, credited, forgiven, expired }) =>
      `Vračilo: ${percent === null ? 'vračilo' : `vrnjenih ${percent} % nakupa`}, odvzetih ${points} od ${credited} točk nakupa${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}${expired ? `; že poteklih točk, ki jih ne odvzamemo znova: ${expired}` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired }) =>
      `Vračilo ${refund} v znesku ${amount} za nakup ${purchase} (skupaj vrnjenih ${percent} % nakupa): odvzetih ${points} od ${credited} točk nakupa${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}${expired ? `; že poteklih točk, ki jih ne odvzamemo znova: ${expired}` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Bonus za priporočilo odvzet: ${role === 'friend' ? `nakup ${purchase}, s katerim ste ga prejeli, je bil vrnjen` : 'nakup prijatelja, ki ste ga priporočili, je bil vrnjen'}${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}`,
    held: (orderRef) => `Točke zadržane na blagajni${orderOf(orderRef)}`,
    spent: (orderRef) => `Točke porabljene na blagajni${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Unovčena nagrada: ${reward} (${'giftCard' in what ? `darilna kartica ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Točke vrnjene: ${{ timed_out: 'rezervacija na blagajni je potekla', released: 'rezervacija na blagajni sproščena', not_spent: 'naročilo na blagajni jih ni porabilo', unknown: 'rezervacija sproščena' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Poteklo: brez nakupa ${months} mesecev`,
    expiredAge: (months) => `Poteklo: točke, zbrane pred več kot ${months ?? 'dovoljenimi'} meseci`,
    adjustment: (byMerge, reason) => withReason(`Popravek (${byMerge ? 'združitev strank' : 'osebje'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Odvzeto, ista oseba ga je prejela dvakrat (združeni stranki): ${bonus}; ostane prejšnji${forgiven ? `; ${forgiven} že porabljenih je odpuščenih` : ''}`,
    pending: (points, from) => `; ${points} v čakanju, na voljo od ${from}`,
  },
  tr: {
    purchase: ({ purchase, total, currency, base }) => `Alışveriş ${purchase}: ${total} ${currency} → ${base} puan`,
    onShare: (percent) => ` (sepetin %${percent} kısmına)`,
    tierFactor: (name) => `${name} seviyesi`,
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
    refund: ({ percent, points, credited, forgiven, expired }) =>
      `İade: ${percent === null ? 'iade' : `alışverişin %${percent} kadarı iade edildi`}, ${credited} puanın ${points} kadarı geri alındı${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}${expired ? `; süresi zaten dolmuş ${expired} puan yeniden geri alınmadı` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired }) =>
      `${purchase} alışverişinin ${amount} tutarındaki ${refund} iadesi (toplamda alışverişin %${percent} kadarı iade edildi): ${credited} puanın ${points} kadarı geri alındı${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}${expired ? `; süresi zaten dolmuş ${expired} puan yeniden geri alınmadı` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Tavsiye bonusu geri alındı: ${role === 'friend' ? `bonusu kazandıran ${purchase} alışverişi iade edildi` : 'tavsiye ettiğiniz arkadaşınızın bonusu kazandıran alışverişi iade edildi'}${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}`,
    held: (orderRef) => `Ödemede ayrılan puanlar${orderOf(orderRef)}`,
    spent: (orderRef) => `Ödemede harcanan puanlar${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Ödül kullanıldı: ${reward} (${'giftCard' in what ? `hediye kartı ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Puanlar iade edildi: ${{ timed_out: 'ödeme rezervasyonunun süresi doldu', released: 'ödeme rezervasyonu serbest bırakıldı', not_spent: 'ödemede siparişte kullanılmadı', unknown: 'rezervasyon serbest bırakıldı' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Süresi doldu: ${months} aydır alışveriş yok`,
    expiredAge: (months) => `Süresi doldu: ${months ?? 'izin verilen'} aydan daha önce kazanılan puanlar`,
    adjustment: (byMerge, reason) => withReason(`Düzeltme (${byMerge ? 'müşteri birleştirme' : 'personel'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Geri alındı, aynı kişiye iki kez verilmişti (müşteriler birleştirildi): ${bonus}; önceki kalır${forgiven ? `; zaten harcanmış ${forgiven} puan silindi` : ''}`,
    pending: (points, from) => `; ${points} puan beklemede, ${from} tarihinden itibaren kullanılabilir`,
  },
  da: {
    purchase: ({ purchase, total, currency, base }) => `Køb ${purchase}: ${total} ${currency} → ${base} point`,
    onShare: (percent) => ` (på ${percent} % af kurven)`,
    tierFactor: (name) => `niveau ${name}`,
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
    refund: ({ percent, points, credited, forgiven, expired }) =>
      `Refundering: ${percent === null ? 'refundering' : `${percent} % af købet refunderet`}, ${points} af købets ${credited} point trukket tilbage${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}${expired ? `; ${expired} var allerede udløbet og trækkes ikke tilbage igen` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired }) =>
      `Refundering ${refund} på ${amount} af købet ${purchase} (i alt ${percent} % af købet refunderet): ${points} af købets ${credited} point trukket tilbage${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}${expired ? `; ${expired} var allerede udløbet og trækkes ikke tilbage igen` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Henvisningsbonus trukket tilbage: ${role === 'friend' ? `det kvalificerende køb ${purchase} blev refunderet` : 'din vens kvalificerende køb blev refunderet'}${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}`,
    held: (orderRef) => `Point reserveret ved kassen${orderOf(orderRef)}`,
    spent: (orderRef) => `Point brugt ved kassen${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Belønning indløst: ${reward} (${'giftCard' in what ? `gavekort ${what.giftCard}` : `kupon ${what.coupon}`})`,
    released: (why) => `Point returneret: ${{ timed_out: 'reservationen ved kassen udløb', released: 'reservationen ved kassen blev frigivet', not_spent: 'ikke brugt på ordren ved kassen', unknown: 'reservation frigivet' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Udløbet: intet køb i ${months} måneder`,
    expiredAge: (months) => `Udløbet: point optjent for mere end ${months ?? 'det tilladte antal'} måneder siden`,
    adjustment: (byMerge, reason) => withReason(`Justering (${byMerge ? 'sammenlægning' : 'personale'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Trukket tilbage, givet to gange til samme person (kunder lagt sammen): ${bonus}; den første beholdes${forgiven ? `; ${forgiven} allerede brugt og eftergivet` : ''}`,
    pending: (points, from) => `; ${points} afventende, kan bruges fra ${from}`,
  },
  ru: {
    purchase: ({ purchase, total, currency, base, count }) => `Покупка ${purchase}: ${total} ${currency} → ${base} ${pointsWord('ru', count)}`,
    onShare: (percent) => ` (на ${percent}% корзины)`,
    tierFactor: (name) => `уровень ${name}`,
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
    refund: ({ percent, points, credited, forgiven, expired }) =>
      `Возврат: ${percent === null ? 'возврат' : `возвращено ${percent}% покупки`}, списано ${points} из ${credited} балл. за покупку${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}${expired ? `; уже сгоревших баллов, которые не списываются повторно: ${expired}` : ''}`,
    namedRefund: ({ refund, amount, purchase, percent, points, credited, forgiven, expired }) =>
      `Возврат ${refund} на сумму ${amount} по покупке ${purchase} (всего возвращено ${percent}% покупки): списано ${points} из ${credited} балл. за покупку${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}${expired ? `; уже сгоревших баллов, которые не списываются повторно: ${expired}` : ''}`,
    referralTakenBack: ({ role, purchase, forgiven }) =>
      `Бонус за приглашение списан: ${role === 'friend' ? `покупка ${purchase}, за которую он был начислен, возвращена` : 'приглашённый вами друг вернул покупку, за которую был начислен бонус'}${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}`,
    held: (orderRef) => `Баллы зарезервированы на кассе${orderOf(orderRef)}`,
    spent: (orderRef) => `Баллы списаны на кассе${orderOf(orderRef)}`,
    redeemed: (reward, what) => `Награда получена: ${reward} (${'giftCard' in what ? `подарочная карта ${what.giftCard}` : `купон ${what.coupon}`})`,
    released: (why) => `Баллы возвращены: ${{ timed_out: 'резерв на кассе истёк', released: 'резерв на кассе снят', not_spent: 'не потрачены на заказ на кассе', unknown: 'резерв снят' }[why ?? 'unknown']}`,
    expiredInactivity: (months) => `Сгорели: нет покупок ${months} мес.`,
    expiredAge: (months) => `Сгорели: баллы начислены более ${months ?? 'допустимого числа'} мес. назад`,
    adjustment: (byMerge, reason) => withReason(`Корректировка (${byMerge ? 'объединение клиентов' : 'сотрудник'})`, reason),
    duplicateTakenBack: ({ bonus, forgiven }) => `Списано: один человек получил его дважды (клиенты объединены): ${bonus}; остаётся более ранний${forgiven ? `; ${forgiven} уже потраченных прощено` : ''}`,
    pending: (points, from) => `; ${points} в ожидании, доступны с ${from}`,
  },
};
