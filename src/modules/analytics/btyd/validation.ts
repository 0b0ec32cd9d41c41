// Calibration / holdout check: the model fitted on the calibration period predicts each
// customer's purchases in the holdout; compared with what they did, in total and by
// number of calibration repeat purchases (the classic "tracking" table).

export interface HoldoutCustomer {
  x: number;
  tx: number;
  T: number;
  holdoutPurchases: number;
  holdoutLength: number;
}

export function holdoutReport(customers: readonly HoldoutCustomer[], predict: (c: HoldoutCustomer, t: number) => number) {
  const groups = new Map<string, { customers: number; predicted: number; actual: number }>();
  let predicted = 0;
  let actual = 0;
  let absoluteError = 0;
  for (const c of customers) {
    const p = predict(c, c.holdoutLength);
    predicted += p;
    actual += c.holdoutPurchases;
    absoluteError += Math.abs(p - c.holdoutPurchases);
    const key = c.x >= 7 ? '7+' : String(c.x);
    const g = groups.get(key) ?? { customers: 0, predicted: 0, actual: 0 };
    g.customers++;
    g.predicted += p;
    g.actual += c.holdoutPurchases;
    groups.set(key, g);
  }
  const order = ['0', '1', '2', '3', '4', '5', '6', '7+'];
  return {
    customers: customers.length,
    predicted_total: predicted,
    actual_total: actual,
    mean_absolute_error: customers.length ? absoluteError / customers.length : 0,
    by_calibration_purchases: order.filter((k) => groups.has(k)).map((k) => {
      const g = groups.get(k)!;
      return { repeat_purchases: k, customers: g.customers, predicted_mean: g.predicted / g.customers, actual_mean: g.actual / g.customers };
    }),
  };
}
