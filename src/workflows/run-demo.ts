import { generateDemo } from '../modules/demo/index.ts';
import type { Services } from '../services.ts';
import { recordPurchases } from './record-purchases.ts';

/** The demo business, recorded through the same purchase workflow as real sales. */
export function runDemo(
  services: Pick<Services, 'db' | 'clock' | 'customers' | 'commerce' | 'stores'>,
  options: { customers?: number; seed?: number; years?: number; onProgress?: (p: { customers: number; purchases: number }) => void },
) {
  return generateDemo({
    ...options,
    stores: services.stores,
    commerce: services.commerce,
    end: services.clock.now(),
    record: (inputs) => recordPurchases(services, inputs, { source: 'demo', withViews: false }),
  });
}
