// Churn: a logistic regression over what a business already knows, validated on a time
// split against BG/NBD's probability alive.
export { fitLogistic, predictLogistic, standardise, topReasons, type FitLogisticInput, type LogisticModel, type Reason } from './model.ts';
export { auc } from './auc.ts';
export { bgnbdProbabilityNoPurchase } from './baseline.ts';
export { CHURN_FEATURES, CHURN_FEATURE_NAMES, btydSummary, churnReasons, modelFeatures, rawFeatures, type CustomerFeatures } from './features.ts';
export { featureSql, featureColumns, labelledFeatures, activeCustomerCount, type FeatureQuery, type LabelledFeatures } from './churn.repository.ts';
export { trainChurnModel, type ChurnTraining, type ChurnValidation, type ChurnScore, type TrainChurnInput } from './churn.service.ts';
