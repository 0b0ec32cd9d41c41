import { describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../shared/errors.ts';
import { OFF_THREAD_FROM } from '../btyd/index.ts';
import { cdnowMasterPurchases, withoutTimes } from '../btyd/test-data.ts';
import { ClvQuery } from './clv.schema.ts';
import { fitPurchases, fitPurchasesHere, purchaseColumnsOf } from './clv.service.ts';

// The CDNOW master file (69,659 purchases, more than OFF_THREAD_FROM) is summarized and
// fitted in a worker thread: the same numbers as on this thread, the master file's BG/NBD
// fit (as in btyd/validation.test.ts), and the same 422 for a bad holdout.

const purchases = () => purchaseColumnsOf(cdnowMasterPurchases());

describe('fitPurchases', () => {
  it('fits CDNOW in a worker thread as on this thread, to the last digit, with the master file’s parameters', async () => {
    expect(cdnowMasterPurchases().length).toBeGreaterThanOrEqual(OFF_THREAD_FROM);
    const query = ClvQuery.parse({ calibration_end: '1997-09-30', holdout_end: '1998-06-30' });
    const here = fitPurchasesHere(purchases(), query);
    const there = await fitPurchases({ purchases: purchases(), query });
    expect(there.customers).toBe(23_570);
    expect(withoutTimes(there.models)).toEqual(withoutTimes(here.models));
    expect(there.validation).toEqual(here.validation);
    expect(there.models.bgnbd!.params.r).toBeCloseTo(0.2516, 3);
    expect(there.models.bgnbd!.params.a).toBeCloseTo(0.7234, 3);
    expect(there.models.bgnbd!.log_likelihood).toBeCloseTo(-95368.44, 1);
  });

  it('answers a holdout before the calibration with the same 422 from the worker', async () => {
    const query = ClvQuery.parse({ model: 'bgnbd', holdout_end: '1997-01-15' });
    const error = (await fitPurchases({ purchases: purchases(), query }).catch((e: unknown) => e)) as AppError;
    expect(isAppError(error)).toBe(true);
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([{ field: 'holdout_end', reason: 'must not be before `calibration_end`, which is 1998-06-30 when not given (the last purchase day)' }]);
  });

  it('refuses a calibration that ends before anyone bought, naming the day in the language asked', () => {
    const query = ClvQuery.parse({ calibration_end: '1990-01-01' });
    const error = (() => { try { fitPurchasesHere(purchases(), query); } catch (e) { return e; } })() as AppError;
    expect(isAppError(error)).toBe(true);
    expect(error.problems).toEqual([{ field: 'calibration_end', reason: 'nobody had bought by 1990-01-01' }]);
    expect(error.in('ru').problems[0].reason).toBe('к 1990-01-01 никто ещё ничего не купил');
  });
});
