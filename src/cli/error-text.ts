import { AppError, describeError, isAppError } from '../shared/errors.ts';
import { say, type Language } from '../shared/messages/index.ts';
import { business, whenText } from './dates.ts';

// What the command line prints of an error (after "Error: "), in its language. One place
// for every command, on the database or through a server (remote.ts keeps a problem's
// members on the error it raises): a customer's 404 for an erased customer says that they
// were erased and when, as the dashboard does, where "not found" alone read as if there
// had never been one.

/** The error's text in `language`: its message and field problems, and an erased customer's erasure. */
export async function errorText(error: unknown, language: Language): Promise<string> {
  if (!isAppError(error)) return describeError(error);
  const text = describeError(toldIn(error, language));
  const erasedAt = error.kind === 'not_found' ? error.extensions?.erased_at : undefined;
  if (!erasedAt) return text;
  // In the business's zone (the server's, when it answered); its instant as given if that cannot be asked.
  const at = await business().then(({ timeZone }) => whenText(erasedAt, timeZone), () => erasedAt);
  return say('cli.customer_erased', { detail: text, at }).in(language);
}

/** The error with its message and field problems in `language` (describeError prints them). */
function toldIn(error: AppError, language: Language): AppError {
  if (language === 'en') return error;
  const told = error.in(language);
  return new AppError(error.kind, told.message, told.problems);
}
