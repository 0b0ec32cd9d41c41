import type { PROGRAM_FORM as EN } from '../en/program-form.ts';

export const PROGRAM_FORM: Record<keyof typeof EN, string> = {};
