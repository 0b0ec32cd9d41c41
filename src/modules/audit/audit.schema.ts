import { z } from 'zod';
import { fixedText, say } from '../../shared/messages/index.ts';
import { isCalendarDay, ISO_TIMESTAMP, saidIssue } from '../../shared/validation.ts';
import { ACTION_FILTER } from './audit.ts';

// GET /audit's query: a page of the activity log and its filters. Strict, as the other
// read models' queries: a misspelt filter is refused, not silently ignored — an owner
// reading "nobody did that" must be able to trust it.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 timestamp with its offset, or a date alone (the start of that day in the business's time zone). */
const Moment = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!DATE_ONLY.test(v) && !ISO_TIMESTAMP.test(v)) ctx.addIssue({ code: 'custom', ...saidIssue(say('occurrence.format')) });
    else if (!isCalendarDay(v)) ctx.addIssue({ code: 'custom', message: fixedText('date.not_in_calendar') });
    else if (Number.isNaN(Date.parse(v))) ctx.addIssue({ code: 'custom', ...saidIssue(say('occurrence.format')) });
  });

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('entries a page (1–200, default 50)'),
  cursor: z.string().max(200).optional().describe('next_cursor of the page before'),
  action: z.string().trim().max(100).regex(ACTION_FILTER, fixedText('audit.action_format')).optional()
    .describe('an action (loyalty.adjust), or a family of actions ending in a dot (loyalty., user., api_key.)'),
  actor: z.string().trim().min(1).max(300).optional().describe('who, exactly as entries name them: user:<email>, key:<name>, cli, system'),
  subject: z.string().trim().min(1).max(300).optional().describe('what an entry is about, exactly as it names it (a customer id, a gift card code…)'),
  since: Moment.optional().describe('entries at or after this instant (a date alone: its start in the business time zone)'),
  until: Moment.optional().describe('entries before this instant (a date alone: its start in the business time zone)'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
