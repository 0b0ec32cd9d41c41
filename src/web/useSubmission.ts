import { useState } from 'react';
import { ApiError, type FieldProblem } from './api.ts';

/**
 * A form's call to the API: busy while it runs; the problems the server named, field by
 * field, or else the failure's message. `submit` gives the answer, or undefined when it
 * failed (what went wrong is then in `problems` or `failure`).
 */
export function useSubmission() {
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
      if (error instanceof ApiError && error.problems.length) setProblems(error.problems);
      else setFailure((error as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problems, failure, submit, setProblems, setFailure };
}
