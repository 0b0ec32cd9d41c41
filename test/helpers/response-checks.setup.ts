import { afterEach, expect } from 'vitest';
import { takeResponseCheckFailures } from '../../src/http/response-check.ts';

// Every answer the API gives under the tests is checked against its declared schema
// (src/http/response-check.ts; the test services turn it on). A broken one is answered as
// a 500, which a test that reads nothing of it, or compares two answers that broke alike,
// would not notice: so each test fails here on any it caused.
afterEach(() => {
  expect(takeResponseCheckFailures(), 'answers that break the schema their route declares').toEqual([]);
});
