import { defineConfig } from 'vitest/config';

// Each test file opens its own database (PGlite in memory, or a fresh PostgreSQL
// database when REGULARS_TEST_DB=postgres), so files run in parallel safely.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The PostgreSQL pass skips the pure statistics (no database inside): they ran in the
    // PGlite pass already.
    // The dashboard's pure functions have their tests beside them as well (src/web/**/*.test.ts, no DOM needed).
    exclude: ['node_modules/**', ...(process.env.REGULARS_TEST_DB === 'postgres' ? ['src/modules/analytics/btyd/**'] : [])],
    // Fails a test whose requests got an answer unlike the one its route declares (src/http/response-check.ts).
    setupFiles: ['test/helpers/response-checks.setup.ts', 'test/helpers/regex-matching.setup.ts'],
    // Once a run: the migrated database every file's database is copied from (migrated-images.ts).
    globalSetup: ['test/helpers/migrated-images.setup.ts'],
    pool: 'forks',
    // A worker runs file after file in one process, its modules evaluated once: each file
    // still opens its own database (above), so nothing a test writes is shared, and setup
    // files run again for each file. Isolating every file cost it a process and a fresh
    // import of the app (fastify, kysely, zod, PGlite's WebAssembly): on 2 cores the PGlite
    // pass took 1,753 s isolated and 1,068 s not (session 56, docs/benchmarks.md).
    // A module must therefore keep no state a test relies on finding fresh.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
