import { createContext, useContext, useId, useState } from 'react';
import { DateTimeField } from '../../../DateField.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { getAt, parseAmount, parseInstant, parseList, parseNumber, pathKey, showDecimal, showInstant, shown, showList, withChoice, type Path } from './document.ts';
import type { Outline } from './outline.tsx';

// The form's inputs. Each reads the value at its path of the document and writes what is
// typed back there; each shows, under it, what the server said about that path when the
// document was last simulated, and carries the path (data-path) so that a problem in the
// list can take the cursor to it.

export interface ProgramFormApi {
  document: Record<string, unknown>;
  /** Puts `value` at `path` (undefined removes it; `prune` removes an object left empty, too). */
  set(path: Path, value: unknown, options?: { prune?: boolean }): void;
  /** Replaces the document by what `change` makes of it (a list item added, removed, moved). */
  change(change: (document: Record<string, unknown>) => Record<string, unknown>): void;
  /** The server's reasons for the field at `path`. */
  problems(path: Path): string[];
  /** How many of the server's reasons are for fields within the parts at `paths` ("tiers" holds "tiers.levels.1.threshold"). */
  problemsWithin(paths: readonly string[]): number;
  /** Which sections and list items are open. */
  outline: Outline;
  /** The business's currency, for the summaries' amounts; undefined until known. */
  currency?: string;
}

export const ProgramFormContext = createContext<ProgramFormApi | null>(null);

export function useProgramForm(): ProgramFormApi {
  const form = useContext(ProgramFormContext);
  if (!form) throw new Error('useProgramForm: outside ProgramForm');
  return form;
}

export const useValue = (path: Path): unknown => getAt(useProgramForm().document, path);

/**
 * What an input shows: the text being typed while it still means the document's value
 * ("1.50" while the document holds 1.5, "coffee, " while it holds ["coffee"]), else the
 * value as written. The document stays the one source of truth.
 */
function useDraft(value: unknown, parse: (text: string) => unknown, show: (value: unknown) => string): [string, (text: string | undefined) => void] {
  const [draft, setDraft] = useState<string>();
  const same = draft !== undefined && JSON.stringify(parse(draft)) === JSON.stringify(value);
  return [same ? draft : show(value), setDraft];
}

/** Reasons under an input, named by id for its aria-describedby. */
function Reasons({ id, reasons, missing }: { id: string; reasons: string[]; missing: boolean }) {
  const { t } = useI18n();
  if (!reasons.length && !missing) return null;
  return (
    <small id={id} className={reasons.length ? 'error' : 'hint'}>
      {reasons.length ? reasons.join(' ') : t('common.required')}
    </small>
  );
}

const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

type Kind = 'text' | 'integer' | 'number' | 'amount' | 'list' | 'instant';

// An instant is read and shown in the business's time zone (the second argument); a number
// and an amount shown with the language's decimal separator (the third), read with either.
const READ: Record<Kind, { parse: (text: string, timeZone: string) => unknown; show: (value: unknown, timeZone: string, separator: string) => string; inputMode?: 'numeric' | 'decimal' }> = {
  text: { parse: (text) => (text.trim() === '' ? undefined : text), show: shown },
  integer: { parse: parseNumber, show: shown, inputMode: 'numeric' },
  number: { parse: parseNumber, show: (value, _, separator) => showDecimal(value, separator), inputMode: 'decimal' },
  amount: { parse: parseAmount, show: (value, _, separator) => showDecimal(value, separator), inputMode: 'decimal' },
  list: { parse: parseList, show: showList },
  instant: { parse: parseInstant, show: showInstant },
};

/** One value of the document in an input of its kind: a text, a whole number, a number, an amount (kept a decimal string), a list between commas, an instant. */
export function Field({ path, label, kind = 'text', required = false, hint, prune, placeholder }: {
  path: Path; label: string; kind?: Kind; required?: boolean; hint?: string; prune?: boolean; placeholder?: string;
}) {
  const form = useProgramForm();
  const i18n = useI18n();
  const { timeZone } = i18n;
  const id = useId();
  const value = getAt(form.document, path);
  const read = READ[kind];
  // The dashboard's own: "1.5" in English, "1,5" in the others.
  const separator = i18n.number(1.5).charAt(1);
  const parse = (typed: string) => read.parse(typed, timeZone);
  const show = (shownValue: unknown) => read.show(shownValue, timeZone, separator);
  const [text, setDraft] = useDraft(value, parse, show);
  const reasons = form.problems(path);
  const missing = required && isEmpty(value);
  const described = [hint && `${id}-hint`, (reasons.length || missing) && `${id}-reasons`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${reasons.length ? ' refused' : ''}${missing ? ' missing' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {kind === 'instant' ? (
        // A day and a time as the dashboard's language writes them, not as the browser's locale would (DateField.tsx).
        <DateTimeField value={text} label={label} required={required} invalid={reasons.length > 0 || undefined}
          attributes={{ id, 'data-path': pathKey(path), 'aria-describedby': described }}
          onChange={(typed) => { setDraft(typed); form.set(path, parse(typed), { prune }); }} />
      ) : <input
        id={id}
        data-path={pathKey(path)}
        type="text"
        inputMode={read.inputMode}
        value={text}
        placeholder={placeholder && (read.inputMode === 'decimal' ? show(parse(placeholder)) : placeholder)}
        required={required}
        aria-invalid={reasons.length > 0 || undefined}
        aria-describedby={described}
        onChange={(e) => {
          setDraft(e.target.value);
          form.set(path, parse(e.target.value), { prune });
        }}
        // Left, a number typed with a point ("1.5") shows as the language writes it ("1,5").
        onBlur={read.inputMode === 'decimal' ? () => setDraft(undefined) : undefined}
      />}
      {hint && <small id={`${id}-hint`} className="hint">{hint}</small>}
      <Reasons id={`${id}-reasons`} reasons={reasons} missing={missing} />
    </div>
  );
}

/** The most characters a choice shows whole in a column 11rem wide ("Скидка в процентах", 18, did not; "Fixed discount" does). */
const WIDE = 14;

/**
 * A choice among the schema's values. A value the form does not know is still offered, as
 * it is written, so that showing the form never changes it; `empty` offers "none" (the key left out).
 */
export function Choice({ path, label, options, empty, required = false, onChoose }: {
  path: Path; label: string; options: readonly (readonly [value: string, label: string])[]; empty?: string; required?: boolean;
  /** Instead of setting the value alone (a policy whose fields change with it). */
  onChoose?: (value: string | undefined) => void;
}) {
  const form = useProgramForm();
  const id = useId();
  const value = getAt(form.document, path);
  const reasons = form.problems(path);
  const current = value === undefined ? '' : shown(value);
  const known = current === '' || options.some(([v]) => v === current);
  const missing = required && current === '';
  // A choice longer than a column shows ("Hver optjening, et antal måneder efter", "По умолчанию
  // (Автоматически, с первой покупкой)") takes the grid's whole row, its text wrapping where the browser lets a dropdown's (program-form.css).
  const wide = [empty ?? '', ...options.map(([, text]) => text)].some((text) => text.length > WIDE);
  return (
    <div className={`field${wide ? ' wide' : ''}${reasons.length ? ' refused' : ''}${missing ? ' missing' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-path={pathKey(path)}
        value={current}
        required={required}
        aria-invalid={reasons.length > 0 || undefined}
        aria-describedby={reasons.length || missing ? `${id}-reasons` : undefined}
        onChange={(e) => {
          const chosen = e.target.value === '' ? undefined : e.target.value;
          if (onChoose) onChoose(chosen);
          else form.set(path, chosen);
        }}
      >
        {(empty !== undefined || current === '') && <option value="">{empty ?? '—'}</option>}
        {!known && <option value={current}>{current}</option>}
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
      <Reasons id={`${id}-reasons`} reasons={reasons} missing={missing} />
    </div>
  );
}

/** A yes-or-no the schema defaults to no: ticked writes true, unticked leaves the key out. */
export function Check({ path, label }: { path: Path; label: string }) {
  const form = useProgramForm();
  const value = getAt(form.document, path);
  const reasons = form.problems(path);
  const id = useId();
  return (
    <div className={`field check${reasons.length ? ' refused' : ''}`}>
      <label className="inline">
        <input type="checkbox" data-path={pathKey(path)} checked={value === true} aria-describedby={reasons.length ? id : undefined}
          onChange={(e) => form.set(path, e.target.checked ? true : undefined)} />
        {label}
      </label>
      <Reasons id={id} reasons={reasons} missing={false} />
    </div>
  );
}

type Option = readonly [value: string | number, label: string];

/**
 * Some of a few values (channels, tiers, weekdays): ticked ones listed in the given order,
 * none leaves the key out (the schema refuses an empty list). The values keep their type
 * (a weekday is the number 6, not "6").
 */
export function Some({ path, label, options, hint, prune }: { path: Path; label: string; options: readonly Option[]; hint?: string; prune?: boolean }) {
  const form = useProgramForm();
  const value = getAt(form.document, path);
  const chosen: unknown[] = Array.isArray(value) ? value : [];
  const reasons = [...form.problems(path), ...chosen.flatMap((_, i) => form.problems([...path, i]))];
  const id = useId();
  // A value ticked in the document but not offered (a tier since removed, a weekday 8 typed in the JSON) is offered too, to be unticked.
  const strays = chosen.filter((c) => !options.some(([v]) => v === c));
  const all: readonly (readonly [value: unknown, label: string])[] = [...options, ...strays.map((c) => [c, shown(c)] as const)];
  const toggle = (option: unknown, on: boolean) => form.set(path, withChoice(chosen, all.map(([v]) => v), option, on), { prune });
  return (
    <fieldset className={`field some${reasons.length ? ' refused' : ''}`} data-path={pathKey(path)} aria-describedby={hint || reasons.length ? id : undefined}>
      <legend>{label}</legend>
      <div className="choices">
        {all.map(([v, text]) => (
          <label key={`${typeof v}:${shown(v)}`} className="inline">
            <input type="checkbox" checked={chosen.includes(v)} aria-invalid={reasons.length > 0 || undefined} onChange={(e) => toggle(v, e.target.checked)} />
            {text}
          </label>
        ))}
      </div>
      {(hint || reasons.length > 0) && <small id={id} className={reasons.length ? 'error' : 'hint'}>{reasons.length ? reasons.join(' ') : hint}</small>}
    </fieldset>
  );
}
