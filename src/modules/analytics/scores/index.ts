// Scores per customer: RFM segment, BTYD predictions, CLV, churn risk; segment history.
export { createScoresService, SEGMENT_CHANGED, type ComputeScoresOptions, type ScoreRunSummary, type ScoresDeps, type ScoresService } from './scores.service.ts';
export { ScoreRunInput, SegmentHistoryQuery } from './scores.schema.ts';
export { aliveModelOfRun, createScorer, riskBand, MODEL_VERSION, RISK_THRESHOLDS, type ScoredCustomer, type ScoringModels } from './scores.ts';
