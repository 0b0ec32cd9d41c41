import { z } from 'zod';
import { CalendarDate } from '../../../shared/validation.ts';

// The hit-rate evaluation's options, read alike from the API's query string and from
// `regulars analyze recommend --evaluate`.
export const EvaluationQuery = z.object({
  cutoff: CalendarDate.describe('train on the baskets before this local day, test on those from it on'),
  k: z.coerce.number().int().min(1).max(100).default(10).describe('products recommended to each customer (default 10)'),
});
export type EvaluationQuery = z.input<typeof EvaluationQuery>;
