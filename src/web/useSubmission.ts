import { useState } from 'react';
import { ApiError, type FieldProblem } from './api.ts';
import { useI18n } from './i18n/index.ts';

/**
 * A form's call to the API: busy while it runs; the problems the server named, field by
 * field, or else the failure's message. `submit` gives the answer, or undefined when it
 * failed (what went wrong is then in `problems` or `failure`). The times the server's
 * texts name (2026-12-01T10:00:00.000Z) are shown as the dashboard's language writes them.
 */
export function useSubmission() {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const submit = async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setProblems([]);
    setFailure(undefined);
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) setProblems(error.problems.map((p) => ({ field: p.field, reason: i18n.withDates(p.reason) })));
      else setFailure(i18n.withDates((error as Error).message));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problems, failure, submit, setProblems, setFailure };
}
