import { z } from 'zod';
import { fixedText } from '../../../shared/messages/index.ts';
import { CalendarDate } from '../../../shared/validation.ts';

// Options of the customer-base fit, shared by `regulars analyze clv` (option strings)
// and GET /api/v1/analytics/clv (query strings).

export const ClvQuery = z
  .object({
    unit: z.enum(['day', 'week', 'month'], fixedText('clv.unit_values')).default('week').describe('time unit of the summaries, and so of the parameters (default week)'),
    calibration_end: CalendarDate.optional().describe('last local day the models are fitted on (default: the last purchase day)'),
    holdout_end: CalendarDate.optional().describe('adds a check of the purchase models\' predictions against the purchase days in (calibration_end, holdout_end]'),
    model: z.enum(['bgnbd', 'paretonbd', 'gammagamma', 'all'], fixedText('clv.model_values')).default('all').describe('the model to fit (default all three)'),
  })
  .strict()
  .refine((q) => !q.calibration_end || !q.holdout_end || q.calibration_end <= q.holdout_end, { message: fixedText('clv.not_before_calibration_end'), path: ['holdout_end'] });
export type ClvQuery = z.infer<typeof ClvQuery>;
