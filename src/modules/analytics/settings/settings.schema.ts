import { z } from 'zod';
import { fixedText } from '../../../shared/messages/index.ts';

// The business's analytics settings as the API and the dashboard change them. Money is a
// decimal string in the business's currency, as everywhere in the API.

/** A non-negative decimal amount in the business's currency ("12.50"); its decimals are checked against the currency by toMinor. */
export const DecimalCost = z.string().trim().regex(/^\d+(\.\d+)?$/, fixedText('analytics.acquisition_cost'));

export const AnalyticsSettingsInput = z
  .object({
    acquisition_cost: DecimalCost.nullable().describe('cost of winning one customer, the default of the CLV in /analytics/metrics; null forgets it (0 is then used)'),
  })
  .strict();
export type AnalyticsSettingsInput = z.infer<typeof AnalyticsSettingsInput>;
