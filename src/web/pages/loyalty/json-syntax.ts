import type { I18n } from '../../i18n/index.ts';

// The program editor catches a JSON syntax error before the document reaches the server.
// The browser's own message is in the browser's words and language ("Expected
// double-quoted property name in JSON at position 12"); the dashboard tells where the text
// goes wrong in its own language instead.

/** Line and column (from 1) of a position in the text. */
function lineAndColumn(source: string, position: number) {
  const before = source.slice(0, position);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/**
 * Why JSON.parse refused `source`, as the dashboard says it. Chromium and Safari name the
 * position ("at position 12"), Firefox the line and column ("at line 2 column 3"); the
 * end of the text comes as "Unexpected end of JSON input" (V8) or "end of data" (Firefox).
 */
export function jsonSyntaxReason(source: string, error: Error, t: I18n['t']): string {
  const { message } = error;
  const position = /position (\d+)/i.exec(message);
  const named = /line (\d+) column (\d+)/i.exec(message);
  if (/end of (JSON )?(input|data)/i.test(message) && !position) return t('loyalty.program.jsonEnds');
  if (position) return t('loyalty.program.jsonAt', lineAndColumn(source, Number(position[1])));
  if (named) return t('loyalty.program.jsonAt', { line: Number(named[1]), column: Number(named[2]) });
  return t('loyalty.program.jsonInvalid');
}
