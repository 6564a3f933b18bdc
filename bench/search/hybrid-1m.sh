#!/usr/bin/env bash
# Hybrid search end to end at 1M papers: the published Release build serving the 1M SQLite data folder that
# `bash bench/search/million.sh build` left (papers + arctic-xs vectors), the 50 queries of bench/search/queries.txt
# sent to GET /api/papers/search (hybrid: words + meaning fused, the query embedded by the server) one after the other
# over one keep-alive connection: three warm-up rounds (a hub serves for days: the JIT's second tier and the GC's
# heap sizing settle during the first minutes), then two timed rounds. Prints the first round's p95 (just started),
# the timed rounds' p50/p95/max and the server's memory.
#   bash bench/search/hybrid-1m.sh [DIR=/tmp/paperboy-1m] [PORT=5191]
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-/tmp/paperboy-1m}; port=${2:-5191}
out=/tmp/pbserve-1m
dotnet publish src/Paperboy -c Release -o "$out" --nologo -v q >/dev/null
log=$(mktemp /tmp/paperboy-hybrid.XXXXXX.log)
export Paperboy__DataDir="$dir/sqlite" Paperboy__Ingest__Scheduled=false Paperboy__Search__Backfill=false
start=$(date +%s)
(cd "$out" && exec nice -n 19 ./paperboy --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning --Logging:LogLevel:Paperboy.Search=Information) >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1800); do grep -q "vectors of" "$log" && break; kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }; sleep 1; done
echo "server up, $(grep -o 'loaded [0-9]* vectors of [a-z-]*' "$log") after $(( $(date +%s) - start )) s; RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$server/status)"
# Above 50,000 vectors the IVF partition is built in the background after the load; measure with it in place.
for _ in $(seq 900); do grep -q "built the vector index" "$log" && break; sleep 1; done
echo "$(grep -o 'built the vector index.*' "$log" || echo 'the vector index was not built within 15 min: exhaustive scan')"
nice -n 19 python3 - "$port" <<'PY'
import http.client, sys, time, urllib.parse, json
port = int(sys.argv[1])
queries = [l.strip() for l in open("bench/search/queries.txt") if l.strip()]
conn = http.client.HTTPConnection("127.0.0.1", port)
def get(q):
    conn.request("GET", "/api/papers/search?limit=20&q=" + urllib.parse.quote(q))
    r = conn.getresponse(); body = r.read()
    assert r.status == 200, (q, r.status, body[:300])
    return len(json.loads(body))
WARMUP, TIMED = 3, 2
first, times = [], []
for rnd in range(WARMUP + TIMED):
    for q in queries:
        t = time.perf_counter(); n = get(q); ms = (time.perf_counter() - t) * 1000
        if rnd == 0: first.append(ms)
        if rnd >= WARMUP: times.append(ms)
        if rnd == WARMUP + TIMED - 1 and ms > 40: print(f"  slow: {q!r} {ms:.1f} ms ({n} results)")
first.sort(); times.sort()
p = lambda f, xs=times: xs[min(len(xs) - 1, int(-(-f * len(xs) // 1)) - 1)]
print(f"first round after start: p50 {p(0.5, first):.1f} ms, p95 {p(0.95, first):.1f} ms")
print(f"hybrid /api/papers/search, {len(queries)} queries x {TIMED} rounds after {WARMUP} warm-up rounds: p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, max {times[-1]:.1f} ms")
PY
echo "server memory after the queries: RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$server/status), peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status)"
