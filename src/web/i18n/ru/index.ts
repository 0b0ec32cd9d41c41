import type { MessageKey } from '../en/index.ts';
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

export const ru: Record<MessageKey, string> = { ...GENERAL, ...CUSTOMERS, ...CUSTOMER_ACTIONS, ...IMPORT, ...LOYALTY_PROGRAM, ...LOYALTY_MEMBER, ...ANALYTICS, ...PROGRAM_FORM, ...PROMOTIONS, ...SETTINGS, ...ACTIVITY };
