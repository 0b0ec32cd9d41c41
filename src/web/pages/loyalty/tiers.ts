import { useEffect, useState } from 'react';
import { api, type ProgramState } from '../../api.ts';
import type { I18n } from '../../i18n/index.ts';
import { lastDayBefore } from '../../time.ts';

/** A tier level as the program document gives it: its code and its name (one text, or one per language). */
export interface TierLevel {
  code: string;
  name: string | Partial<Record<string, string>>;
}

/**
 * The tier levels of the program in force, for their names: undefined until they arrive,
 * none when the request fails (the codes then stand in). A page shows its tiers once they
 * are here, so that a code ("member → silver") never shows before its name.
 */
export function useTierLevels(): TierLevel[] | undefined {
  const [levels, setLevels] = useState<TierLevel[]>();
  useEffect(() => {
    api<ProgramState>('/loyalty/program').then((p) => setLevels(p.current?.document.tiers?.levels ?? []), () => setLevels([]));
  }, []);
  return levels;
}

/** A tier's name in the dashboard's language, or its code when the levels do not name it. */
export function tierName(i18n: I18n, levels: readonly TierLevel[], code: string): string {
  return i18n.localized(levels.find((l) => l.code === code)?.name) || code;
}

/**
 * Until when a member's tier holds, in the business's time zone: a calendar year's period
 * ends at 1 January's start there, which is "valid through 31 Dec 2027" (its date alone
 * said a day too many); a rolling year's ends to the minute it began, "valid until 5 Jun
 * 2027, 14:00".
 */
export function tierValidityText(i18n: I18n, validUntil: string): string {
  const lastDay = lastDayBefore(validUntil, i18n.timeZone);
  return lastDay ? i18n.t('loyalty.tier.validThrough', { date: i18n.date(lastDay) }) : i18n.t('loyalty.tier.validUntil', { date: i18n.date(validUntil, true) });
}
