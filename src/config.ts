import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './shared/clock.ts';
import { currencyExponent } from './shared/money.ts';
import { problemsOf } from './shared/validation.ts';

// The environment is parsed once, at start-up, and a bad value stops the process with a
// message naming the variable — never a surprise at the first request.
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  DATABASE_PIPELINING: z.enum(['on', 'off']).default('on'),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .refine(isCurrency, 'unknown ISO 4217 currency')
    .default('EUR'),
  TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Ljubljana').default('UTC'),
  PHONE_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as SI')
    .optional(),
  OWNER_EMAIL: z.email().default('owner@regulars.local'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
  UNKNOWN_CODES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  JOBS: z.enum(['on', 'off']).default('on'),
  EVENTS_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  CHECK_RESPONSES: z.enum(['on', 'off']).default('off'),
});

function isCurrency(code: string): boolean {
  try {
    currencyExponent(code);
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Statements that come back are prepared on each connection (src/db/prepared.ts); off behind a pooler that cannot keep them. */
  databasePreparedStatements: boolean;
  /** A transaction's queued statements go out in one pipeline (src/db/pipeline.ts); off sends them one at a time. */
  databasePipelining: boolean;
  currency: string;
  timeZone: string;
  phoneRegion: string | undefined;
  ownerEmail: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  logJson: boolean;
  /** Unknown coupon or gift-card codes a caller may try in a minute before every code answers 429 (src/http/code-guesses.ts). */
  unknownCodesPerMinute: number;
  jobs: boolean;
  /** Days the outbox keeps an event once every reader is done with it (src/workflows/prune-events.ts); 0: forever. */
  eventsRetentionDays: number;
  /** Every answer is checked against the schema the API reference publishes for it (src/http/response-check.ts); on under the tests. */
  checkResponses: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = Env.safeParse(cleaned);
  if (!result.success) {
    const lines = problemsOf(result.error).map((p) => `  ${p.field}: ${p.reason}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS === 'on',
    databasePipelining: e.DATABASE_PIPELINING === 'on',
    currency: e.CURRENCY,
    timeZone: e.TIMEZONE,
    phoneRegion: e.PHONE_REGION,
    ownerEmail: e.OWNER_EMAIL,
    logLevel: e.LOG_LEVEL,
    logJson: e.LOG_FORMAT === 'json',
    unknownCodesPerMinute: e.UNKNOWN_CODES_PER_MINUTE,
    jobs: e.JOBS === 'on',
    eventsRetentionDays: e.EVENTS_RETENTION_DAYS,
    checkResponses: e.CHECK_RESPONSES === 'on',
  };
}
