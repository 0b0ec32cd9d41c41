import { AppError, describeError, isAppError } from '../shared/errors.ts';
import { say, type Language } from '../shared/messages/index.ts';
import { business, whenText } from './dates.ts';

// What the command line prints of an error (after "Error: "), in its language. One place
// for every command, on the database or through a server (remote.ts keeps a problem's
// members on the error it raises): a customer's 404 for an erased customer says that they
// were erased and when, as the dashboard does, where "not found" alone read as if there
// had never been one; for a merged one, into whom (the detail) and when.

/** The error's text in `language`: its message and field problems, and an erased customer's erasure or a merged one's merge. */
export async function errorText(error: unknown, language: Language): Promise<string> {
  if (!isAppError(error)) return describeError(error);
  const text = describeError(toldIn(error, language));
  const { erased_at: erasedAt, merged_at: mergedAt } = (error.kind === 'not_found' && error.extensions) || {};
  if (!erasedAt && !mergedAt) return text;
  // In the business's zone (the server's, when it answered); its instant as given if that cannot be asked.
  const when = (instant: string) => business().then(({ timeZone }) => whenText(instant, timeZone), () => instant);
  return erasedAt
    ? say('cli.customer_erased', { detail: text, at: await when(erasedAt) }).in(language)
    : say('cli.customer_merged', { detail: text, at: await when(mergedAt!) }).in(language);
}

/** The error with its message and field problems in `language` (describeError prints them). */
function toldIn(error: AppError, language: Language): AppError {
  if (language === 'en') return error;
  const told = error.in(language);
  return new AppError(error.kind, told.message, told.problems);
}
