import fs from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../modules/demo/index.ts';
import { inBackground, statisticsAsTablesGrow, whileWritingHistory } from '../db/index.ts';
import type { Services } from '../services.ts';
import { recordPurchases } from './record-purchases.ts';
import { redeemDemoWishes } from './demo-rewards.ts';
import { settleDemoBonuses } from './demo-bonuses.ts';
import { withFields } from '../shared/objects.ts';

/** The loyalty program the demo business runs (and a realistic example for a new business). */
export const EXAMPLE_PROGRAM = path.resolve(import.meta.dirname, '../../examples/program.json');

/**
 * The demo business, recorded through the same purchase workflow as real sales. It runs
 * the example loyalty program (applied first when no program is in force), pays the
 * bonuses its history earns as it records it (demo-bonuses.ts: challenges, profile
 * completion), runs the loyalty maintenance afterwards, so points older than the program's
 * expiry have expired as they would have in a real shop; then some members spend what they
 * have on rewards (demo-rewards.ts). Done, it is complete: a server's jobs delivering its
 * events later add nothing. Background work: on the embedded database, requests
 * go first (db/priority.ts). The tables' statistics are refreshed as they grow
 * (db/statistics.ts): the demo fills an empty database, and the planner would go on
 * reading it as empty where no autovacuum runs (PGlite), slower with every batch.
 * A server's hourly maintenance skips its run while the demo writes (db/history-writing.ts):
 * a sweep between its rounds would expire points a later round's refund takes back.
 */
export function runDemo(
  services: Pick<Services, 'db' | 'database' | 'clock' | 'customers' | 'commerce' | 'loyalty' | 'stores'>,
  options: { customers?: number; seed?: number; years?: number; onProgress?: (p: { customers: number; purchases: number }) => void },
) {
  // The whole of it, the final maintenance and the redemptions too: its own maintenance
  // runs regardless (only the schedule stands aside), and points spent after it are spent
  // from what that run left.
  return inBackground(() => whileWritingHistory(services.database, async () => {
    const now = services.clock.now();
    const statistics = statisticsAsTablesGrow(services.db);
    if (!(await services.loyalty.programAt(now))) {
      const program = JSON.parse(fs.readFileSync(EXAMPLE_PROGRAM, 'utf8'));
      await services.loyalty.applyProgram({ program, note: 'the demo business runs the example program' }, { actor: 'demo' });
    }
    const { wishes, ...result } = await generateDemo(withFields(options, {
      stores: services.stores,
      commerce: services.commerce,
      // The history ends at today's start (UTC), so a seed gives the same business all day.
      end: new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000),
      record: async (inputs) => {
        const outcomes = await recordPurchases(services, inputs, { source: 'demo', withViews: false });
        await statistics.wrote(outcomes.length);
        await settleDemoBonuses(services, inputs, outcomes);
        return outcomes;
      },
    }));
    await statistics.finish();
    await services.loyalty.maintenance.runAll(services.clock.now());
    return withFields(result, { redemptions: await redeemDemoWishes(services, wishes) });
  }));
}
