import { useI18n } from './i18n/index.ts';
import { lastDayBefore } from './time.ts';

/**
 * A date, or a date and its time, as the language writes it, each kept whole on its line:
 * a narrow cell breaks between the date and the time, never inside the date ("3 нояб.
 * 2027" over a lone "г."). The text is the same as `i18n.date` gives.
 */
export function When({ at, time = false }: { at: string | null; time?: boolean }) {
  const i18n = useI18n();
  if (!at) return <>{i18n.date(null)}</>;
  const whole = i18n.date(at, time);
  const date = i18n.date(at);
  const clock = time ? i18n.time(at) : '';
  // The language's own joint between them (", " or " "), where a line may break: after its
  // space, the comma kept with the date (a nowrap span around both; the date's own span still
  // the date alone). Left between the two, the comma began the next line in a narrow card
  // ("14 февр. 2027 г." over ", 11:39"): Chromium breaks at the end of a nowrap span.
  const between = whole.slice(date.length, whole.length - clock.length);
  if (!time || !whole.startsWith(date) || !whole.endsWith(clock) || whole.length <= date.length + clock.length) {
    return <span className="date">{whole}</span>;
  }
  const [, joint, space] = /^(.*?)(\s*)$/su.exec(between)!;
  return (
    <>
      <span className="nowrap"><span className="date">{date}</span>{joint}</span>
      {space}
      <span className="date">{clock}</span>
    </>
  );
}

/**
 * An expiry (a coupon's, a gift card's, points'), in the business's time zone: at a day's
 * start there, the last day it works ("Valid through 31 Dec 2026": an expiry entered as
 * 31 Dec is kept as 1 Jan 00:00, and 1 Jan said a day too many); at another time, its date
 * and time ("1 Jul 2026, 14:00": a reward's coupon lasts 30 days from the minute it was
 * redeemed, and its date alone left that day's last hours in doubt). None: "—".
 */
export function Expiry({ at }: { at: string | null }) {
  const i18n = useI18n();
  const lastDay = at ? lastDayBefore(at, i18n.timeZone) : undefined;
  if (!lastDay) return <When at={at} time />;
  // The phrase around the date, which stays whole on its line as When keeps it.
  const [before, after = ''] = i18n.t('common.validThrough', { date: '\u0000' }).split('\u0000');
  return <>{before}<When at={lastDay} />{after}</>;
}
