import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from './json-syntax.ts';

describe('jsonSyntaxError', () => {
  it('is undefined for JSON', () => {
    expect(jsonSyntaxError('{"a": [1, 2]}')).toBeUndefined();
  });

  // Node 20 names a position for some errors only ("Unexpected token 'x', "{"a": x}" is not valid JSON" names none).
  it('counts the line and column of the first character that cannot continue JSON', () => {
    expect(jsonSyntaxError('{x}')).toEqual({ position: 1, line: 1, column: 2, ends: false });
    expect(jsonSyntaxError('{\n  "a": 1,\n  "b": tru\n}')).toMatchObject({ line: 3, column: 11, ends: false });
    expect(jsonSyntaxError('{"a": 1,}')).toMatchObject({ position: 8, ends: false });
    expect(jsonSyntaxError('[01]')).toMatchObject({ position: 2 });
    expect(jsonSyntaxError('"tab\there"')).toMatchObject({ position: 4 });
    expect(jsonSyntaxError('{"a": "\\x"}')).toMatchObject({ position: 8 });
    expect(jsonSyntaxError('{} {}')).toMatchObject({ position: 3 });
    // Columns count characters: "čš" is two, as an editor shows them.
    expect(jsonSyntaxError('{"čš": x}')).toMatchObject({ line: 1, column: 8 });
    expect(jsonSyntaxError('{"😀": x}')).toMatchObject({ line: 1, column: 7 });
  });

  it('places a text that ends too early just after its last character', () => {
    expect(jsonSyntaxError('{"a": [1,\n  2\n\n')).toEqual({ position: 13, line: 2, column: 4, ends: true });
    expect(jsonSyntaxError('')).toEqual({ position: 0, line: 1, column: 1, ends: true });
  });
});
