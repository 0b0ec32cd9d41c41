import { createContext, useContext } from 'react';

// What the dashboard knows of the business from GET /status, read once at log-in: the
// currency its amounts are in and the time zone its days are (i18n.timeZone carries the
// same zone to the dates shown and typed). Pages read them here rather than asking again.

export interface Business {
  currency: string;
  timeZone: string;
}

export const BusinessContext = createContext<Business>({ currency: 'EUR', timeZone: 'UTC' });

export const useBusiness = () => useContext(BusinessContext);
