import type { Counted } from './counted.ts';

// Settings → Activity's counts, each with the words that agree with it (counted.ts says how
// they are chosen): the points an entry moved, the codes a campaign was made with.
export const ACTIVITY_COUNTED = {
  /** Points adjusted, forfeited or taken back (the sign is written before the number). */
  activityPoints: {
    en: { one: '{count} point', other: '{count} points' },
    sl: { one: '{count} točka', two: '{count} točki', few: '{count} točke', other: '{count} točk' },
    tr: { one: '{count} puan', other: '{count} puan' },
    da: { one: '{count} point', other: '{count} point' },
    ru: { one: '{count} балл', few: '{count} балла', many: '{count} баллов', other: '{count} балла' },
  },
  /** The codes a coupon campaign was created with. */
  activityCodes: {
    en: { one: '{count} code', other: '{count} codes' },
    sl: { one: '{count} koda', two: '{count} kodi', few: '{count} kode', other: '{count} kod' },
    tr: { one: '{count} kod', other: '{count} kod' },
    da: { one: '{count} kode', other: '{count} koder' },
    ru: { one: '{count} код', few: '{count} кода', many: '{count} кодов', other: '{count} кода' },
  },
} as const satisfies Record<string, Counted>;
