import type { SETTINGS as EN } from '../en/settings.ts';

export const SETTINGS: Record<keyof typeof EN, string> = {};
