import { parentPort, Worker, workerData, type Transferable } from 'node:worker_threads';
import { AppError, type ErrorKind, type FieldProblem } from './errors.ts';

// Long pure computations (a customer-base model's fit over a million customers takes
// seconds) run in a worker thread, so the server's one JavaScript thread keeps answering
// the tills meanwhile. A worker runs one job: it starts with its input, posts one answer
// and ends. Starting one costs a tenth of a second or two (the TypeScript loader and the
// module's imports), so callers keep small jobs on their own thread.

const ENTRY = new URL('./typescript-worker.js', import.meta.url);

/** An error as it crosses between threads: an AppError keeps its kind and field problems (a 422 stays a 422). */
interface ThreadError {
  name: string;
  message: string;
  kind?: ErrorKind;
  problems?: FieldProblem[];
}

type Answer<T> = { value: T } | { error: ThreadError };

/**
 * Runs the TypeScript module `module` in a worker thread with `input` (what the module
 * reads with `workerInput()`, `transfer` moved rather than copied); resolves with what
 * it answers (`answerFromWorker`). An error the job throws is thrown here: an AppError
 * as itself, others with their message as a RangeError, TypeError or Error by name.
 */
export function runInWorker<T>(module: URL, input: unknown, transfer: Transferable[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { module: module.href, input }, transferList: transfer });
    let answered = false;
    worker.once('message', (answer: Answer<T>) => {
      answered = true;
      if ('value' in answer) resolve(answer.value);
      else reject(errorOf(answer.error));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`A worker thread (${module.pathname.split('/').pop()}) ended without an answer, exit code ${code}`));
    });
  });
}

/** In a worker's module: the input it was started with. */
export function workerInput<I>(): I {
  return (workerData as { input: I }).input;
}

/** In a worker's module: computes the answer and posts it (or the error it threw) to the thread that started it. */
export function answerFromWorker<T>(compute: () => T): void {
  let answer: Answer<T>;
  try {
    answer = { value: compute() };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    answer = { error: e instanceof AppError ? { name: e.name, message: e.message, kind: e.kind, problems: e.problems } : { name: e.name, message: e.message } };
  }
  parentPort!.postMessage(answer);
}

function errorOf({ name, message, kind, problems }: ThreadError): Error {
  if (kind) return new AppError(kind, message, problems);
  return name === 'RangeError' ? new RangeError(message) : name === 'TypeError' ? new TypeError(message) : new Error(message);
}
