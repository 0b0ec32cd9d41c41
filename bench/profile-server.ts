// Runs the server in this process so it can be profiled under a benchmark's load:
//   BENCH_PROFILE=1 npx tsx bench/api.bench.ts --phases single
// The bench starts the server through this file and sends SIGUSR2 when a measured phase starts; the CPU profile of that phase
// alone (not the start-up or the base load) is written to $BENCH_PROFILE_DIR (default
// /tmp/prof) when the next phase starts or the server stops. Open it in Chrome's DevTools.
// BENCH_PROFILE_INTERVAL_US: the sampling interval (V8's default is 1,000 µs; 100 shows
// the event loop's busy stretches, at some cost in speed). BENCH_HEAP_PROFILE=1: also a
// sampling profile of every allocation of the phase (phase-N.heapprofile), collected or not;
// BENCH_HEAP_PROFILE=survivors: only those no scavenge collected, that is those promoted to
// the old generation (each copied on the way, and left for a mark-compact once dead) or
// alive when the phase ended.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { startRegulars } from '../src/main.ts';

const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp/prof';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
if (process.env.BENCH_PROFILE_INTERVAL_US) await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_PROFILE_INTERVAL_US) });
let phase = 0;
let profiling = false;

async function writeProfile() {
  if (!profiling) return;
  profiling = false;
  if (process.env.BENCH_HEAP_PROFILE) {
    const { profile: heap } = await session.post('HeapProfiler.stopSampling');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `phase-${phase}.heapprofile`), JSON.stringify(heap));
  }
  const { profile } = await session.post('Profiler.stop');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `phase-${phase}.cpuprofile`), JSON.stringify(profile));
}

process.on('SIGUSR2', async () => {
  await writeProfile();
  phase++;
  await session.post('Profiler.start');
  if (process.env.BENCH_HEAP_PROFILE) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP_PROFILE !== 'survivors' });
  profiling = true;
});

const running = await startRegulars();
process.once('SIGTERM', async () => {
  await writeProfile();
  await running.stop();
  process.exit(0);
});
