export { aggregate, summarize, type CustomerSummary, type Purchase, type TimeUnit } from './summary.ts';
export { fitBgNbd, bgnbdLogLikelihood, bgnbdExpectedPurchases, bgnbdConditionalExpected, bgnbdProbabilityAlive, type BgNbdParams } from './bgnbd.ts';
export { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdExpectedPurchases, paretoNbdConditionalExpected, paretoNbdProbabilityAlive, type ParetoNbdParams } from './pareto-nbd.ts';
export { fitGammaGamma, gammaGammaLogLikelihood, gammaGammaExpectedValue, type GammaGammaParams } from './gamma-gamma.ts';
export { holdoutReport, type HoldoutCustomer } from './validation.ts';
export { customerLifetimeValue, fitAll, type ModelName } from './clv.ts';
