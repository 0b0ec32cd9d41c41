// Customer-base ("buy till you die") models: pure functions over arrays of summaries.

export {
  summarize, summarizeColumns, columnsOfPurchases, calibrationAndHoldout, dayNumber, DAYS_PER_UNIT,
  type Purchase, type PurchaseColumns, type CustomerSummary, type CalibrationSummary, type HoldoutSummary, type SummarizeOptions, type TimeUnit,
} from './summary.ts';
export { groupSummaries, type SummaryGroups } from './aggregate.ts';
export {
  fitBgNbd, bgnbdLogLikelihood, bgnbdTotalLogLikelihood, bgnbdExpectedPurchases, bgnbdConditionalExpectedPurchases,
  bgnbdProbabilityAlive, bgnbdProbabilityOfPurchases,
  type BgNbdParams, type History, type ModelFit,
} from './bgnbd.ts';
export {
  fitParetoNbd, paretoNbdLogLikelihood, paretoNbdTotalLogLikelihood, paretoNbdExpectedPurchases,
  paretoNbdConditionalExpectedPurchases, paretoNbdProbabilityAlive,
  type ParetoNbdParams,
} from './pareto-nbd.ts';
export {
  fitGammaGamma, gammaGammaLogLikelihood, gammaGammaConditionalExpectedValue, gammaGammaMeanValue,
  type GammaGammaParams,
} from './gamma-gamma.ts';
export {
  customerLifetimeValue, customerLifetimeValues, expectedPurchases, conditionalExpectedPurchases, probabilityAlive,
  type ClvOptions, type CustomerValue, type TransactionModel,
} from './clv.ts';
export { validationReport, holdoutReport, type HoldoutCustomer, type HoldoutGroup, type ValidationReport } from './validation.ts';
export { fitAll, MODEL_NAMES, type FitAllInput, type FittedModels, type ModelName } from './fit-all.ts';
export { fitAllOffThread, OFF_THREAD_FROM } from './fit-off-thread.ts';
export { simulateBgNbd, seededRandom, type SimulationOptions } from './simulate.ts';
