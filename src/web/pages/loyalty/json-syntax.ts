import { jsonSyntaxError } from '../../../shared/json-syntax.ts';
import type { I18n } from '../../i18n/index.ts';

// The program editor catches a JSON syntax error before the document reaches the server.
// The browser's own message is in the browser's words and language, and names a place for
// some errors only; the dashboard tells where the text goes wrong in its own language,
// found as the command line finds it (shared/json-syntax.ts).

/** Why JSON.parse refused `source`, as the dashboard says it. */
export function jsonSyntaxReason(source: string, t: I18n['t']): string {
  const at = jsonSyntaxError(source);
  if (!at) return t('loyalty.program.jsonInvalid');
  return at.ends ? t('loyalty.program.jsonEnds') : t('loyalty.program.jsonAt', { line: at.line, column: at.column });
}
