#!/usr/bin/env bash
# A soak: one hub on SQLite with the recorded HF days (and the arXiv snapshot, for search), 500 readers with API tokens,
# an SMTP sink for sign-in mail; then a fixed-rate mixed load (bench/Paperboy.Bench soak: pages, API reads, search,
# upvotes, comments, sign-ins; a tenth writes) with one line per minute and a summary: requests, errors, latency
# percentiles counted from when each request was due, and the server's resident memory after warm-up and at the end.
# Usage: bash bench/soak/run.sh [minutes=30] [rate=1000]. Rate limits are raised: the soak loads the hub, not the limiter.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-30}; rate=${2:-1000}
port=${PAPERBOY_BENCH_PORT:-5137}; smtp=$(( port + 1 ))
data=../shared/data
work=$(mktemp -d /tmp/paperboy-soak.XXXXXX)
trap 'kill $server $sink 2>/dev/null || true; [ -n "${PAPERBOY_SOAK_KEEP:-}" ] || rm -rf "$work"' EXIT

dotnet publish src/Paperboy -c Release -o "$work/app" >/dev/null
dotnet build bench/Paperboy.Bench -c Release -o "$work/bench" >/dev/null
export Paperboy__DataDir="$work/data" Paperboy__Ingest__Scheduled=false Paperboy__Digest__Scheduled=false Paperboy__Search__Backfill=false \
       Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
       Paperboy__Smtp__Host=127.0.0.1 Paperboy__Smtp__Port=$smtp Paperboy__Smtp__Security=None \
       Paperboy__RateLimits__Votes=1000000000 Paperboy__RateLimits__Comments=1000000000 \
       Paperboy__RateLimits__SignInPerClient=1000000000 Paperboy__RateLimits__SignInPerAddress=1000000000
pb="$work/app/paperboy"
$pb migrate >/dev/null
$pb import hf-daily "$data/hf-daily-papers" >/dev/null
$pb import snapshot "$data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz" >/dev/null
$pb search index >/dev/null
python3 bench/seed_community.py "$work" 0 500 sqlite
sqlite3 "$work/data/paperboy.db" < "$work/seed.sql"
sqlite3 "$work/data/paperboy.db" "SELECT paper_id FROM featured_papers ORDER BY day DESC, paper_id" > "$work/papers.txt"
sqlite3 "$work/data/paperboy.db" "SELECT DISTINCT day FROM featured_papers ORDER BY day DESC" > "$work/days.txt"
cp bench/search/queries.txt "$work/queries.txt"
echo "papers: $(sqlite3 "$work/data/paperboy.db" "SELECT count(*) FROM papers"), featured days: $(wc -l < "$work/days.txt")"

/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp" -c aiosmtpd.handlers.Sink &
sink=$!
(cd "$work/app" && exec ./paperboy --urls "http://127.0.0.1:$port") >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.3; done

[ -n "${PAPERBOY_SOAK_SETUP_ONLY:-}" ] && { echo "$work"; kill $server; exit 0; }
set +e
dotnet "$work/bench/Paperboy.Bench.dll" soak "http://127.0.0.1:$port" $(( minutes * 60 )) "$rate" "$work" "$server"
status=$?
set -e
echo "== stored: $(sqlite3 "$work/data/paperboy.db" "SELECT (SELECT count(*) FROM upvotes) || ' upvotes, ' || (SELECT count(*) FROM comments) || ' comments, ' || (SELECT count(*) FROM sign_in_links) || ' sign-in links'")"
echo "== server log lines at warning or above: $(grep -c -E '^(warn|fail|crit)' "$work/server.log")"
grep -E '^(fail|crit)' -A3 "$work/server.log" | head -20
exit $status
