import path from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { isTimeZone } from './shared/clock.ts';
import { currencyExponent } from './shared/money.ts';
import { isAppError } from './shared/errors.ts';
import { fixedText, say, tell, told, type Language, type Text } from './shared/messages/index.ts';
import { parseInput, saidIssue } from './shared/validation.ts';

// The environment is parsed once, at start-up, and a bad value stops the process with a
// message naming the variable — never a surprise at the first request.
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  // z.url() takes localhost:3000 as a URL of scheme "localhost": the address must say http(s).
  PUBLIC_URL: z.string().refine(isHttpUrl, fixedText('config.public_url')).optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, fixedText('config.postgres_url'))
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  DATABASE_PIPELINING: z.enum(['on', 'off']).default('on'),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, fixedText('config.currency_code'))
    .refine((code) => !/^[A-Z]{3}$/.test(code) || isCurrency(code), fixedText('config.currency_unknown'))
    .default('EUR'),
  TIMEZONE: z.string().refine(isTimeZone, fixedText('time_zone.iana')).default('UTC'),
  PHONE_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, fixedText('config.country'))
    // Two letters that are no country (XX) would leave every local number unreadable.
    .refine((code) => !/^[A-Z]{2}$/.test(code) || isSupportedCountry(code), fixedText('config.country'))
    .optional(),
  OWNER_EMAIL: z.email().default('owner@regulars.local'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).default('pretty'),
  UNKNOWN_CODES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  JOBS: z.enum(['on', 'off']).default('on'),
  EVENTS_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  CHECK_RESPONSES: z.enum(['on', 'off']).default('off'),
  REFERRAL_LINK: z.string().trim().superRefine((v, ctx) => {
    if (!isReferralLinkTemplate(v)) ctx.addIssue({ code: 'custom', ...saidIssue(say('config.referral_link', { placeholder: '{code}', example: 'https://shop.example/?ref={code}' })) });
  }).optional(),
});

/**
 * A referral link template: an http(s) URL of the shop with `{code}` where the member's
 * code goes (`https://shop.example/?ref={code}`), still a URL once the code is in it.
 */
function isReferralLinkTemplate(template: string): boolean {
  if (!template.includes('{code}')) return false;
  try {
    const url = new URL(template.replaceAll('{code}', 'CODE'));
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// Intl.NumberFormat formats any three letters as a currency (EUD as "EUD 1.00"), so the
// codes are checked against the ones ICU knows: a typo stops the start, never a business
// run in a currency that does not exist.
const currencies = new Set(Intl.supportedValuesOf('currency'));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  if (!currencies.has(code)) return false;
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
  /** The shop's URL with `{code}` where a member's referral code goes (REFERRAL_LINK); null: members have a code and no link. */
  referralLink: string | null;
}

/** Why the process cannot start or a command cannot run where it was pointed: told in the command line's language (cli/main.ts). */
export class ConfigError extends Error {
  constructor(readonly told: Text) {
    super(String(told));
  }

  in(language: Language): string {
    return tell(this.told, language);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  let e: z.output<typeof Env>;
  try {
    e = parseInput(Env, cleaned, 'configuration');
  } catch (error) {
    if (!isAppError(error)) throw error;
    // A line per variable, each reason in the language asked (zod's words or the catalogue's).
    throw new ConfigError(told((language) => [say('config.invalid').in(language), ...error.in(language).problems.map((p) => `  ${p.field}: ${p.reason}`)].join('\n')));
  }
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
    referralLink: e.REFERRAL_LINK ?? null,
  };
}
