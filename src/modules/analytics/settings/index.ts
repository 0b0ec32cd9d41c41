export { AnalyticsSettingsInput } from './settings.schema.ts';
export { analyticsSettings, updateAnalyticsSettings, costInMinor, storedCostMinor, type AnalyticsSettings, type SettingsDeps } from './settings.service.ts';
export { readSettings } from './settings.repository.ts';
