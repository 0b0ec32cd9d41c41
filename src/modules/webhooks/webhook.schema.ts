import { z } from 'zod';
import { fixedText, say } from '../../shared/messages/index.ts';
import { saidIssue } from '../../shared/validation.ts';
import { EVENT_TYPES, isKnownEventPattern } from '../../jobs/event-types.ts';

export const WebhookInput = z.strictObject({
  url: z.url(fixedText('webhook.url')).refine((u) => /^https?:\/\//.test(u), fixedText('webhook.url')),
  event_types: z
    .array(z.string())
    .min(1, fixedText('webhook.needs_event_type'))
    .superRefine((types, ctx) => {
      types.forEach((type, i) => {
        if (!isKnownEventPattern(type)) ctx.addIssue({ code: 'custom', path: [i], ...saidIssue(say('webhook.unknown_event_type', { type })) });
      });
    })
    .describe(`Event types to receive: one of ${EVENT_TYPES.join(', ')}; a family such as loyalty.*; or * for all`),
  description: z.string().max(500).nullish(),
});
