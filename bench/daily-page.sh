#!/usr/bin/env bash
# The daily page under load: builds Release, loads the 75k arXiv snapshot and every recorded HF day into a fresh
# SQLite database, then runs wrk (2 threads, 64 connections, 30 s) against /papers/date/DAY (a 50-paper day) and,
# in the same run, against a bare ASP.NET Core endpoint (bench/Bare) for the ratio. Prints requests/s, p99 and the
# server's resident memory after the load. Results go to docs/benchmarks.md ("Daily page").
#   bash bench/daily-page.sh            # DAY=2026-05-12 DURATION=30s PORT=5181 override
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data=${PAPERBOY_SHARED_DATA:-$root/../shared/data}
day=${DAY:-2026-05-12}
duration=${DURATION:-30s}
port=${PORT:-5181}
bare_port=$((port + 1))
work=$(mktemp -d /tmp/paperboy-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (Release)"
dotnet publish src/Paperboy -c Release -o "$work/paperboy" --nologo -v q >/dev/null
dotnet publish bench/Bare -c Release -o "$work/bare" --nologo -v q >/dev/null

echo "== load: 75k snapshot + every HF day into $work/data"
# The embedding back-fill of 80k fresh papers would take the cores for an hour: measured apart (see Search).
export Paperboy__DataDir="$work/data" Paperboy__Ingest__Scheduled=false Paperboy__Search__Backfill=false
paperboy() { (cd "$work/paperboy" && ./paperboy "$@"); }
paperboy migrate >/dev/null
verbs=$(paperboy import --help 2>&1 || true)
if ! grep -q "paperboy import" <<<"$verbs"; then
  echo "(no 'paperboy import' verb in this build: loading with direct SQL inserts, bench/load-direct.py)"
  python3 bench/load-direct.py "$work/data/paperboy.db" "$data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz" "$data/hf-daily-papers"
else
  paperboy import snapshot "$data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz" 2>&1 | tail -1
  paperboy import hf-daily "$data/hf-daily-papers" 2>&1 | tail -1
fi
sqlite3 "$work/data/paperboy.db" "SELECT 'papers: ' || (SELECT count(*) FROM papers) || ', featured: ' || (SELECT count(*) FROM featured_papers) || ', on $day: ' || (SELECT count(*) FROM featured_papers WHERE day = '$day')"

run_wrk() { # name url
  curl -sf -o /dev/null "$2" || { echo "$1: $2 does not answer 200" >&2; exit 1; }
  wrk -t2 -c64 -d5s "$2" >/dev/null # warm-up: JIT, caches, connection pools
  local out; out=$(wrk -t2 -c64 -d"$duration" --latency "$2")
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
  printf '%-12s %10s req/s   p99 %8s   %s\n' "$1" "$rps" "$p99" "${errors:-no errors}"
}

echo "== serve"
(cd "$work/paperboy" && exec ./paperboy --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning) >"$work/paperboy.log" 2>&1 &
pids+=($!); server=$!
(cd "$work/bare" && exec ./bare --urls "http://127.0.0.1:$bare_port") >"$work/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/papers" && curl -sf -o /dev/null "http://127.0.0.1:$bare_port/" && break; sleep 0.2; done
entries=$(curl -s "http://127.0.0.1:$port/papers/date/$day" | grep -c 'class="paper-entry"')
echo "/papers/date/$day lists $entries papers ($(curl -s "http://127.0.0.1:$port/papers/date/$day" | wc -c) bytes)"

echo "== wrk -t2 -c64 -d$duration ($(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'))"
run_wrk "daily page" "http://127.0.0.1:$port/papers/date/$day"
# Issue 3 wants the trending page at the daily page's throughput: same server, same data, same load.
echo "/papers/trending lists $(curl -s "http://127.0.0.1:$port/papers/trending" | grep -c 'class="paper-entry"') papers"
run_wrk "trending page" "http://127.0.0.1:$port/papers/trending"
run_wrk "bare" "http://127.0.0.1:$bare_port/"
echo "paperboy resident memory after the load: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$server/status) (peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status))"
