import { answerFromWorker, workerInput } from '../../../shared/workers.ts';
import type { ClvQuery } from './clv.schema.ts';
import { fitPurchasesHere, type PurchaseColumns } from './clv.service.ts';

// The worker thread's side of fitPurchases.
const { purchases, query } = workerInput<{ purchases: PurchaseColumns; query: ClvQuery }>();
answerFromWorker(() => fitPurchasesHere(purchases, query));
