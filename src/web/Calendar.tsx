import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { addMonthsToDate } from '../shared/clock.ts';
import { calendarNames, canTurn, clampDay, monthWeeks, moveDay, outside, type Bounds } from './month-grid.ts';
import { LOCALES, useI18n } from './i18n/index.ts';

// The dashboard's own calendar, a month's page in its language, where the browser's date
// picker (showPicker) named the months and weekdays in the browser's language and started
// its weeks on the browser's day: a Slovenian dashboard in an American Chromium showed
// "December 2026, Su Mo Tu…". It is the WAI-ARIA APG's date picker dialog: the month as its
// heading, buttons for the month before and after, a grid of days each named by its full
// date, today marked, the chosen day selected; the keys of month-grid.ts's moveDay, Enter or
// Space choose, Escape and a click outside close. It is drawn over the page at the body
// (a portal, fixed where its field is): inside the field it would be cut by a card that
// scrolls its overflow, and read as part of the <label> around the field.
// A modal dialog as the APG's dialog pattern asks: while it is open everything else in the
// body (the app's root) is inert, so no Tab, script focus, click or screen reader reaches the
// page behind it, where aria-modal and a Tab kept inside only asked assistive technology to
// look away and a click still reached a link or button under the pointer; on closing the page
// is back and the focus returns to the button that opened it, however it closed.

interface CalendarProps {
  /** The field's day (selected), or none. */
  value?: string;
  /** Today in the business's time zone: marked, and where the calendar opens when the field has no day. */
  today: string;
  bounds: Bounds;
  /** The field the calendar opens under. */
  anchor: RefObject<HTMLElement | null>;
  /** The button that opened it: the focus returns to it when the calendar closes. */
  opener: RefObject<HTMLButtonElement | null>;
  testId?: string;
  onChoose(day: string): void;
  /** Closed without a day chosen (Escape, a press outside it). */
  onClose(): void;
}

const GAP = 4;
const MARGIN = 8;

/** Below the field, or above it when only there it fits; within the window's width (a phone's 390 px). */
function place(dialog: HTMLElement, anchor: HTMLElement) {
  const field = anchor.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const height = window.innerHeight;
  const below = field.bottom + GAP;
  const above = field.top - GAP - dialog.offsetHeight;
  const top = below + dialog.offsetHeight > height - MARGIN && above >= MARGIN ? above : below;
  const left = Math.max(MARGIN, Math.min(field.left, width - dialog.offsetWidth - MARGIN));
  dialog.style.top = `${Math.round(top)}px`;
  dialog.style.left = `${Math.round(left)}px`;
}

/** The day that has the tab stop (roving tabindex), or the dialog itself when that day cannot be chosen (bounds that exclude each other). */
function focusDay(dialog: HTMLElement) {
  const day = dialog.querySelector<HTMLButtonElement>('td button[tabindex="0"]');
  if (day && !day.disabled) day.focus();
  else dialog.focus();
}

const Chevron = ({ back }: { back?: boolean }) => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" strokeWidth="2" d={back ? 'M10 3 5 8l5 5' : 'm6 3 5 5-5 5'} /></svg>
);

export function Calendar({ value, today, bounds, anchor, opener, testId, onChoose, onClose }: CalendarProps) {
  const { t, language } = useI18n();
  const names = calendarNames(LOCALES[language]);
  const heading = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(() => clampDay(value ?? today, bounds));
  // The day's button takes the focus when the calendar opens and when a key moved it; a month turned by its button keeps the focus on that button.
  const keyMoved = useRef(false);

  useLayoutEffect(() => {
    if (dialog.current && anchor.current) place(dialog.current, anchor.current);
  });
  // Opening and closing in one effect (React's StrictMode runs it, undoes it and runs it again
  // in development: the focus ends on the day, not on the opener). The body's other children
  // already inert stay so when it closes.
  useLayoutEffect(() => {
    const own = dialog.current!;
    const button = opener.current;
    const behind = [...document.body.children].filter((e): e is HTMLElement => e instanceof HTMLElement && e !== own && !e.inert);
    for (const e of behind) e.inert = true;
    focusDay(own);
    return () => {
      for (const e of behind) e.inert = false;
      button?.focus();
    };
  }, [opener]);
  useEffect(() => {
    const follow = () => dialog.current && anchor.current && place(dialog.current, anchor.current);
    // The page behind is inert, so a press there (the opener too) lands on the body or the
    // document: it closes the calendar, and reaches nothing under the pointer. Its default is
    // prevented, since the mousedown after it would move the focus to the body, off the opener
    // it has just returned to.
    const away = (e: PointerEvent) => {
      if (dialog.current?.contains(e.target as Node)) return;
      e.preventDefault();
      onClose();
    };
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    document.addEventListener('pointerdown', away, true);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
      document.removeEventListener('pointerdown', away, true);
    };
  }, [anchor, onClose]);
  useEffect(() => {
    if (!keyMoved.current) return;
    keyMoved.current = false;
    focusDay(dialog.current!);
  }, [focused]);

  const move = (e: KeyboardEvent) => {
    const next = moveDay(focused, e.key, e.shiftKey, bounds);
    if (next === undefined) return;
    e.preventDefault();
    keyMoved.current = true;
    setFocused(next);
  };
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') {
      // A modal dialog: Tab goes round its buttons (the month's turns and the focused day).
      const stops = [...dialog.current!.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')].filter((b) => b.tabIndex >= 0);
      const at = stops.indexOf(document.activeElement as HTMLButtonElement);
      e.preventDefault();
      stops[(at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length]?.focus();
    }
  };
  const turn = (by: -1 | 1) => setFocused(clampDay(addMonthsToDate(focused, by), bounds));
  const month = focused.slice(0, 7);

  return createPortal(
    <div ref={dialog} className="calendar" role="dialog" aria-modal="true" aria-label={t('common.dateField.pick')} tabIndex={-1} data-testid={testId} onKeyDown={keys}>
      <div className="calendar-head">
        <button type="button" className="calendar-turn" aria-label={t('common.calendar.previousMonth')} title={t('common.calendar.previousMonth')}
          disabled={!canTurn(focused, -1, bounds)} onClick={() => turn(-1)}><Chevron back /></button>
        <h2 id={heading} aria-live="polite">{names.heading(focused)}</h2>
        <button type="button" className="calendar-turn" aria-label={t('common.calendar.nextMonth')} title={t('common.calendar.nextMonth')}
          disabled={!canTurn(focused, 1, bounds)} onClick={() => turn(1)}><Chevron /></button>
      </div>
      <table role="grid" aria-labelledby={heading} onKeyDown={move}>
        <thead>
          <tr>{names.weekdays.map((d) => <th key={d.long} scope="col" abbr={d.long}>{d.short}</th>)}</tr>
        </thead>
        <tbody>
          {monthWeeks(focused).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <td key={day} aria-selected={day === value || undefined}>
                  <button type="button" data-day={day} tabIndex={day === focused ? 0 : -1} aria-label={names.full(day)} aria-current={day === today ? 'date' : undefined}
                    className={day.startsWith(month) ? undefined : 'outside'} disabled={outside(day, bounds)} onClick={() => onChoose(day)}>
                    {Number(day.slice(8))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
