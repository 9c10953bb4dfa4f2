#!/usr/bin/env bash
# API read load (issue 19 item 13) with wrk (Debian: apt-get install wrk): C keep-alive connections read
# GET /api/v1/cohorts/{code}/scores for D seconds from a running server on loopback, then print req/s and p50/p95/p99.
# wrk is a C load generator on one thread here: it leaves the server most of this 2-core machine, where the Node script
# (api-read-load.js) spent about as much CPU on fetch as the server did on answering.
#   tools/benchmarks/api-read-load.sh http://127.0.0.1:5093 <api-key> <cohortCode> [connections=32] [seconds=20]
# Start the server in Release with a bootstrap key and a rate limit that lets the load through, e.g.
#   Api__BootstrapKey=load-test-key-0123456789 TrainingEval__RateLimits__ApiPerMinute=1000000 \
#     dotnet run -c Release --project TrainingEval.Dashboard --urls http://127.0.0.1:5093
set -euo pipefail
base=${1:?base url}; key=${2:?api key}; cohort=${3:?cohort code}; connections=${4:-32}; seconds=${5:-20}
case "$base" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "load is only sent to loopback" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ "$seconds" -le 120 ] || { echo "at most 120 s" >&2; exit 2; }
url="${base%/}/api/v1/cohorts/${cohort}/scores"
here=$(dirname "$0")
# Warm-up: JIT, connection pool, query plans.
TRAININGEVAL_API_KEY="$key" wrk -t1 -c4 -d3s -s "$here/api-read-load.lua" "$url" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TRAININGEVAL_API_KEY="$key" wrk -t1 -c"$connections" -d"${seconds}s" -s "$here/api-read-load.lua" "$url" | tail -1
