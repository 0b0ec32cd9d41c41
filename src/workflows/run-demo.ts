import { generateDemo } from '../modules/demo/index.ts';
import type { Services } from '../services.ts';
import { recordPurchases } from './record-purchases.ts';

/** The demo business, recorded through the same purchase workflow as real sales. */
export function runDemo(
  services: Pick<Services, 'db' | 'clock' | 'customers' | 'commerce' | 'loyalty' | 'stores'>,
  options: { customers?: number; seed?: number; years?: number; onProgress?: (p: { customers: number; purchases: number }) => void },
) {
  return generateDemo({
    ...options,
    stores: services.stores,
    commerce: services.commerce,
    // The history ends at today's start (UTC), so a seed gives the same business all day.
    end: new Date(Math.floor(services.clock.now().getTime() / 86_400_000) * 86_400_000),
    record: (inputs) => recordPurchases(services, inputs, { source: 'demo', withViews: false }),
  });
}
