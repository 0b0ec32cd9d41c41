import { useI18n } from './i18n/index.ts';

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
  // The language's own joint between them (", " or " "), where a line may break.
  const between = whole.slice(date.length, whole.length - clock.length);
  if (!time || !whole.startsWith(date) || !whole.endsWith(clock) || whole.length <= date.length + clock.length) {
    return <span className="date">{whole}</span>;
  }
  return (
    <>
      <span className="date">{date}</span>
      {between}
      <span className="date">{clock}</span>
    </>
  );
}
