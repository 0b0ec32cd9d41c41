import { answerFromWorker, workerInput } from '../../../shared/workers.ts';
import type { ClvQuery } from './clv.schema.ts';
import type { PurchaseColumns } from '../btyd/index.ts';
import { fitPurchasesHere } from './clv.service.ts';

// The worker thread's side of fitPurchases.
const { purchases, query } = workerInput<{ purchases: PurchaseColumns; query: ClvQuery }>();
answerFromWorker(() => fitPurchasesHere(purchases, query));
