import type { FieldProblem } from './api.ts';
import { useI18n } from './i18n/index.ts';

/**
 * A refused form's problems where the form is: the failure's message, or each field the
 * server named with why. `labels` gives a form's own fields by the label the form shows
 * them with ("Points", "In force from"), not the API's name for them; any other field
 * (a path in a document) shows as the server names it.
 */
export function Problems({ problems, failure, labels = {}, testId }: { problems: FieldProblem[]; failure?: string; labels?: Record<string, string>; testId?: string }) {
  const { t } = useI18n();
  if (!problems.length && !failure) return null;
  return (
    <div role="alert" className="error" data-testid={testId}>
      {failure && <p>{t('common.error', { message: failure })}</p>}
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>
              {Object.hasOwn(labels, p.field) ? <strong>{labels[p.field]}:</strong> : <code>{p.field}</code>} {p.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
