import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { counted } from '../../../i18n/counted.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.ts';
import { useProgramForm } from './fields.tsx';

// The form folds: each section (General, Earning, …) and each list item (a tier level, a
// reward, …) opens and closes, and says in its header, while closed, what it holds. Which
// parts are open is kept by ProgramEditor, above the form, so that it outlives the form
// while the JSON view is shown. A part is named by a key: a section by "#" and its id
// ("#tiers"), a list item by its path ("tiers.levels.2"). Closed content stays in the
// page (hidden until found): the inputs keep what is being typed, and the browser's
// find-in-page opens the part that holds what it found.

export interface Outline {
  isOpen(key: string): boolean;
  setOpen(key: string, open: boolean): void;
  /** Opens every part named, at once (those that hold a refused field). */
  open(keys: readonly string[]): void;
  /** A list's items were removed or moved: each open one, and what is open inside it, goes with it (`moved` gives an item's new index, undefined when it is gone). */
  follow(list: string, moved: (index: number) => number | undefined): void;
}

// Every part starts closed: the form then reads, one line a section, as a summary of the
// whole program, in which an owner finds the part they came for ("Tiers: 3 levels: Member,
// Silver from €250.00, Gold from €750.00") and opens that one, by its header or the index
// above. General is no exception: the program's name and its points' name are in its
// line too, and a page that opened on the points' name in five languages would push the
// rest out of sight, the very length the folding is there to save.
export function useOutline(): Outline {
  const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  return useMemo(() => ({
    isOpen: (key) => opened.get(key) ?? false,
    setOpen: (key, open) => setOpened((m) => new Map(m).set(key, open)),
    open: (keys) => setOpened((m) => keys.reduce((next, key) => next.set(key, true), new Map(m))),
    follow: (list, moved) => setOpened((m) => followItems(m, list, moved)),
  }), [opened]);
}

/** The keys of the parts under `list`'s items renumbered as the items moved; those of removed items dropped. */
export function followItems(opened: ReadonlyMap<string, boolean>, list: string, moved: (index: number) => number | undefined): Map<string, boolean> {
  const next = new Map<string, boolean>();
  for (const [key, open] of opened) {
    const under = key.startsWith(`${list}.`) ? /^(\d+)(\..*)?$/.exec(key.slice(list.length + 1)) : null;
    if (!under) {
      next.set(key, open);
      continue;
    }
    const to = moved(Number(under[1]));
    if (to !== undefined) next.set(`${list}.${to}${under[2] ?? ''}`, open);
  }
  return next;
}

/**
 * Content that a header shows and hides. Closed, it is `hidden="until-found"` (set here:
 * React knows `hidden` only as yes or no): out of sight and out of the tab order, yet
 * searchable, and the browser's find-in-page asks to open it (beforematch).
 */
export function Collapsible({ id, open, onFound, className, children }: { id: string; open: boolean; onFound: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const found = useRef(onFound);
  useLayoutEffect(() => {
    found.current = onFound;
    if (open) ref.current?.removeAttribute('hidden');
    else ref.current?.setAttribute('hidden', 'until-found');
  });
  useEffect(() => {
    const element = ref.current;
    const match = () => found.current();
    element?.addEventListener('beforematch', match);
    return () => element?.removeEventListener('beforematch', match);
  }, []);
  return <div id={id} ref={ref} className={className}>{children}</div>;
}

/** A header's red count of the problems within its part, or nothing. */
export function ProblemCount({ id, count }: { id: string; count: number }) {
  const i18n = useI18n();
  return count > 0 ? <span id={id} className="problem-count">{counted(i18n, 'programProblems', count)}</span> : null;
}

/** The form's sections in its order, each with the document's paths it shows (for the count of their problems). */
export const SECTIONS = [
  { id: 'general', title: 'programForm.general', owns: ['name', 'points_name', 'point_value', 'enrolment', 'pending_days', 'refund_shortfall', 'reservation_minutes'] },
  { id: 'earning', title: 'programForm.earning', owns: ['earning'] },
  { id: 'bonuses', title: 'programForm.bonuses', owns: ['bonuses'] },
  { id: 'expiry', title: 'programForm.expiry', owns: ['expiry'] },
  { id: 'tiers', title: 'programForm.tiers', owns: ['tiers'] },
  { id: 'rewards', title: 'programForm.rewards', owns: ['rewards'] },
  { id: 'challenges', title: 'programForm.challenges', owns: ['challenges'] },
] as const satisfies readonly { id: string; title: MessageKey; owns: readonly string[] }[];
export type SectionId = (typeof SECTIONS)[number]['id'];

/**
 * A part of the form, under a heading whose button opens and closes it (the heading names
 * the section for assistive technology too); closed, its summary follows the heading. A
 * count of the problems within it follows, open or closed.
 */
export function Section({ id, summary, testId, path, children }: { id: SectionId; summary: string; testId: string; path?: string; children: ReactNode }) {
  const { t } = useI18n();
  const form = useProgramForm();
  const { title, owns } = SECTIONS.find((s) => s.id === id)!;
  const key = `#${id}`;
  const open = form.outline.isOpen(key);
  const problems = form.problemsWithin(owns);
  const ids = useId();
  const described = [!open && summary && `${ids}-summary`, problems > 0 && `${ids}-problems`].filter(Boolean).join(' ') || undefined;
  return (
    <section id={sectionId(id)} className={`form-section${open ? ' open' : ''}${problems ? ' refused' : ''}`} aria-labelledby={`${ids}-heading`}
      data-testid={testId} data-path={path} data-outline={key} data-open={open}>
      <div className="section-head">
        <h3 id={`${ids}-heading`}>
          <button type="button" className="toggle" aria-expanded={open} aria-controls={`${ids}-body`} aria-describedby={described} onClick={() => form.outline.setOpen(key, !open)}>
            {t(title)}
          </button>
        </h3>
        {!open && summary && <span id={`${ids}-summary`} className="summary">{summary}</span>}
        <ProblemCount id={`${ids}-problems`} count={problems} />
      </div>
      <Collapsible id={`${ids}-body`} className="section-body" open={open} onFound={() => form.outline.setOpen(key, true)}>
        {children}
      </Collapsible>
    </section>
  );
}

/** The element id of a section, for the index's links to it. */
export const sectionId = (id: string) => `program-form-section-${id}`;

const CONTROL = 'input, select, textarea';

/** The input of a problem's field (data-path), or, for a path no input shows, the first input of the nearest part that holds it (a section, a list item, an empty list's Add button). */
function targetOf(root: ParentNode, field: string): HTMLElement | undefined {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const at = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (!at) continue;
    return at.matches(CONTROL) ? at : at.querySelector<HTMLElement>(`${CONTROL}, button:not(.toggle)`) ?? at;
  }
  return undefined;
}

/** The keys of the closed parts around an element, the outermost last. */
function closedAround(element: HTMLElement): string[] {
  const keys: string[] = [];
  for (let part = element.closest<HTMLElement>('[data-outline]'); part; part = part.parentElement?.closest<HTMLElement>('[data-outline]') ?? null) {
    if (part.dataset.open === 'false') keys.push(part.dataset.outline!);
  }
  return keys;
}

/**
 * Opens the parts that hold the problems' fields (sections and list items), then takes the
 * cursor to the first of those fields in the form's order. Whether any was found: a field
 * no part of the form shows (a JSON syntax error) is the JSON view's to show.
 */
export function revealFields(root: ParentNode, fields: readonly string[], outline: Outline): boolean {
  const targets = fields.map((field) => targetOf(root, field)).filter((t): t is HTMLElement => t !== undefined);
  if (!targets.length) return false;
  const closed = [...new Set(targets.flatMap(closedAround))];
  if (closed.length) flushSync(() => outline.open(closed));
  const first = targets.reduce((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? b : a));
  first.scrollIntoView({ block: 'center' });
  first.focus();
  return true;
}
