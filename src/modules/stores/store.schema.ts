import { z } from 'zod';
import { isTimeZone } from '../../shared/clock.ts';

export const StoreInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only'),
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().max(200).nullish(),
  time_zone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Ljubljana'),
});
export type StoreInput = z.infer<typeof StoreInput>;
