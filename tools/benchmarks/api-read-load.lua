-- wrk script for tools/benchmarks/api-read-load.sh: sends the API key and prints the percentiles the issue asks for
-- (wrk's own --latency report has no p95) and the count of answers that were not 200.
local key = os.getenv("TRAININGEVAL_API_KEY") or ""
wrk.headers["X-Api-Key"] = key
local not_ok = 0

response = function(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("%d requests in %.1f s: %.0f req/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %d errors\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
