import { Transform, type TransformCallback } from 'node:stream';
import { invalidField } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';

// A file is read as UTF-8 unless told otherwise. Spreadsheets on Windows save "CSV" in the
// system's code page — windows-1250 for Slovenian, 1251 for Russian, 1252 for Danish and
// English, 1254 for Turkish — and read as UTF-8 their letters would become U+FFFD: names
// and cities stored garbled, without a word. So bytes that are not UTF-8 stop the import at
// their line, with the code page the file most likely is in; `encoding` reads it as that.

/** The encodings offered by the dashboard; any label TextDecoder knows is accepted. */
export const COMMON_ENCODINGS = ['utf-8', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1254', 'utf-16le'];

/** The encoding's canonical name, or a problem of the field `encoding`. */
export function encodingOf(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw invalidField('encoding', say('import.unknown_encoding', { label, encodings: COMMON_ENCODINGS.join(', ') }));
  }
}

/**
 * Where the first byte that is not UTF-8 is in `bytes`, or -1. A sequence cut at the end
 * is not counted unless `final`: the rest may come with the next chunk.
 */
export function invalidUtf8At(bytes: Uint8Array, final: boolean): number | { incompleteFrom: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (i + length > bytes.length) {
      for (let k = i + 1; k < bytes.length; k++) if ((bytes[k] & 0xc0) !== 0x80) return i;
      return final ? i : { incompleteFrom: i };
    }
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms and surrogates are not UTF-8 either.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

// The words each code page's languages write: the decoding that yields most letters
// beyond ASCII inside such words is the likely one. Read in the wrong page, a word comes
// out of mixed scripts ("Jшrgensen", Danish read as Cyrillic) or with letters its
// languages lack ("Kovaè", Slovenian read as Western; "Bćk", Danish read as Central
// European), and counts nothing. So each set holds the letters of our languages alone:
// Slovenian č š ž, Danish æ ø å (German ä ö ü ß, é of loanwords), Turkish ç ğ ı ş ö ü.
const WORDS: Record<string, { word: RegExp; letters: RegExp }> = {
  'windows-1250': { word: /^[A-Za-zčšžČŠŽ]+$/, letters: /[čšžČŠŽ]/g },
  'windows-1251': { word: /^[а-яёА-ЯЁ]+$/, letters: /[а-яёА-ЯЁ]/g },
  'windows-1252': { word: /^[A-Za-zæøåÆØÅäöüßÄÖÜé]+$/, letters: /[æøåÆØÅäöüßÄÖÜé]/g },
  'windows-1254': { word: /^[A-Za-zçğışöüÇĞİŞÖÜ]+$/, letters: /[çğışöüÇĞİŞÖÜ]/g },
};

/** The code page a sample of bytes that is not UTF-8 most likely is in (Western when nothing tells). */
export function likelyCodePage(sample: Uint8Array): string {
  let best = 'windows-1252';
  let bestScore = 0;
  for (const [encoding, { word, letters }] of Object.entries(WORDS)) {
    const words = new TextDecoder(encoding).decode(sample).match(/\p{L}+/gu) ?? [];
    const score = words.filter((w) => word.test(w)).reduce((n, w) => n + (w.match(letters)?.length ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [encoding, score];
  }
  return best;
}

/** The encoding of a file's first bytes: UTF-8 when they are, else the likely code page. */
export function guessEncoding(sample: Uint8Array): string {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le'; // Excel's "Unicode text", by its byte order mark
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const at = invalidUtf8At(sample, false);
  return typeof at === 'number' && at >= 0 ? likelyCodePage(sample) : 'utf-8';
}

/**
 * A stream that passes a file's bytes on as UTF-8: checked when the file is to be UTF-8
 * (the first bytes that are not stop it with their line and the likely code page), decoded
 * when it is in another encoding.
 */
export function utf8Stream(encoding: string): Transform {
  if (encoding !== 'utf-8') {
    const decoder = new TextDecoder(encoding);
    return new Transform({
      transform(chunk: Buffer, _e, done: TransformCallback) {
        done(null, decoder.decode(chunk, { stream: true }));
      },
      flush(done: TransformCallback) {
        done(null, decoder.decode());
      },
    });
  }
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  const check = (bytes: Buffer, final: boolean, done: TransformCallback) => {
    const at = invalidUtf8At(bytes, final);
    if (typeof at === 'number' && at >= 0) {
      const lineOfByte = line + count(bytes.subarray(0, at), 0x0a);
      const codePage = likelyCodePage(bytes.subarray(Math.max(0, at - 2000), at + 2000));
      return done(invalidField('encoding', say('import.not_utf8', { line: lineOfByte, byte: bytes[at].toString(16).toUpperCase(), code_page: codePage })));
    }
    const upTo = typeof at === 'object' ? at.incompleteFrom : bytes.length;
    line += count(bytes.subarray(0, upTo), 0x0a);
    carry = bytes.subarray(upTo);
    done(null, bytes.subarray(0, upTo));
  };
  return new Transform({
    transform(chunk: Buffer, _e, done: TransformCallback) {
      check(carry.length ? Buffer.concat([carry, chunk]) : chunk, false, done);
    },
    flush(done: TransformCallback) {
      if (carry.length === 0) return done();
      check(carry, true, done);
    },
  });
}

function count(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i !== -1; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}
