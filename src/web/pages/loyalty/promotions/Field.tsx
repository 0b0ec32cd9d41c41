import type { ReactNode } from 'react';
import type { FieldProblem } from '../../../api.ts';
import { Problems } from '../../../Problems.tsx';

// A form's input with the API's refusal of it right under it, where the eye already is
// ("Amount: must be greater than 0"), rather than in a list above the form. Problems the
// form has no input for (a conflict, a field it does not show) are listed by `Others`.

export function Field({ label, field, problems, children, className = '' }: { label: string; field: string; problems: FieldProblem[]; children: ReactNode; className?: string }) {
  const refused = problems.filter((p) => p.field === field);
  return (
    <label className={`${className}${refused.length ? ' refused' : ''}`}>
      {label}
      {children}
      {refused.map((p, i) => (
        <span key={i} className="refusal" role="alert" data-testid={`refusal-${field}`}>{p.reason}</span>
      ))}
    </label>
  );
}

/** The refusals no input of the form shows (`shown`: the fields it has), and a failure without fields (a conflict, a lost connection). */
export function Others({ problems, failure, shown }: { problems: FieldProblem[]; failure?: string; shown: string[] }) {
  return <Problems problems={problems.filter((p) => !shown.includes(p.field))} failure={failure} />;
}
