import { ACTIVITY } from './activity.ts';
import { ANALYTICS } from './analytics.ts';
import { CUSTOMER_ACTIONS } from './customer-actions.ts';
import { CUSTOMERS } from './customers.ts';
import { GENERAL } from './general.ts';
import { IMPORT } from './import.ts';
import { LOYALTY_MEMBER } from './loyalty-member.ts';
import { LOYALTY_PROGRAM } from './loyalty-program.ts';
import { PROGRAM_FORM } from './program-form.ts';
import { PROMOTIONS } from './promotions.ts';
import { SETTINGS } from './settings.ts';

// The dashboard's English catalogue, one file per area: every other language has exactly
// these keys, area by area (each of its files is typed by the English one, so a key missing
// or extra fails the typecheck; test/e2e/i18n.test.ts checks it again at run time).
export const en = { ...GENERAL, ...CUSTOMERS, ...CUSTOMER_ACTIONS, ...IMPORT, ...LOYALTY_PROGRAM, ...LOYALTY_MEMBER, ...ANALYTICS, ...PROGRAM_FORM, ...PROMOTIONS, ...SETTINGS, ...ACTIVITY } as const;

export type MessageKey = keyof typeof en;
