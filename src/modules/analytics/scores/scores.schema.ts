import { z } from 'zod';
import { fixedText } from '../../../shared/messages/index.ts';
import { CalendarDate } from '../../../shared/validation.ts';

// Inputs of the score runs and the segment history, shared by the HTTP API and the CLI.

export const ScoreRunInput = z
  .object({
    as_of: CalendarDate.optional().describe('last local day of purchases the scores see (default: today; not in the future)'),
    horizon_days: z.coerce.number().int().min(7).max(365).optional().describe('churn horizon: "no purchase within this many days" (default 90)'),
    transaction_model: z.enum(['bgnbd', 'paretonbd']).optional().describe('purchase model for P(alive), expected purchases and CLV (default bgnbd)'),
  })
  .strict();
export type ScoreRunInput = z.infer<typeof ScoreRunInput>;

export const SegmentHistoryQuery = z
  .object({
    from: CalendarDate.optional().describe('first run day (default: 90 days before `to`)'),
    to: CalendarDate.optional().describe('last run day, inclusive (default: today)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: fixedText('analytics.not_after_to'), path: ['from'] });
export type SegmentHistoryQuery = z.infer<typeof SegmentHistoryQuery>;
