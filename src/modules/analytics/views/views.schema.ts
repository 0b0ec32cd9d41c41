import { z } from 'zod';
import { fixedText } from '../../../shared/messages/index.ts';
import { CalendarDate } from '../../../shared/validation.ts';
import { PeriodName } from '../metrics/index.ts';

// Query parameters of the dashboard read models, shared by the HTTP API and any CLI.
// Every schema is strict: a misspelt parameter is an error, not silently ignored.

export const OverviewQuery = z
  .object({
    period: PeriodName.default('month')
      .describe('length of the window ending today (the last 1, 3 or 12 months), compared with the window of the same length just before'),
  })
  .strict();
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const RfmGridQuery = z.object({}).strict();
export type RfmGridQuery = z.infer<typeof RfmGridQuery>;

export const ClvDistributionQuery = z
  .object({
    buckets: z.coerce.number().int().min(4).max(30).default(14).describe('most buckets (4–30, default 14); edges follow 1-2-5 steps on a log scale'),
  })
  .strict();
export type ClvDistributionQuery = z.infer<typeof ClvDistributionQuery>;

export const AliveHeatmapQuery = z
  .object({
    max_frequency: z.coerce.number().int().min(1).max(500).optional()
      .describe('highest repeat-purchase count with its own column (default: the 99th percentile of the customers); more falls into the last column'),
    max_recency: z.coerce.number().int().min(1).max(1040).optional()
      .describe('longest recency t_x in weeks and the customer age T of the matrix (default: the longest customer age)'),
  })
  .strict();
export type AliveHeatmapQuery = z.infer<typeof AliveHeatmapQuery>;

export const HoldoutQuery = z
  .object({
    calibration_end: CalendarDate.optional().describe('last local day the model is fitted on (default: 26 weeks before holdout_end)'),
    holdout_end: CalendarDate.optional().describe('last local day of the holdout period whose purchases are predicted (default: today)'),
  })
  .strict()
  .refine((q) => !q.calibration_end || !q.holdout_end || q.calibration_end < q.holdout_end, { message: fixedText('analytics.before_holdout_end'), path: ['calibration_end'] });
export type HoldoutQuery = z.infer<typeof HoldoutQuery>;
