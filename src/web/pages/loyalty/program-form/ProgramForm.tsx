import { useEffect, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { FieldProblem } from '../../../api.ts';
import { useI18n } from '../../../i18n/index.ts';
import { counted } from '../../../i18n/counted.ts';
import { jsonSyntaxReason } from '../json-syntax.ts';
import { Bonuses, Expiry } from './Bonuses.tsx';
import { Challenges } from './Challenges.tsx';
import { pathKey, pretty, problemPath, readDocument, setAt } from './document.ts';
import { Earning } from './Earning.tsx';
import { ProgramFormContext, type ProgramFormApi } from './fields.tsx';
import { General } from './General.tsx';
import { revealFields, sectionId, SECTIONS, type Outline } from './outline.tsx';
import { Rewards } from './Rewards.tsx';
import { Tiers } from './Tiers.tsx';

/**
 * The index of the form's sections: a link to each that opens it, takes the page there and
 * the cursor to its heading's button; a section holding refused fields is marked.
 */
function SectionIndex({ outline, problemsWithin }: { outline: Outline; problemsWithin: (paths: readonly string[]) => number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const jump = (id: string) => {
    flushSync(() => outline.setOpen(`#${id}`, true));
    const section = document.getElementById(sectionId(id));
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('.toggle')?.focus({ preventScroll: true });
  };
  return (
    <nav className="form-index" aria-label={t('programForm.index')} data-testid="program-form-index">
      <ul>
        {SECTIONS.map(({ id, title, owns }) => {
          const problems = problemsWithin(owns);
          return (
            <li key={id}>
              <a href={`#${sectionId(id)}`} className={problems ? 'refused' : undefined} onClick={(e) => { e.preventDefault(); jump(id); }}>
                {t(title)}
                {problems > 0 && <span className="problem-count"> ({counted(i18n, 'programProblems', problems)})</span>}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * The program document as a form, beside its JSON text: the text is the one source of
 * truth. The form reads the document the text holds and writes each change back as the
 * whole text, so switching views keeps every field, the form's and the rest. A text that
 * does not parse is never overwritten: the form says where it breaks and sends the reader
 * to the JSON view to mend it. `problems` are the server's from the last simulation, each
 * shown at the input of its path; a new refusal opens the sections and list items that
 * hold its fields and takes the cursor to the first.
 */
export function ProgramForm({ source, onChange, problems, onShowJson, outline, currency }: {
  source: string;
  onChange: (source: string) => void;
  problems: FieldProblem[];
  onShowJson: () => void;
  /** Which sections and items are open, kept above the form so that it outlives the JSON view. */
  outline: Outline;
  currency?: string;
}) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const read = useMemo(() => readDocument(source), [source]);
  const byPath = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) {
      const key = problemPath(p.field);
      map.set(key, [...(map.get(key) ?? []), p.reason]);
    }
    return map;
  }, [problems]);
  const problemsWithin = (paths: readonly string[]) => {
    let n = 0;
    for (const [key, reasons] of byPath) if (paths.some((p) => key === p || key.startsWith(`${p}.`))) n += reasons.length;
    return n;
  };

  // Problems the form was opened with are left to their list; only a refusal that comes
  // while it is open moves the cursor. Out of React's commit (a timer) so that opening the
  // parts renders at once, before the focus.
  const seen = useRef(problems);
  useEffect(() => {
    if (problems === seen.current) return;
    seen.current = problems;
    if (!problems.length) return;
    const timer = setTimeout(() => form.current && revealFields(form.current, problems.map((p) => problemPath(p.field)), outline));
    return () => clearTimeout(timer);
    // Keyed by the refusal alone: the outline changes as parts open, and is the same setter all along.
  }, [problems]);

  if (!read.ok) {
    return (
      <div className="notice program-form-unreadable" role="alert" data-testid="program-form-unreadable">
        <p>
          {t('programForm.unreadable', {
            reason: read.error ? jsonSyntaxReason(source, t) : t('programForm.notAnObject'),
          })}
        </p>
        <button type="button" className="secondary" onClick={onShowJson}>{t('programForm.toJson')}</button>
      </div>
    );
  }

  const document = read.document;
  const api: ProgramFormApi = {
    document,
    set: (path, value, options) => onChange(pretty(setAt(document, path, value, options))),
    change: (change) => onChange(pretty(change(document))),
    problems: (path) => byPath.get(pathKey(path)) ?? [],
    problemsWithin,
    outline,
    currency,
  };
  return (
    <ProgramFormContext.Provider value={api}>
      <form ref={form} className="program-form" data-testid="program-form" aria-label={t('programForm.heading')} onSubmit={(e) => e.preventDefault()} noValidate>
        <SectionIndex outline={outline} problemsWithin={problemsWithin} />
        <General />
        <Earning />
        <Bonuses />
        <Expiry />
        <Tiers />
        <Rewards />
        <Challenges />
      </form>
    </ProgramFormContext.Provider>
  );
}
