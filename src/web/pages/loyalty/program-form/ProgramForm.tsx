import { useMemo } from 'react';
import type { FieldProblem } from '../../../api.ts';
import { useI18n } from '../../../i18n/index.ts';
import { jsonSyntaxReason } from '../json-syntax.ts';
import { Bonuses, Expiry } from './Bonuses.tsx';
import { Challenges } from './Challenges.tsx';
import { pathKey, pretty, problemPath, readDocument, setAt } from './document.ts';
import { Earning } from './Earning.tsx';
import { ProgramFormContext, type ProgramFormApi } from './fields.tsx';
import { General } from './General.tsx';
import { Rewards } from './Rewards.tsx';
import { Tiers } from './Tiers.tsx';

/**
 * The program document as a form, beside its JSON text: the text is the one source of
 * truth. The form reads the document the text holds and writes each change back as the
 * whole text, so switching views keeps every field, the form's and the rest. A text that
 * does not parse is never overwritten: the form says where it breaks and sends the reader
 * to the JSON view to mend it. `problems` are the server's from the last simulation, each
 * shown at the input of its path.
 */
export function ProgramForm({ source, onChange, problems, onShowJson }: {
  source: string;
  onChange: (source: string) => void;
  problems: FieldProblem[];
  onShowJson: () => void;
}) {
  const { t } = useI18n();
  const read = useMemo(() => readDocument(source), [source]);
  const byPath = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of problems) {
      const key = problemPath(p.field);
      map.set(key, [...(map.get(key) ?? []), p.reason]);
    }
    return map;
  }, [problems]);

  if (!read.ok) {
    return (
      <div className="notice program-form-unreadable" role="alert" data-testid="program-form-unreadable">
        <p>
          {t('programForm.unreadable', {
            reason: read.error ? jsonSyntaxReason(source, read.error, t) : t('programForm.notAnObject'),
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
  };
  return (
    <ProgramFormContext.Provider value={api}>
      <form className="program-form" data-testid="program-form" aria-label={t('programForm.heading')} onSubmit={(e) => e.preventDefault()} noValidate>
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
