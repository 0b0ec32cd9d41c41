import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { openDatabase } from '../../../db/index.ts';
import { createServices } from '../../../services.ts';
import { silentLogger } from '../../../shared/logger.ts';

// On PostgreSQL the CLI writes to the database itself while servers run. A program it
// applies must reach a running server at once, not when the server's program cache
// (5 s) expires: a till's purchase right after `regulars loyalty apply` earns its points.
describe.runIf(testDatabaseKind === 'postgres')('a program applied by another process', () => {
  it('is in force on a running server at once', async () => {
    const server = await startTestServer();
    // Another process, as the CLI: its own connections to the same database.
    const url = (server.services.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    try {
      const cli = createServices({ config: server.services.config, database, clock: server.services.clock, logger: silentLogger });
      const [before] = await recordAll(server.services, [{ external_id: 'n-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T10:00:00Z', total: '10.00' }]);
      expect(before.loyalty).toBeNull(); // no program yet, and the server has cached that

      await cli.loyalty.applyProgram({ program: { name: 'Now', earning: { points_per_currency_unit: 1, rounding: 'floor' }, expiry: { policy: 'none' } } }, { actor: 'cli' });
      const appliedAt = Date.now();
      while (!(await server.services.loyalty.programAt(server.services.clock.now()))) {
        if (Date.now() - appliedAt > 2_000) throw new Error('the server still used its cached programs 2 s after the program was applied');
        await new Promise((r) => setTimeout(r, 20));
      }
      const [after] = await recordAll(server.services, [{ external_id: 'n-2', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T11:00:00Z', total: '10.00' }]);
      expect(after.loyalty).toMatchObject({ points_earned: 10 });
    } finally {
      await database.close();
      await server.close();
    }
  });
});
