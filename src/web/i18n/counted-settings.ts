import type { Counted } from './counted.ts';

// The Settings page's counts, each with the words that agree with it (counted.ts says how
// they are chosen).
export const SETTINGS_COUNTED = {
  /** A webhook endpoint's latest delivery attempts, as listed under it. */
  settingsDeliveries: {
    en: { one: '{count} recent delivery attempt', other: '{count} recent delivery attempts, newest first' },
    sl: { one: '{count} nedavni poskus dostave', two: '{count} nedavna poskusa dostave, najnovejši prvi', few: '{count} nedavni poskusi dostave, najnovejši prvi', other: '{count} nedavnih poskusov dostave, najnovejši prvi' },
    tr: { one: 'Son {count} teslim denemesi', other: 'Son {count} teslim denemesi, en yenisi önce' },
    da: { one: '{count} nyligt leveringsforsøg', other: '{count} nylige leveringsforsøg, nyeste først' },
    ru: {
      one: '{count} недавняя попытка доставки', few: '{count} недавние попытки доставки, сначала новые',
      many: '{count} недавних попыток доставки, сначала новые', other: '{count} недавней попытки доставки, сначала новые',
    },
  },
} as const satisfies Record<string, Counted>;
