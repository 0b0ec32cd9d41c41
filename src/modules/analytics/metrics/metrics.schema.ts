import { z } from 'zod';
import { fixedText } from '../../../shared/messages/index.ts';
import { CalendarDate, datesInOrder, TO_BEFORE_FROM } from '../../../shared/validation.ts';

// Query parameters of the loyalty metrics and the cohort matrix, shared by the HTTP API
// (query strings, hence the coercion) and the CLI (option strings).

/** The named periods ending today that /analytics/overview and /analytics/metrics both take (resolvePeriod in metrics.ts). */
export const PeriodName = z.enum(['month', 'quarter', 'year'], fixedText('analytics.period_values'));
export type PeriodName = z.infer<typeof PeriodName>;

const StoreCode = z.string().trim().min(1).max(100).describe('store code; only purchases made in that store count');

export const MetricsQuery = z
  .object({
    period: PeriodName.optional().describe('the last month, quarter or year ending today, as /analytics/overview resolves it; instead of year/from/to'),
    year: z.coerce.number().int().min(1900).max(9999).optional().describe('a calendar year (local dates); instead of from/to'),
    from: CalendarDate.optional().describe('first local date of the period (default: 12 months before `to`)'),
    to: CalendarDate.optional().describe('last local date of the period, inclusive (default: today)'),
    store: StoreCode.optional(),
    acquisition_cost: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, fixedText('analytics.acquisition_cost'))
      .optional()
      .describe('cost of winning one customer, subtracted in the CLV (default: the stored one of /analytics/settings, else 0)'),
  })
  .refine((q) => q.period === undefined || (q.year === undefined && q.from === undefined && q.to === undefined), {
    message: fixedText('analytics.period_or_dates'),
    path: ['period'],
  })
  .refine((q) => q.year === undefined || (q.from === undefined && q.to === undefined), {
    message: fixedText('analytics.year_or_range'),
    path: ['year'],
  })
  .refine(datesInOrder, TO_BEFORE_FROM);
export type MetricsQuery = z.infer<typeof MetricsQuery>;

export const CohortQuery = z
  .object({
    from: CalendarDate.optional().describe('cohorts from the month of this date (default: 11 months before the month of `to`)'),
    to: CalendarDate.optional().describe('last local date observed, inclusive (default: today)'),
    store: StoreCode.optional(),
  })
  .refine(datesInOrder, TO_BEFORE_FROM);
export type CohortQuery = z.infer<typeof CohortQuery>;
