#!/usr/bin/env bash
# Upvote POSTs through the API on SQLite: wrk with a Lua script over many people's tokens and many papers.
# Usage: bash bench/upvotes.sh [seconds=30] [connections=64]. Prints wrk's summary, then the same server's
# static /site.css (no database, no auth) as the baseline for the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}; conns=${2:-64}; port=${PAPERBOY_BENCH_PORT:-5123}
work=$(mktemp -d /tmp/paperboy-bench.XXXXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/Paperboy -c Release -o "$work/app" >/dev/null
export Paperboy__DataDir="$work/data" Paperboy__Ingest__Scheduled=false Paperboy__Search__Backfill=false Logging__LogLevel__Default=Warning \
       Paperboy__RateLimits__Votes=100000000 ASPNETCORE_ENVIRONMENT=Production
"$work/app/paperboy" migrate >/dev/null
python3 bench/seed_community.py "$work" 2000 500 sqlite
sqlite3 "$work/data/paperboy.db" < "$work/seed.sql"

(cd "$work/app" && exec ./paperboy --urls "http://127.0.0.1:$port") >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/site.css" >/dev/null && break; sleep 0.2; done

echo "== warm-up"; wrk -t2 -c"$conns" -d5s -s bench/upvotes.lua "http://127.0.0.1:$port" -- "$work/tokens.txt" "$work/papers.txt" | grep -E "Requests/sec|Non-2xx"
echo "== upvotes: POST /api/papers/{id}/upvote, 500 people, 2000 papers, SQLite"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/upvotes.lua "http://127.0.0.1:$port" -- "$work/tokens.txt" "$work/papers.txt"
echo "== baseline: GET /site.css on the same server"
wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/site.css"
echo "== stored"
sqlite3 "$work/data/paperboy.db" "SELECT (SELECT count(*) FROM upvotes) AS votes, (SELECT sum(local_upvotes) FROM papers) AS local_upvotes;"
echo "== resident memory (kB)"; grep VmRSS "/proc/$server/status"
