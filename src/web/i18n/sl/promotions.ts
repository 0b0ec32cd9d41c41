import type { PROMOTIONS as EN } from '../en/promotions.ts';

export const PROMOTIONS: Record<keyof typeof EN, string> = {};
