import { expect } from 'vitest';

// A regular expression in an expected object (`toMatchObject({ message: /below zero/ })`,
// `toEqual`, `objectContaining`) must match the string it stands for. Vitest 4 compares
// a RegExp against a string as an object with no keys of its own, so such an assertion
// passed whatever the text said (the same text through `expect.stringMatching` was
// checked). Strings are tested; every other pair is left to the usual equality.
// Setup files run again for every test file in a worker that is not isolated
// (vitest.config.ts): the tester is added once a process.
const ADDED = Symbol.for('regulars.regexMatchesString');
if (!(globalThis as Record<symbol, unknown>)[ADDED]) {
  (globalThis as Record<symbol, unknown>)[ADDED] = true;
  expect.addEqualityTesters([
    function regexMatchesString(actual: unknown, expected: unknown) {
      if (expected instanceof RegExp && typeof actual === 'string') return expected.test(actual);
      if (actual instanceof RegExp && typeof expected === 'string') return actual.test(expected);
      return undefined;
    },
  ]);
}
