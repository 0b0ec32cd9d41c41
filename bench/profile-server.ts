// Runs the server in this process so it can be profiled under a benchmark's load:
// BENCH_SERVER_CMD="exec node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-server.ts" npx tsx bench/api.bench.ts
import { startRegulars } from '../src/main.ts';

const running = await startRegulars();
process.once('SIGTERM', async () => {
  await running.stop();
  process.exit(0);
});
