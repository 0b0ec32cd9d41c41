import { groupSummaries } from './aggregate.ts';
import { fitBgNbd, type BgNbdParams, type ModelFit } from './bgnbd.ts';
import { fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import { fitParetoNbd, type ParetoNbdParams } from './pareto-nbd.ts';
import type { CustomerSummary } from './summary.ts';

export type ModelName = 'bgnbd' | 'paretonbd' | 'gammagamma';
export const MODEL_NAMES: readonly ModelName[] = ['bgnbd', 'paretonbd', 'gammagamma'];

/** Per model: { params, log_likelihood, std_errors, on_boundary, customers, groups, converged, iterations, fit_ms }. */
export interface FittedModels {
  bgnbd?: ModelFit<BgNbdParams>;
  paretonbd?: ModelFit<ParetoNbdParams>;
  gammagamma?: ModelFit<GammaGammaParams>;
}

export interface FitAllInput {
  summaries: readonly CustomerSummary[];
  /** default: all three */
  models?: readonly ModelName[];
}

/**
 * Fits the requested models; the result is what `regulars analyze clv --json` prints
 * under "models", so its keys are part of the CLI's interface.
 */
export function fitAll({ summaries, models = MODEL_NAMES }: FitAllInput): { models: FittedModels } {
  for (const m of models) if (!MODEL_NAMES.includes(m)) throw new RangeError(`Unknown model: ${String(m)}`);
  const out: FittedModels = {};
  // The two purchase models share one grouping of the summaries.
  const wantsPurchases = models.includes('bgnbd') || models.includes('paretonbd');
  const groups = wantsPurchases ? groupSummaries(summaries) : undefined;
  if (groups && models.includes('bgnbd')) out.bgnbd = fitBgNbd(groups);
  if (groups && models.includes('paretonbd')) out.paretonbd = fitParetoNbd(groups);
  if (models.includes('gammagamma')) out.gammagamma = fitGammaGamma(summaries);
  return { models: out };
}
