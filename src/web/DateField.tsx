import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { addDaysToDate, addMonthsToDate, isDateOnly } from '../shared/clock.ts';
import { Calendar } from './Calendar.tsx';
import { LOCALES, useI18n, type Language } from './i18n/index.ts';
import { todayIn } from './time.ts';

// A date typed and shown as the dashboard's language writes it, whatever the browser's
// locale: a native date input showed "12/07/2026" (month first) to a Slovenian dashboard in
// an American Chromium. Every language puts the day first, as the dashboard's dates do
// (i18n.date: "7 Dec 2026", "7. dec. 2026"), and the form keeps the ISO day (2026-12-07).
// A time beside it is typed as the dashboard writes it too, 24-hour in all five languages
// (Danish with a dot, "14.30", as i18n.time), where a native time input said "2:30 PM".

const WRITTEN: Record<Language, { between: string; padded: boolean }> = {
  en: { between: '/', padded: true }, sl: { between: '. ', padded: false }, tr: { between: '.', padded: true }, da: { between: '.', padded: true }, ru: { between: '.', padded: true },
};
const pad = (n: number | string) => String(n).padStart(2, '0');

/** An ISO day as the language writes it by hand ("07/12/2026", "7. 12. 2026", "07.12.2026"); any other text as it is. */
export function showDate(iso: string, language: Language): string {
  if (!isDateOnly(iso)) return iso;
  const [year, month, day] = iso.split('-').map(Number);
  const { between, padded } = WRITTEN[language];
  return [day, month].map((n) => (padded ? pad(n) : String(n))).concat(String(year)).join(between);
}

const names = new Map<string, string[][]>();
/** Each month's names in a language and in English, lower case without dots: "dec", "december", "дек", "декабря"… */
function monthNames(language: Language): string[][] {
  let known = names.get(language);
  if (!known) {
    const styles = [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { day: 'numeric', month: 'short' }] as const;
    const formats = [LOCALES[language], 'en-GB'].flatMap((locale) => styles.map((style) => new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' })));
    known = Array.from({ length: 12 }, (_, m) => formats.map((f) => f.formatToParts(Date.UTC(2026, m, 15)).find((p) => p.type === 'month')!.value.toLocaleLowerCase().replace(/\.$/, '')));
    names.set(language, known);
  }
  return known;
}

/**
 * The ISO day a typed text names, read leniently: day, month and year in the language's order
 * with any separators ("7.12.2026", "7/12/26", "07122026"), the year left out for this one,
 * a month by its name ("7 Dec 2026", "7 дек. 2026 г."), or ISO ("2026-12-07", an instant's
 * day). '' for nothing typed, undefined for a text that names no day of the calendar.
 */
export function readDate(text: string, language: Language, today: string): string | undefined {
  const typed = text.trim().toLocaleLowerCase();
  if (typed === '') return '';
  let parts: number[];
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(typed) ?? /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})$/.exec(typed);
  if (iso) parts = [Number(iso[3]), Number(iso[2]), Number(iso[1])];
  else {
    const words = typed.match(/\p{L}+/gu) ?? [];
    const numbers = (typed.match(/\d+/g) ?? []).map((digits) => (/^\d{6}$|^\d{8}$/.test(digits) ? [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)] : [digits])).flat().map(Number);
    const named = words.filter((w) => w !== 'г' && w !== 'r');
    if (named.length > 1) return undefined;
    if (named.length === 1) {
      const month = monthNames(language).findIndex((forms) => forms.some((f) => f === named[0] || (named[0].length >= 3 && f.startsWith(named[0]))));
      if (month < 0) return undefined;
      numbers.splice(1, 0, month + 1);
    }
    if (numbers.length === 2) numbers.push(Number(today.slice(0, 4)));
    if (numbers.length !== 3) return undefined;
    parts = numbers;
  }
  const [day, month] = parts;
  const year = parts[2] < 100 ? 2000 + parts[2] : parts[2];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 9999 || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A typed time of day as "HH:MM" ("9" → 09:00, "930", "9.30", "09:30"): '' for nothing, undefined for no time of day. */
export function readTime(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return '';
  const m = /^(\d{1,2})(?:[:.h ]?(\d{2}))?$/.exec(typed);
  if (!m || Number(m[1]) > 23 || Number(m[2] ?? 0) > 59) return undefined;
  return `${pad(m[1])}:${m[2] ?? '00'}`;
}

/** Whether a value is a day of the calendar as ISO writes it ("2026-12-07"; not "2026-13-45", which only looks like one). */
export const isCalendarDay = (value: string) => isDateOnly(value) && readDate(value, 'en', value) === value;

/**
 * What keeps a DateTimeField's value from being sent, checked by a form before it sends (a
 * campaign's dates, a program's In force from: the same check for both), so the server is
 * never asked to read what the field could not, and answers in ISO 8601's words about the
 * wrong part: 'unreadable' for a day or a time of day the field cannot read (the field says
 * which, in the dashboard's words, once the form marks it invalid), 'day' for a time without
 * its day ("T09:00", for the form to say at the field that the day is missing). Undefined for
 * nothing typed, or a day with its time.
 */
export function dateTimeMistake(value: string): 'unreadable' | 'day' | undefined {
  if (value === '') return undefined;
  const [, day = value, time = ''] = /^(.*)T(.*)$/.exec(value) ?? [];
  if ((day !== '' && !isCalendarDay(day)) || (time !== '' && readTime(time) !== time)) return 'unreadable';
  return day === '' ? 'day' : undefined;
}

/** "HH:MM" as the language writes a time (Danish "14.30"); any other text as it is. */
export const showTime = (time: string, language: Language) => (/^\d{2}:\d{2}$/.test(time) && language === 'da' ? time.replace(':', '.') : time);

interface FieldProps {
  /** ISO day ("2026-12-07") or time ("14:30"); '' for none; a text that names none, as typed. */
  value: string;
  /** The ISO value typed, '' for none, or the text as typed when it names none (the field says so, and so would the server); then the text itself. */
  onChange(value: string, typed: string): void;
  testId?: string;
  required?: boolean;
  /** Refused by the server (its reason shows beside the field). */
  invalid?: boolean;
  /** The field's name when no <label> around it gives one. */
  label?: string;
  /** More of the (day's) input's attributes: an id a <label for> names, a data-path, an aria-describedby. */
  attributes?: Record<string, string | undefined>;
  /** The first and last ISO days the calendar offers (a period's To not before its From). */
  min?: string;
  max?: string;
}

/** One text input that reads what is typed into a value and shows the value as the language writes it. */
function TypedField({ value, onChange, testId, required, invalid, label, attributes, kind, onKeyDown, beside }: FieldProps & { kind: 'date' | 'time'; onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void; beside?: ReactNode }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string>();
  // Said once the field was left (a half-typed "7." is no date yet), and from then on as it is typed;
  // at once for a value it was given rather than typed (a report's ?from= in the address), and
  // when its form, refusing to send, marks it invalid (Enter pressed with the field still being typed in).
  const [checked, setChecked] = useState(false);
  const today = todayIn(i18n.timeZone);
  const read = (text: string) => (kind === 'date' ? readDate(text, language, today) : readTime(text));
  const show = (v: string) => (kind === 'date' ? showDate(v, language) : showTime(v, language));
  const text = draft !== undefined && (read(draft) ?? draft.trim()) === value ? draft : show(value);
  const unreadable = read(text) === undefined;
  const example = kind === 'date' ? showDate(today, language) : showTime('14:30', language);
  const reason = unreadable ? t(kind === 'date' ? 'common.dateField.unreadable' : 'common.timeField.unreadable', { example }) : required && !text.trim() ? t('common.required') : '';
  // A form that checks its fields before sending (the holdout's) stops at this one and says why, in the dashboard's language.
  useEffect(() => input.current?.setCustomValidity(reason), [reason]);
  const told = unreadable && (checked || invalid || draft === undefined);
  return (
    <>
      <input
        {...attributes} ref={input} type="text" className={`${kind}-input`} data-testid={testId} value={text} required={required} aria-label={label}
        placeholder={kind === 'date' ? t('common.dateField.format') : show('00:00')} inputMode={kind === 'time' ? 'numeric' : undefined} autoComplete="off"
        aria-invalid={invalid || told || undefined} aria-describedby={[attributes?.['aria-describedby'], told && `${id}-reason`].filter(Boolean).join(' ') || undefined}
        onChange={(e) => { setDraft(e.target.value); onChange(read(e.target.value) ?? e.target.value.trim(), e.target.value); }}
        onBlur={() => { setDraft(undefined); setChecked(true); }}
        onKeyDown={onKeyDown}
      />
      {beside}
      {told && <span id={`${id}-reason`} className="field-problem" role="alert">{reason}</span>}
    </>
  );
}

/** An ISO day for the calendar's bounds and value, none for a text that names no day. */
const day = (value: string | undefined) => (value && isDateOnly(value) ? value : undefined);

/**
 * A day typed as the language writes it; ↑ and ↓ step a day, Page Up and Page Down a month;
 * the button beside it (or Alt+↓ in the field) opens the dashboard's calendar (Calendar.tsx),
 * in the dashboard's language, whose day chosen fills the field as typing it would.
 */
export function DateField(props: FieldProps) {
  const { timeZone, t, language } = useI18n();
  const field = useRef<HTMLSpanElement>(null);
  const pick = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // The calendar returns the focus to its button (pick) as it closes.
  const close = useCallback(() => setOpen(false), []);
  const choose = (chosen: string) => {
    props.onChange(chosen, showDate(chosen, language));
    close();
  };
  const calendar = (
    <>
      <button ref={pick} type="button" className="date-pick" data-testid={props.testId && `${props.testId}-pick`} aria-label={t('common.dateField.pick')} title={t('common.dateField.pick')}
        aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 0h2v2h4V0h2v2h2.5c.8 0 1.5.7 1.5 1.5v11c0 .8-.7 1.5-1.5 1.5h-13C.7 16 0 15.3 0 14.5v-11C0 2.7.7 2 1.5 2H4zM2 6v8h12V6zm2 2h2v2H4zm3 0h2v2H7zm3 0h2v2h-2z" /></svg>
      </button>
      {open && (
        <Calendar value={day(props.value)} today={todayIn(timeZone)} bounds={{ min: day(props.min), max: day(props.max) }} anchor={field} opener={pick}
          testId={props.testId && `${props.testId}-calendar`} onChoose={choose} onClose={close} />
      )}
    </>
  );
  const step = (e: KeyboardEvent<HTMLInputElement>) => {
    // Alt+↓ opens a native date input's picker too.
    if (e.key === 'ArrowDown' && e.altKey) {
      e.preventDefault();
      setOpen(true);
      return;
    }
    const by = ({ ArrowUp: [1, 0], ArrowDown: [-1, 0], PageUp: [0, 1], PageDown: [0, -1] } as Record<string, [number, number]>)[e.key];
    if (!by || (props.value !== '' && !isDateOnly(props.value))) return;
    e.preventDefault();
    const from = props.value || todayIn(timeZone);
    const next = props.value === '' ? from : by[0] ? addDaysToDate(from, by[0]) : addMonthsToDate(from, by[1]);
    props.onChange(next, next);
  };
  return (
    <span className="date-field" ref={field}>
      <TypedField {...props} kind="date" onKeyDown={step} beside={calendar} />
    </span>
  );
}

/**
 * A day and a time of day in two inputs, for a datetime-local's value ("2026-12-07T14:30");
 * the time left empty is the day's start. An instant pasted into the day ("2026-12-07T14:30") fills both.
 */
export function DateTimeField({ value, onChange, testId, invalid, label, required = false, attributes }: Omit<FieldProps, 'onChange'> & { onChange(value: string): void }) {
  const { t } = useI18n();
  const [, day = value, time = ''] = /^(.*)T(.*)$/.exec(value) ?? [];
  // A time without its day stays in the value ("T14:30"), for the day's field and the server to ask for the day.
  const joined = (d: string, tm: string) => (d ? `${d}T${tm || '00:00'}` : tm ? `T${tm}` : '');
  const onDay = (d: string, typed: string) => {
    const pasted = /^\d{4}-\d{1,2}-\d{1,2}[T ](\d{1,2}:\d{2})/i.exec(typed.trim());
    onChange(joined(d, pasted ? readTime(pasted[1])! : time));
  };
  return (
    <span className="date-time">
      <DateField value={day} onChange={onDay} testId={testId} invalid={invalid} label={label} required={required || time !== ''} attributes={attributes} />
      <TypedField kind="time" value={time} testId={testId && `${testId}-time`} invalid={invalid} label={[label, t('common.timeField.label')].filter(Boolean).join(', ')}
        onChange={(tm) => onChange(joined(day, tm))} />
    </span>
  );
}
