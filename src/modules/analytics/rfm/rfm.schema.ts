import { z } from 'zod';

// The RFM report takes no parameters; strict, so a misspelt one is an error rather than
// silently ignored (as the dashboard's read models, views/views.schema.ts).
export const RfmQuery = z.object({}).strict();
export type RfmQuery = z.infer<typeof RfmQuery>;
