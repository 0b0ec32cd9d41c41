// Filled by the settings area of the dashboard.
export const SETTINGS = {} as const;
