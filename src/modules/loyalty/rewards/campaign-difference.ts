import { timeIn } from '../../../shared/clock.ts';
import { fieldDifferences, NO_VALUE, otherValuesConflict } from '../../../shared/differences.ts';
import { say, type Said } from '../../../shared/messages/index.ts';
import { toMajor, toMinor } from '../../../shared/money.ts';
import { normalizeCode } from './codes.ts';

// A campaign's idempotency key sent again with other values is a 409 that names what
// differs, as a gift card's and a purchase's are (shared/differences.ts says how): the
// campaign as stored beside the request, field by field, in the forms both mean ("3" and
// "3.00", one instant in two offsets are never a difference). QA F6: it said only "a
// different body", and an admin's script had nothing to go on.

/** A campaign as stored: its row, and the merchant's shared code when it was made with one (else its codes were generated). */
export interface StoredCampaign {
  name: string;
  benefit: Record<string, unknown>;
  codes: number;
  sharedCode: string | null;
  max_uses: number;
  per_customer_limit: number | null;
  valid_from: Date | null;
  expires_at: Date | null;
}

/** A campaign as this request asks for it (CampaignInput, parsed). */
export interface RequestedCampaign {
  name: string;
  benefit: Record<string, unknown>;
  count?: number;
  code?: string;
  max_uses: number;
  per_customer_limit?: number;
  valid_from?: string;
  expires_at?: string;
}

/**
 * The 409 for a campaign key used with other values: each field that differs (`name`,
 * `benefit.amount`, `count`, `code`, `max_uses`, `per_customer_limit`, `valid_from`,
 * `expires_at`, …) with the campaign's value and this request's; times in `timeZone` (the
 * business's). Nothing named when only a hash of an older scheme differs.
 */
export function campaignConflict({ key, stored, request, currency, timeZone }: { key: string; stored: StoredCampaign; request: RequestedCampaign; currency: string; timeZone: string }) {
  const { found, differ } = fieldDifferences();
  differ('name', JSON.stringify(stored.name), JSON.stringify(request.name));
  const [was, now] = [benefitFields(stored.benefit, currency), benefitFields(request.benefit, currency)];
  if (was.type !== now.type) differ('benefit', benefitText(was), benefitText(now));
  else for (const field of Object.keys(now)) differ(`benefit.${field}`, was[field] ?? NO_VALUE, now[field]);
  differ('count', stored.sharedCode === null ? String(stored.codes) : NO_VALUE, request.count === undefined ? NO_VALUE : String(request.count));
  // The code as each wrote it, compared as it is stored (upper case, no dashes).
  const [storedCode, askedCode] = [stored.sharedCode, request.code ?? null];
  if ((storedCode && normalizeCode(storedCode)) !== (askedCode && normalizeCode(askedCode))) differ('code', storedCode ?? NO_VALUE, askedCode ?? NO_VALUE);
  differ('max_uses', String(stored.max_uses), String(request.max_uses));
  differ('per_customer_limit', countText(stored.per_customer_limit), countText(request.per_customer_limit ?? null));
  const time = (at: Date | null) => (at ? timeIn(at, timeZone) : NO_VALUE);
  differ('valid_from', time(stored.valid_from), time(request.valid_from === undefined ? null : new Date(request.valid_from)));
  differ('expires_at', time(stored.expires_at), time(request.expires_at === undefined ? null : new Date(request.expires_at)));
  return otherValuesConflict({
    differences: found,
    named: (differences) => say('campaign.key_reused_otherwise', { key, differences }),
    unnamed: say('campaign.key_reused', { key }),
  });
}

const countText = (n: number | null): string | Said => (n === null ? NO_VALUE : String(n));

/** A benefit's fields as texts, an amount in the business's decimal ("3" and 3.00 read "3.00"). */
function benefitFields(benefit: Record<string, unknown>, currency: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(benefit)) out[field] = field === 'amount' ? amountText(value, currency) : String(value);
  return out;
}

const benefitText = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k} ${v}`).join(', ');

function amountText(amount: unknown, currency: string): string {
  try {
    return toMajor(toMinor(amount as string | number, currency), currency);
  } catch {
    return String(amount);
  }
}
