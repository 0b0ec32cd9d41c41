import { z } from 'zod';
import { isTimeZone } from '../../shared/clock.ts';
import { fixedText } from '../../shared/messages/index.ts';

export const StoreInput = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/, fixedText('store.code_format')),
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().max(200).nullish(),
  time_zone: z.string().refine(isTimeZone, fixedText('time_zone.iana')),
});
export type StoreInput = z.infer<typeof StoreInput>;
