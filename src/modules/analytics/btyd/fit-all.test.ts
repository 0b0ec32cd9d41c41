import { describe, expect, it } from 'vitest';
import { fitAll, type ModelName } from './fit-all.ts';
import { cdnowSampleSummary } from './test-data.ts';

const summaries = cdnowSampleSummary();

describe('fitAll', () => {
  it('prints as the JSON `regulars analyze clv --json` documents', () => {
    const result = JSON.parse(JSON.stringify(fitAll({ summaries, models: ['bgnbd', 'paretonbd', 'gammagamma'] })));
    expect(Object.keys(result)).toEqual(['models']);
    expect(Object.keys(result.models)).toEqual(['bgnbd', 'paretonbd', 'gammagamma']);
    expect(Object.keys(result.models.bgnbd.params)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.keys(result.models.paretonbd.params)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(Object.keys(result.models.gammagamma.params)).toEqual(['p', 'q', 'gamma']);
    for (const name of ['bgnbd', 'paretonbd', 'gammagamma']) {
      const fit = result.models[name];
      expect(typeof fit.log_likelihood).toBe('number');
      expect(Object.keys(fit.std_errors)).toEqual(Object.keys(fit.params));
      expect(Object.keys(fit.on_boundary)).toEqual(Object.keys(fit.params));
      expect(fit.customers).toBe(name === 'gammagamma' ? 946 : 2357);
      expect(fit.fit_ms).toBeGreaterThanOrEqual(0);
    }
    expect(result.models.bgnbd.log_likelihood).toBeCloseTo(-9582.4, 0);
  });

  it('fits only the models asked for', () => {
    expect(Object.keys(fitAll({ summaries, models: ['gammagamma'] }).models)).toEqual(['gammagamma']);
    expect(() => fitAll({ summaries, models: ['nbd' as ModelName] })).toThrow(/Unknown model/);
  });

  it('fits BG/NBD alone to the published parameters', () => {
    const { models } = fitAll({ summaries, models: ['bgnbd'] });
    expect(Object.keys(models)).toEqual(['bgnbd']);
    expect(models.bgnbd!.params.r).toBeCloseTo(0.243, 3);
  });
});
