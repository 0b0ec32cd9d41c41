import type { ReactNode } from 'react';
import type { FieldProblem } from './api.ts';
import { DateField, isCalendarDay } from './DateField.tsx';
import { useI18n } from './i18n/index.ts';
import { Field } from './pages/settings/parts.tsx';

// A period of the business's days typed as two dates, From and To: the loyalty report's
// period and the activity log's filter. Each calendar keeps the other's day as its bound, and a
// To before the From is told at the To, naming the From as the form labels it.

/** Whether `to` is not before `from` (a day left out bounds nothing); YYYY-MM-DD sort as text, as the API's datesInOrder. */
const inOrder = (from: string, to: string) => !from || !to || unreadable(from) || unreadable(to) || from <= to;
/** A text that names no day: typed (DateField passes it on as typed), or in the address ("?to=2026-13-45", shaped as a day but none). */
const unreadable = (day: string) => day !== '' && !isCalendarDay(day);

export interface DateRangeProps {
  from: string;
  to: string;
  onFrom(day: string): void;
  onTo(day: string): void;
  /** The API's names for the two dates, whose refusals show under them. */
  fields: readonly [from: string, to: string];
  /** The inputs' test ids are `${testId}-from` and `${testId}-to`. */
  testId: string;
  problems: readonly FieldProblem[];
  /** What stays on the dates' row after them (the report's Show button). */
  children?: ReactNode;
}

/** The From and To date fields, for a form's toolbar: one item of its row, so a row that wraps never parts the To from the From. */
export function DateRangeFields({ from, to, onFrom, onTo, fields: [fromField, toField], testId, problems, children }: DateRangeProps) {
  const { t } = useI18n();
  // A To before the From is told here alone: the server's refusal of the same order names the
  // dates as the API does (`from`, `until`), not as the form labels them.
  // A day the field cannot read it tells itself, in the dashboard's words: the server's refusal of the same text is not told again.
  const told = problems.filter((p) => !(p.field === fromField && unreadable(from)) && !(p.field === toField && unreadable(to)));
  const shown = inOrder(from, to) ? told : [{ field: toField, reason: t('common.period.toBeforeFrom', { from: t('common.period.from') }) }];
  return (
    <div className="date-range">
      <Field label={t('common.period.from')} field={fromField} problems={shown}>
        <DateField testId={`${testId}-from`} value={from} invalid={shown.some((p) => p.field === fromField) || undefined} onChange={onFrom} max={to} />
      </Field>
      <Field label={t('common.period.to')} field={toField} problems={shown}>
        <DateField testId={`${testId}-to`} value={to} invalid={shown.some((p) => p.field === toField) || undefined} onChange={onTo} min={from} />
      </Field>
      {children}
    </div>
  );
}
