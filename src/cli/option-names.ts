import { AppError, isAppError } from '../shared/errors.ts';
import { told } from '../shared/messages/index.ts';

/** The command's action, its refusals naming `options` where they name their fields (below). */
export function namingOptions<A extends unknown[]>(options: Record<string, string>, action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      throw withOptionNames(error, options);
    }
  };
}

/**
 * The error with the fields it names told as the command's options: an import refused for its
 * `date_format` reads "--date-format: …", what the user typed (or must type) at the command
 * line. A reason that names another field quotes it (`from`, as the API writes field names
 * in its texts): that is renamed too, so "to before from" reads "--to: must not be before
 * --from". The same refusal comes from the embedded database and from a running server (its
 * problem's fields), so the command renames them once, whichever answered. Other errors, and
 * fields that are no option (a row's column), pass unchanged.
 */
function withOptionNames(error: unknown, options: Record<string, string>): unknown {
  if (!isAppError(error) || !error.problems.some((p) => Object.hasOwn(options, p.field))) return error;
  // Escaped: a field's path has dots in it (`benefit.amount`), which a pattern would take as any character.
  const names = Object.keys(options).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // A field stands first, or after a list's mark or another field's colon: never in the
  // headline's "Invalid query:", where `query` is what was refused, not a field of it.
  const fields = new RegExp(`(?<![\\w-])(?<=(?:^|[;:\\n-])\\s*)(${names}):`, 'g');
  const quoted = new RegExp(`\`(${names})\``, 'g');
  // The reasons are renamed as the message is, which repeats them (describeError finds them there).
  const inReason = (text: string) => text.replace(quoted, (_, field: string) => options[field]);
  const rename = (text: string) => inReason(text.replace(fields, (_, field: string) => `${options[field]}:`));
  return new AppError(
    error.kind,
    told((language) => rename(error.in(language).message)),
    error.problems.map((p, i) => ({ field: options[p.field] ?? p.field, reason: told((language) => inReason(error.in(language).problems[i].reason)) })),
  );
}
