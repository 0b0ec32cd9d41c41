import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SHARED_DATA } from '../../../../test/helpers/shared-data.ts';
import type { FittedModels } from './fit-all.ts';
import type { CustomerSummary, Purchase } from './summary.ts';

// Readers for the shared reference data (../shared/data beside the repository),
// used by the tests and bench/btyd.bench.ts. Not part of the module's public door.

export const DATA_DIR = pathToFileURL(`${SHARED_DATA}/`);

const lines = (file: string) => fs.readFileSync(new URL(file, DATA_DIR), 'utf8').trim().split(/\r?\n/);
const isoDate = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** The 2,357-customer CDNOW sample as published (weeks, calibration to 1997-09-30), with zbar as monetary. */
export function cdnowSampleSummary(): (CustomerSummary & { customerId: string; monetary: number })[] {
  return lines('cdnow/cdnow_customers_summary_with_transactions.csv').slice(1).map((line) => {
    const [id, x, tx, T, zbar] = line.split(',');
    return { customerId: id, x: Number(x), tx: Number(tx), T: Number(T), monetary: Number(zbar) };
  });
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T. */
export function cdnowPublishedSummary(): { id: string; frequency: number; recency: number; T: number }[] {
  return lines('cdnow/cdnow_customers_summary.csv').slice(1).map((line) => {
    const [id, frequency, recency, T] = line.split(',');
    return { id, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
  });
}

/** CDNOW_sample.txt: orig_id new_id YYYYMMDD n_cds dollars; customers by their new id. */
export function cdnowSamplePurchases(): Purchase[] {
  return lines('cdnow/CDNOW_sample.txt').map((line) => {
    const [, id, date, , dollars] = line.trim().split(/\s+/);
    return { customerId: String(Number(id)), at: isoDate(date), value: Number(dollars) };
  });
}

/** CDNOW_master.txt: customer_id date number_of_cds dollar_value (23,570 customers). */
export function cdnowMasterPurchases(): Purchase[] {
  return lines('cdnow/CDNOW_master.txt').slice(1).map((line) => {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    return { customerId: id, at: isoDate(date), value: Number(dollars) };
  });
}

/**
 * UCI Online Retail invoices: rows without a customer and cancellations (InvoiceNo
 * starting with C) dropped; value = Quantity × UnitPrice; InvoiceDate M/D/YYYY H:MM.
 */
export function onlineRetailPurchases(): Purchase[] {
  const out: Purchase[] = [];
  for (const line of lines('online-retail/online_retail_invoices.csv').slice(1)) {
    const [invoice, when, customer, , quantity, price] = line.split(',');
    if (customer === '(blank)' || invoice.startsWith('C')) continue;
    const [date, time] = when.split(' ');
    const [month, day, year] = date.split('/');
    const [hour, minute] = time.split(':');
    out.push({
      customerId: customer,
      at: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}`,
      value: Number(quantity) * Number(price),
    });
  }
  return out;
}

/** Fitted models without their fit times, which differ between two fits of the same numbers. */
export const withoutTimes = (models: FittedModels) =>
  Object.fromEntries(Object.entries(models).map(([name, fit]) => [name, { ...fit, fit_ms: undefined }]));
