import type { CustomerStatsView, PurchaseView } from '../modules/commerce/index.ts';
import type { CustomerView } from '../modules/customers/index.ts';
import type { ImportResult } from '../modules/imports/index.ts';
import type { Store } from '../modules/stores/index.ts';

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
// The shapes the API returns are the server's own view types (type-only imports: no
// server code reaches the browser bundle).
export type Customer = CustomerView;
export type Consent = NonNullable<CustomerView['consent']['email']>;
export type Stats = CustomerStatsView;
export type Purchase = PurchaseView;
export type { Store, ImportResult };
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
export interface ImportPreview {
  headers: string[];
  sample: string[][];
  canonical: { name: string; required: boolean }[];
  suggested_map: Record<string, string>;
}
