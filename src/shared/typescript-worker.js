// The entry of every worker thread (shared/workers.ts): a worker starts without the main
// thread's module loader, so it registers tsx's before importing the TypeScript module
// it was started for — the same loader as bin/regulars.js, under `npm start`, tsx and
// vitest alike.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
