import type { ProgressLine } from '../http/progress.ts';
import type { AliveHeatmap, AnalyticsOverview, ClvDistribution, CohortMatrix, HoldoutValidation, LoyaltyMetrics, RfmGrid, ScoreRunSummary, ScoresService } from '../modules/analytics/index.ts';
import type { CustomerStatsView, PurchaseView } from '../modules/commerce/index.ts';
import type { CustomerView } from '../modules/customers/index.ts';
import type { ImportProgress, ImportResult } from '../modules/imports/index.ts';
import type { LoyaltyService, SimulationReport } from '../modules/loyalty/index.ts';
import type { Store } from '../modules/stores/index.ts';

// The dashboard's one way to call the API: same-origin cookie session, the CSRF token on
// writes, the dashboard's language as Accept-Language (the server tells its refusals in
// it), problem+json errors turned into ApiError with the field problems.

export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** A merged customer's 404: the id of the customer it was merged into. */
    readonly mergedInto?: string,
    /** An erased customer's 404: when their personal data was erased. */
    readonly erasedAt?: string,
  ) {
    super(message);
  }
}

/**
 * Told when the API answers 401 to a call made while logged in (the session expired or
 * was ended elsewhere): the app then shows the login page. Not for the login itself (a
 * wrong password) nor the first look at the session (nobody logged in yet).
 */
let sessionEnded: () => void = () => undefined;
export const onSessionEnded = (handler: () => void) => {
  sessionEnded = handler;
};
const NOT_A_SESSION_END = new Set(['/auth/login', '/auth/session']);

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/** The language the dashboard shows: every call asks the server to answer in it. */
let language = 'en';
export const setApiLanguage = (shown: string) => {
  language = shown;
};

export async function api<T>(path: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': language };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && !NOT_A_SESSION_END.has(path)) sessionEnded();
  if (!response.ok) throw problemError(response.status, data, response.statusText);
  return data as T;
}

/** How far an upload has got, before the server reports its own progress. */
export interface UploadProgress {
  phase: 'upload';
  bytes: number;
  total_bytes: number;
}

/**
 * A long request (an import) that reports how far it has got: first the upload's bytes,
 * then the server's NDJSON lines, `{ progress }` as it goes and `{ result }` or
 * `{ error }` last (src/http/progress.ts); a refusal before it begins is an ordinary
 * problem. XMLHttpRequest rather than fetch: only it reports an upload's progress.
 */
export function apiWithProgress<T, P>(path: string, form: FormData, onProgress: (progress: P | UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', bytes: e.loaded, total_bytes: e.total });
    let read = 0;
    let settled = false;
    // Handles the lines complete so far; at the end, also the last one.
    const readLines = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= read) return;
      const lines = text.slice(read, end).split('\n').filter((l) => l.trim());
      read = end;
      for (const line of lines) {
        if (settled) return;
        const message = JSON.parse(line) as ProgressLine<P, T>;
        if ('progress' in message) onProgress(message.progress);
        else {
          settled = true;
          if ('error' in message) reject(problemError(message.error.status, message.error, 'The request failed'));
          else resolve(message.result);
        }
      }
    };
    const streaming = () => xhr.getResponseHeader('content-type')?.startsWith('application/x-ndjson') ?? false;
    xhr.onprogress = () => streaming() && readLines(false);
    xhr.onload = () => {
      if (streaming()) {
        readLines(true);
        if (!settled) reject(new ApiError(0, 'The server stopped answering before the end; what it finished is stored, so try again: nothing is counted twice'));
        return;
      }
      let data: ProblemBody = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: the status says what happened */
      }
      if (xhr.status === 401) sessionEnded();
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(problemError(xhr.status, data, xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'The connection to the server failed or broke off; what it finished is stored, so try again: nothing is counted twice'));
    xhr.send(form);
  });
}

type ProblemBody = { detail?: string; errors?: FieldProblem[]; merged_into?: string; erased_at?: string };
const problemError = (status: number, data: ProblemBody, fallback: string) =>
  new ApiError(status, data.detail ?? fallback, data.errors ?? [], data.merged_into, data.erased_at);

/**
 * A fresh idempotency key for one form submission. crypto.randomUUID exists only in
 * secure contexts; a dashboard served over plain http on a shop's LAN still gets a
 * random v4 UUID from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: string;
  language: string;
}
/** A login's or the session's answer: the user, the CSRF token and what the user's role may do. */
export interface UserSession {
  user: User;
  csrf_token: string;
  scopes: string[];
}
// The shapes the API returns are the server's own view types (type-only imports: no
// server code reaches the browser bundle).
export type Customer = CustomerView;
export type Consent = NonNullable<CustomerView['consent']['email']>;
export type Stats = CustomerStatsView;
export type Purchase = PurchaseView;
export type { Store, ImportProgress, ImportResult };
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
export interface Status {
  customers: number;
  purchases: number;
  revenue: string;
  currency: string;
  /** The business's time zone (IANA). */
  time_zone: string;
}
export interface ImportPreview {
  headers: string[];
  sample: string[][];
  canonical: { name: string; required: boolean; unless?: string }[];
  /** At least one of these must be mapped (a row needs its customer); empty for refunds. */
  identity: string[];
  suggested_map: Record<string, string>;
  suggested_format: { date_format: string | null; decimal_comma: boolean; encoding: string };
  /** Common date formats to offer (any other may be typed). */
  date_formats: string[];
  encodings: string[];
}

// Loyalty: the server's own shapes (src/modules/loyalty).
type Served<K extends keyof LoyaltyService> = LoyaltyService[K] extends (...args: never[]) => Promise<infer R> ? R : never;
export type LoyaltyAccount = Served<'account'>;
export type MemberAccount = Extract<LoyaltyAccount, { member: true }>;
export type LedgerEntry = MemberAccount['explanation']['entries'][number];
export type TierProgress = NonNullable<MemberAccount['tier']>;
export type LoyaltyReport = Served<'report'>;
export type ProgramState = Served<'currentProgram'>;
export type ProgramVersion = Served<'programVersion'>;
export type ProgramApplied = Served<'applyProgram'>;
export type Simulation = SimulationReport;
// With customer_id the catalogue says per reward whether that member can redeem it now, and why not.
export type Reward = Served<'rewards'>['rewards'][number] & { affordable?: boolean; eligible?: boolean; redeemable?: boolean; problem?: string | null; problem_code?: string | null };
export type Coupon = Served<'couponsOf'>['items'][number];
export type GiftCard = Served<'giftCardsOf'>['items'][number];
export type TierChange = Served<'tierHistory'>['items'][number];
export type Redemption = Served<'redeemReward'>;

// Analytics: the server's read models, as JSON delivers them (dates become strings).
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
export type Overview = Json<AnalyticsOverview>;
export type Kpi = Overview['kpis'][keyof Overview['kpis']];
export type Rfm = Json<RfmGrid>;
export type Clv = Json<ClvDistribution>;
export type Alive = Json<AliveHeatmap>;
export type Holdout = Json<HoldoutValidation>;
export type Cohorts = Json<CohortMatrix>;
export type Metrics = Json<LoyaltyMetrics>;
export type SegmentHistory = Json<Awaited<ReturnType<ScoresService['segmentHistory']>>>;
export type ScoreRun = Json<ScoreRunSummary>;
