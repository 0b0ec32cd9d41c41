import { answerFromWorker, workerInput } from '../../../shared/workers.ts';
import { fitAll } from './fit-all.ts';
import { summariesOf, type FitJob } from './fit-off-thread.ts';

// The worker thread's side of fitAllOffThread.
const job = workerInput<FitJob>();
answerFromWorker(() => fitAll({ summaries: summariesOf(job.columns), models: job.models }));
