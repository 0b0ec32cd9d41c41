import { z } from 'zod';

export const WebhookInput = z.object({
  url: z.url('must be an http(s) URL').refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
  event_types: z
    .array(z.string().regex(/^(\*|[a-z_]+\.(\*|[a-z_]+))$/, 'must be an event type such as purchase.recorded, purchase.* or *'))
    .min(1, 'needs at least one event type'),
  description: z.string().max(500).nullish(),
});
