// The dashboard's one way to call the API: same-origin cookie session, the CSRF token on
// writes, problem+json errors turned into ApiError with the field problems.

export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

export async function api<T>(path: string, init: { method?: string; body?: unknown; form?: FormData } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = {};
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
  if (!response.ok) throw new ApiError(response.status, data.detail ?? response.statusText, data.errors ?? []);
  return data as T;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: string;
  language: string;
}
export interface Consent {
  status: 'granted' | 'withdrawn';
  source: string;
  at: string;
}
export interface Customer {
  id: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: string | null;
  language: string | null;
  time_zone: string | null;
  home_store: { id: string; code: string; name: string } | null;
  tags: string[];
  consent: { email: Consent | null; sms: Consent | null };
  identities: { kind: string; value: string }[];
  created_at: string;
}
export interface Stats {
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  purchases: number;
  purchase_days: number;
  gross_spend: string;
  refunded: string;
  net_spend: string;
  average_order_value: string;
}
export interface Purchase {
  id: string;
  external_id: string;
  occurred_at: string;
  store: string | null;
  channel: string;
  currency: string;
  total: string;
  discount: string;
  refunded: string;
  promo_code: string | null;
  lines: { sku: string | null; name: string | null; category: string | null; quantity: number; unit_price: string }[];
  refunds: { id: string; amount: string; reason: string | null; occurred_at: string }[];
}
export interface Store {
  id: string;
  code: string;
  name: string;
  city: string | null;
  time_zone: string;
}
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
export interface Status {
  customers: number;
  purchases: number;
  revenue: string;
  currency: string;
}
export interface ImportResult {
  kind: string;
  rows: number;
  created: number;
  duplicates: number;
  invalid: number;
  errors: { line: number; column: string; reason: string }[];
  errorsTruncated: boolean;
  imported: boolean;
  durationMs: number;
}
export interface ImportPreview {
  headers: string[];
  sample: string[][];
  canonical: { name: string; required: boolean }[];
  suggested_map: Record<string, string>;
}
