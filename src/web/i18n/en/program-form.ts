// Filled by the program-form area of the dashboard.
export const PROGRAM_FORM = {} as const;
