// Where a text stops being JSON, for a refusal told in the reader's language. The engine's
// own sentence is English and names no place reliably (Node 20 says "at position 1" for
// some errors, quotes the text around others — "Unexpected token 'x', "{"a": x}" is not
// valid JSON" — and says nothing of where for an early end), so the text is scanned here.

export interface JsonSyntaxError {
  /** Offset in the text (UTF-16 units, as String.slice counts). */
  position: number;
  /** Line and column from 1; the column counts characters, as an editor shows them. */
  line: number;
  column: number;
  /** The text ended before the value did (an unclosed bracket or quotation mark). */
  ends: boolean;
}

/** Where JSON.parse refuses `text`, or undefined when it is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    // Scanned only once the engine has refused: its verdict stays the one that counts.
  }
  let position: number;
  try {
    position = firstBreak(text);
  } catch {
    return undefined; // nested too deep to scan; the caller says the text is not JSON, without where
  }
  const ends = position >= text.length;
  // At the end, the place is just after the last character written, not after trailing blank lines.
  if (ends) position = text.trimEnd().length;
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { position, line: before.split('\n').length, column: Array.from(before.slice(lineStart)).length + 1, ends };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
class Break {
  constructor(readonly at: number) {}
}

/** The offset of the first character that cannot continue JSON (text.length when the text ends too early). */
function firstBreak(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new Break(i);
  };
  const ws = () => {
    while (WHITESPACE.has(s[i])) i++;
  };
  const expect = (c: string) => (s[i] === c ? i++ : fail());
  const digits = () => {
    if (!/[0-9]/.test(s[i] ?? '')) fail();
    while (/[0-9]/.test(s[i] ?? '')) i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const c = s[i];
      if (c === undefined || c < ' ') fail();
      i++;
      if (c === '"') return;
      if (c !== '\\') continue;
      if (ESCAPES.has(s[i])) i++;
      else if (s[i] === 'u') {
        i++;
        for (let k = 0; k < 4; k++) (/[0-9a-fA-F]/.test(s[i] ?? '') ? i++ : fail());
      } else fail();
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (s[i] === '}') return void i++;
        expect(',');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ']') return void i++;
        expect(',');
      }
    }
    if (c === '"') return string();
    if (c === '-' || /[0-9]/.test(c ?? '')) {
      if (c === '-') i++;
      if (s[i] === '0') i++;
      else digits();
      if (s[i] === '.') (i++, digits());
      if (s[i] === 'e' || s[i] === 'E') {
        i++;
        if (s[i] === '+' || s[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word[0]) continue;
      for (const letter of word) expect(letter);
      return;
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
  } catch (error) {
    if (error instanceof Break) return error.at;
    throw error;
  }
  return s.length; // not reached for a text JSON.parse refused
}
