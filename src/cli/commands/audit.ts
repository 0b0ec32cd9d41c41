import { Option, type Command } from 'commander';
import { AuditQuery } from '../../modules/audit/index.ts';
import { invalidField } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { print, throughServerOr } from '../context.ts';
import { business } from '../dates.ts';
import { cliLanguage } from '../language.ts';
import { given, pagedQuery, readPages, type Page as PageOf } from '../pages.ts';
import { callServer, queryOf } from '../remote.ts';
import { auditLines, type Entry } from './audit-text.ts';
import { namingOptions } from '../option-names.ts';

// `regulars audit`: the activity log, as GET /audit and the dashboard's Settings → Activity
// read it — every admin and staff write, newest first, who made it and what it was about —
// with the same filters. A page is 1–200 entries (GET /audit's limit), so --limit beyond
// that, and --all, read page after page; a page with more behind it says how to go on.

type Page = PageOf<Entry>;

/** The kinds of action --family offers: the dashboard's "What" filter (its values without their dot); audit-families.test.ts checks every action written has one. */
export const FAMILIES = ['loyalty', 'loyalty.program', 'customer', 'purchase', 'coupon', 'gift_card', 'user', 'api_key', 'webhook', 'store', 'analytics'] as const;

/** GET /audit's largest page. */
const PAGE = 200;

type AuditOptions = {
  action?: string; family?: string; actor?: string; subject?: string; since?: string; until?: string; limit?: string; cursor?: string; all?: boolean; json?: boolean;
};

/** An actor as the log records it: an email alone is that staff user (user:<email>, emails kept in lower case). */
export function actorFilter(actor: string | undefined): string | undefined {
  const text = actor?.trim();
  if (!text) return actor;
  if (text.startsWith('user:')) return `user:${text.slice('user:'.length).toLowerCase()}`;
  return text.includes('@') && !text.includes(':') ? `user:${text.toLowerCase()}` : text;
}

/** The filters as GET /audit takes them, checked as the service checks them, every bad one at once; the entries wanted (Infinity: all). */
function queryOfOptions(o: AuditOptions): { filters: Record<string, string | undefined>; wanted: number } {
  const refused = o.action !== undefined && o.family !== undefined ? [invalidField('family', say('cli.audit.action_or_family'))] : [];
  const filters = {
    action: o.family !== undefined ? `${o.family}.` : o.action, actor: actorFilter(o.actor), subject: o.subject, since: o.since, until: o.until, cursor: o.cursor,
  };
  return { filters, wanted: pagedQuery(o, filters, { schema: AuditQuery, pageSize: PAGE, refused }) };
}

// The query's fields as the options that set them, in its refusals (`--family` sets `action`:
// a family that is none is refused by its choices before, so `action` is --action's).
const AUDIT_OPTIONS = { action: '--action', family: '--family', actor: '--actor', subject: '--subject', since: '--since', until: '--until', limit: '--limit', all: '--all', cursor: '--cursor' };

export function auditCommand(program: Command) {
  program
    .command('audit')
    .description('the activity log: every admin and staff write, newest first — who made it, what it was and what it was about')
    .option('--action <action>', 'only this action (loyalty.adjust), or a family of actions ending in a dot (loyalty., user.)')
    .addOption(new Option('--family <family>', 'only this kind of action, as the dashboard\'s Activity tab filters them').choices(FAMILIES))
    .option('--actor <who>', 'only what this one did, as the log names them: user:<email> (or the email alone), key:<name>, cli, system, import')
    .option('--subject <what>', 'only entries about this, as the log names it: a customer\'s id, a gift card\'s code, a user\'s email, a store\'s code…')
    .option('--since <when>', 'entries at or after this: an ISO timestamp with its offset, or a date YYYY-MM-DD (its start in the business\'s time zone)')
    .option('--until <when>', 'entries before this: an ISO timestamp with its offset, or a date YYYY-MM-DD (its start: that day is left out)')
    .option('--limit <n>', 'at most this many entries (default 50)')
    .option('--cursor <cursor>', 'go on after the entries a run before printed, from the cursor it printed')
    .option('--all', 'every entry that matches, however many')
    .option('--json', 'machine-readable output')
    .action(namingOptions(AUDIT_OPTIONS, async (o: AuditOptions) => {
      const { filters, wanted } = queryOfOptions(o);
      const page = await throughServerOr(
        'audit',
        (server) => readPages({ wanted, pageSize: PAGE }, filters, (q) => callServer<Page>(server, 'GET', `/audit${queryOf(q)}`)),
        (s) => readPages({ wanted, pageSize: PAGE }, filters, (q) => s.audit.list(given(q))),
      );
      const language = cliLanguage();
      const filtered = [filters.action, filters.actor, filters.subject, filters.since, filters.until].some((v) => v !== undefined);
      await print(page, Boolean(o.json), async () => [
        auditLines(page.items, { language, ...(await business()) }, filtered),
        ...(page.next_cursor ? [say('cli.audit.more', { cursor: page.next_cursor }).in(language)] : []),
      ].join('\n'));
    }));
}
