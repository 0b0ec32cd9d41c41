export {
  associationsOf, countCoPurchases, customerHistories, hitRate, hitRateAt, mcNemar, popularity, strongestPairs, trainRecommender,
  type Association, type Basket, type CoPurchaseCounts, type HitRate, type HitRateReport, type Pair, type Recommendation, type Recommender, type RecommenderOptions,
} from './recommend.ts';
export { loadBaskets, streamBaskets, type Product } from './recommendations.repository.ts';
export { createRecommendationService, recommendationsForCustomer, type BoughtTogether, type CustomerRecommendations, type ProductAssociation, type RecommendationService } from './recommendations.service.ts';
export { EvaluationQuery } from './recommendations.schema.ts';
