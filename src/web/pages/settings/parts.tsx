import { useState, type ReactNode } from 'react';
import type { FieldProblem } from '../../api.ts';
import { CopyField } from '../../CopyField.tsx';
import { useI18n } from '../../i18n/index.ts';

// What the settings' tabs share: a secret shown once (a key, a password, a signing secret),
// and an action that asks before it acts (revoking a key, removing a webhook).

/** A secret the server keeps only as a hash, shown this once with a button to copy it (CopyField). */
export function ShownOnce({ title, value, children, onDone, testId }: { title: string; value: string; children?: ReactNode; onDone: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="notice shown-once" role="status" data-testid={testId}>
      <p>
        <strong>{title}</strong>
      </p>
      <CopyField value={value} label={title} fieldTestId={`${testId}-value`} />
      <p className="warning">{t('settings.shownOnce')}</p>
      {children}
      <button type="button" className="link" onClick={onDone}>
        {t('settings.shownOnceDone')}
      </button>
    </div>
  );
}

/** A button that first asks, in place, whether to go on: `question` names what it will do to what. */
/** A question asked in place before a step not lightly taken back: yes takes it, cancel leaves everything as it was. */
export function Question({ label, question, yes, busy, onYes, onCancel, testId }: { label: string; question: string; yes: string; busy: boolean; onYes: () => void; onCancel: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="confirm" role="alertdialog" aria-label={label} data-testid={testId}>
      <p>{question}</p>
      <div className="toolbar">
        <button type="button" className="primary danger" disabled={busy} autoFocus onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
      </div>
    </div>
  );
}

export function Confirmed({ label, question, yes, busy, onConfirm, testId }: { label: string; question: string; yes: string; busy: boolean; onConfirm: () => void; testId: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link danger" data-testid={testId} disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const answered = () => {
    setAsking(false);
    onConfirm();
  };
  return <Question label={label} question={question} yes={yes} busy={busy} onYes={answered} onCancel={() => setAsking(false)} testId={`${testId}-confirm`} />;
}

/**
 * A form's field with its label, and under it what the server said is wrong with it: a
 * refusal is read where the value was typed. `field` is the API's name for it; a problem
 * with a part of it (event_types.1) is its too.
 */
export function Field({ label, field, problems, className, children }: { label: string; field: string; problems: readonly FieldProblem[]; className?: string; children: ReactNode }) {
  const mine = problems.filter((p) => isOf(p, field));
  return (
    <label className={[className, mine.length ? 'invalid' : ''].filter(Boolean).join(' ') || undefined}>
      {label}
      {children}
      {mine.map((p, i) => (
        <span key={i} className="field-problem" role="alert">
          {p.reason}
        </span>
      ))}
    </label>
  );
}

const isOf = (p: FieldProblem, field: string) => p.field === field || p.field.startsWith(`${field}.`);

/** The problems no field of the form shows (`fields`: the ones it does), for the form's own list under it. */
export const otherProblems = (problems: readonly FieldProblem[], fields: readonly string[]): FieldProblem[] => problems.filter((p) => !fields.some((f) => isOf(p, f)));
