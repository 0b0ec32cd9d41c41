import { useState } from 'react';
import { ApiError, type FieldProblem } from './api.ts';
import { useI18n, type I18n } from './i18n/index.ts';

/**
 * What a failed call says: an erased customer's id (the API's 404 carries `erased_at` on
 * every route given a customer id) that the customer was erased, and when, as the
 * customer's page says it — a form or a tab left open while the customer was erased;
 * anything else its message, the times it names as the dashboard's language writes them.
 */
export function failureText(i18n: I18n, error: unknown): string {
  if (error instanceof ApiError && error.erasedAt) return i18n.t('customerActions.erasedOn', { date: i18n.date(error.erasedAt, true) });
  return i18n.withDates((error as Error).message);
}

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
      else setFailure(failureText(i18n, error));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problems, failure, submit, setProblems, setFailure };
}
