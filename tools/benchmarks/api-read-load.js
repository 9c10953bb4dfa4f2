#!/usr/bin/env node
// API read load (issue 19 item 13): N parallel clients read GET /api/v1/cohorts/{code}/scores from a running server on
// loopback with a key, for a fixed number of requests (bounded in count and time), and print throughput and latency
// percentiles. Usage:
//   node tools/benchmarks/api-read-load.js http://127.0.0.1:5093 <api-key> <cohortCode> [clients=32] [requests=20000]
// Start the server in Release with a bootstrap key, e.g.
//   Api__BootstrapKey=load-test-key-0123456789 dotnet run -c Release --project TrainingEval.Dashboard --urls http://127.0.0.1:5093
// Only loopback targets are accepted.
const [base, key, cohort, clientsArg, requestsArg] = process.argv.slice(2);
if (!base || !key || !cohort) {
  console.error('usage: api-read-load.js <base-url> <api-key> <cohort-code> [clients] [requests]');
  process.exit(2);
}
const url = new URL(`/api/v1/cohorts/${encodeURIComponent(cohort)}/scores`, base);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error('load is only sent to loopback');
  process.exit(2);
}
const clients = Number(clientsArg ?? 32);
const total = Number(requestsArg ?? 20000);
const deadline = Date.now() + 120_000;
const latencies = [];
let next = 0;
let failed = 0;

async function worker() {
  while (next < total && Date.now() < deadline) {
    next++;
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers: { 'X-Api-Key': key } });
    await response.arrayBuffer();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 200) failed++;
  }
}

(async () => {
  // Warm-up: JIT, connection pool, the first query plans.
  for (let i = 0; i < 200; i++) await (await fetch(url, { headers: { 'X-Api-Key': key } })).arrayBuffer();
  const started = Date.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = q => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(`${latencies.length} requests, ${clients} clients, ${seconds.toFixed(1)} s: ${(latencies.length / seconds).toFixed(0)} req/s; ` +
    `p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms; ${failed} not 200`);
})();
