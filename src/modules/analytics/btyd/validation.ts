import type { History } from './bgnbd.ts';
import { conditionalExpectedPurchases, type TransactionModel } from './clv.ts';

// Calibration / holdout check: a model fitted on the calibration period predicts each
// customer's purchases in the holdout, which is compared with what they did, in total
// and by number of calibration repeat purchases (the "conditional expectations" figure
// of Fader, Hardie & Lee 2005).

export interface HoldoutCustomer extends History {
  holdoutPurchases: number;
  holdoutLength: number;
  weight?: number;
}

export interface HoldoutGroup {
  /** calibration repeat purchases: "0" … "6", then "7+" */
  repeat_purchases: string;
  customers: number;
  predicted_total: number;
  actual_total: number;
  predicted_mean: number;
  actual_mean: number;
}

export interface ValidationReport {
  customers: number;
  predicted_total: number;
  actual_total: number;
  /** (predicted − actual) / actual */
  relative_error: number;
  /** mean over customers of |predicted − actual| holdout purchases */
  mean_absolute_error: number;
  by_calibration_purchases: HoldoutGroup[];
}

const LABELS = ['0', '1', '2', '3', '4', '5', '6', '7+'];

/** The report for any predictor of holdout purchases (customer, holdout length) → expected count. */
export function holdoutReport(customers: readonly HoldoutCustomer[], predict: (customer: HoldoutCustomer, t: number) => number): ValidationReport {
  const groups = LABELS.map((label) => ({ repeat_purchases: label, customers: 0, predicted_total: 0, actual_total: 0, predicted_mean: 0, actual_mean: 0 }));
  let count = 0;
  let predicted = 0;
  let actual = 0;
  let absoluteError = 0;
  const cache = new Map<string, number>();
  for (const c of customers) {
    const w = c.weight ?? 1;
    const key = `${c.x}|${c.tx}|${c.T}|${c.holdoutLength}`;
    let p = cache.get(key);
    if (p === undefined) {
      p = predict(c, c.holdoutLength);
      cache.set(key, p);
    }
    count += w;
    predicted += w * p;
    actual += w * c.holdoutPurchases;
    absoluteError += w * Math.abs(p - c.holdoutPurchases);
    const g = groups[Math.min(7, Math.floor(c.x))];
    g.customers += w;
    g.predicted_total += w * p;
    g.actual_total += w * c.holdoutPurchases;
  }
  for (const g of groups) {
    g.predicted_mean = g.customers ? g.predicted_total / g.customers : 0;
    g.actual_mean = g.customers ? g.actual_total / g.customers : 0;
  }
  return {
    customers: count,
    predicted_total: predicted,
    actual_total: actual,
    relative_error: actual > 0 ? (predicted - actual) / actual : Number.NaN,
    mean_absolute_error: count ? absoluteError / count : 0,
    by_calibration_purchases: groups.filter((g) => g.customers > 0),
  };
}

/** Predicted against actual holdout purchases for a fitted BG/NBD or Pareto/NBD model. */
export function validationReport({ transactionModel, customers }: { transactionModel: TransactionModel; customers: readonly HoldoutCustomer[] }): ValidationReport {
  return holdoutReport(customers, (customer, t) => conditionalExpectedPurchases({ transactionModel, customer, t }));
}
