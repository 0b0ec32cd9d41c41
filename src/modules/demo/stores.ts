// The demo business, "Regulars Café & Deli": three shops in three countries and time
// zones, and a web shop. Each place has its own week and opening hours, so analytics
// that use local time (hour of day, weekday, birthdays) have something real to find.

export type DemoLanguage = 'en' | 'sl' | 'tr' | 'da' | 'ru';
export type DemoCountry = 'SI' | 'TR' | 'DK';

export interface DemoStore {
  code: string;
  name: string;
  city: string;
  time_zone: string;
  country: DemoCountry;
  /** Relative share of customers whose home store this is. */
  share: number;
  languages: readonly (readonly [DemoLanguage, number])[];
  /** Relative traffic per weekday, Sunday first; 0 means closed. */
  week: readonly number[];
  /** Opening hours [open, close) in local hours, on weekdays and at weekends. */
  hours: { weekday: readonly [number, number]; weekend: readonly [number, number] };
  /** Extra weight of the hours from 18:00, for places that live in the evening. */
  evening: number;
}

export const DEMO_STORES: readonly DemoStore[] = [
  {
    code: 'ljubljana', name: 'Ljubljana — Prešernov trg', city: 'Ljubljana', time_zone: 'Europe/Ljubljana', country: 'SI', share: 38,
    languages: [['sl', 80], ['en', 12], ['ru', 8]],
    // Closed on Sundays, short Saturdays: the Slovenian shop week.
    week: [0, 0.9, 0.9, 0.95, 0.95, 1, 0.85], hours: { weekday: [7, 20], weekend: [8, 15] }, evening: 0.8,
  },
  {
    code: 'istanbul', name: 'İstanbul — Kadıköy', city: 'İstanbul', time_zone: 'Europe/Istanbul', country: 'TR', share: 34,
    languages: [['tr', 85], ['en', 7], ['ru', 8]],
    week: [1, 0.8, 0.8, 0.85, 0.85, 0.95, 1], hours: { weekday: [8, 23], weekend: [9, 24] }, evening: 2.2,
  },
  {
    code: 'copenhagen', name: 'København — Nørrebro', city: 'København', time_zone: 'Europe/Copenhagen', country: 'DK', share: 28,
    languages: [['da', 80], ['en', 15], ['ru', 5]],
    week: [0.75, 0.85, 0.9, 0.9, 0.95, 1, 0.95], hours: { weekday: [7, 18], weekend: [8, 17] }, evening: 1,
  },
];

/** The web shop: no store row (purchases carry `store: null`), open all week and all day. */
export const ONLINE_WEEK: readonly number[] = [1.1, 1, 0.95, 0.95, 0.95, 0.9, 0.85];

/** Relative traffic per month, January first: a slow January, a summer dip, a busy December. */
export const SEASON: readonly number[] = [0.82, 0.85, 0.92, 0.95, 1, 0.95, 0.85, 0.8, 0.97, 1, 1.05, 1.35];
/** The web shop sells gift boxes and beans: December counts even more there. */
export const ONLINE_DECEMBER_BOOST = 1.5;

// Relative traffic per local hour (index 0–23) inside opening hours: the morning coffee
// rush, lunch, an afternoon cake; weekends start late and peak at brunch.
export const WEEKDAY_HOURS: readonly number[] = [0, 0, 0, 0, 0, 0, 2, 10, 14, 10, 7, 7, 10, 9, 6, 7, 7, 6, 4, 3, 2, 2, 1, 1];
export const WEEKEND_HOURS: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 2, 5, 9, 12, 12, 11, 9, 7, 7, 6, 5, 4, 3, 2, 2, 1, 1];
export const ONLINE_HOURS: readonly number[] = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 3, 3, 3, 4, 4, 3, 3, 3, 4, 5, 7, 8, 8, 6, 3];

/** The store row as the stores service takes it. */
export const storeInput = ({ code, name, city, time_zone }: DemoStore) => ({ code, name, city, time_zone });
