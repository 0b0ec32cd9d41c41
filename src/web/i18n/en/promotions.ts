// Filled by the promotions area of the dashboard.
export const PROMOTIONS = {} as const;
