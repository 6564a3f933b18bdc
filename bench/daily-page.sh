#!/usr/bin/env bash
# The daily page under load: builds Release, loads the 75k arXiv snapshot and every recorded HF day into a fresh
# SQLite database, then runs wrk (2 threads, 64 connections, 30 s) against /papers/date/DAY (a 50-paper day), the
# other lists, a paper page and the API's lists, signed out and (the pages) signed in as a member with votes of their
# own, and, in the same run, against bare ASP.NET Core (bench/Bare): "/" writing a few bytes, and "/page" writing the
# daily page's own bytes from memory, the fair limit. Prints requests/s, p99, the ratio to the bare page, and the
# server's resident memory after the load. Results go to docs/benchmarks.md ("Daily page").
#   bash bench/daily-page.sh            # DAY=2026-05-12 DURATION=30s PORT=5181 override; ENGINE=postgres: the same on
#                                       # PostgreSQL 15 (a throwaway cluster, scripts/pg-cluster.sh)
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
engine=${ENGINE:-sqlite}
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ "$engine" = postgres ] && pg_cluster_stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (Release)"
dotnet publish src/Paperboy -c Release -o "$work/paperboy" --nologo -v q >/dev/null
dotnet publish bench/Bare -c Release -o "$work/bare" --nologo -v q >/dev/null

echo "== load: 75k snapshot + every HF day into a fresh $engine database"
# The embedding back-fill of 80k fresh papers would take the cores for an hour: measured apart (see Search).
export Paperboy__DataDir="$work/data" Paperboy__Ingest__Scheduled=false Paperboy__Search__Backfill=false
db="$work/data/paperboy.db"
if [ "$engine" = postgres ]; then
  source scripts/pg-cluster.sh
  pg_cluster_start "$work/pg"
  export Paperboy__Database__Provider=postgres ConnectionStrings__Paperboy="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
  db="postgres:$pgport"
fi
query() { if [ "$engine" = postgres ]; then psql -X -At -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "$1"; else sqlite3 "$work/data/paperboy.db" "$1"; fi; }
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
query "SELECT 'papers: ' || (SELECT count(*) FROM papers) || ', featured: ' || (SELECT count(*) FROM featured_papers) || ', on $day: ' || (SELECT count(*) FROM featured_papers WHERE day = '$day')"

bare_rps=""
run_wrk() { # name url [cookie]
  local header=(); [ -n "${3:-}" ] && header=(-H "Cookie: $3")
  curl -sf -o /dev/null "${header[@]}" "$2" || { echo "$1: $2 does not answer 200" >&2; exit 1; }
  wrk -t2 -c64 -d5s "${header[@]}" "$2" >/dev/null # warm-up: JIT, caches, connection pools
  local out; out=$(wrk -t2 -c64 -d"$duration" --latency "${header[@]}" "$2")
  local rps p99 errors ratio=""
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
  [ -n "$bare_rps" ] && ratio=$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.2f of bare", a / b }')
  printf '%-40s %10s req/s   p99 %8s   %-12s %s\n' "$1" "$rps" "$p99" "$ratio" "${errors:-no errors}"
  last_rps=$rps
}

echo "== serve"
(cd "$work/paperboy" && exec ./paperboy --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning) >"$work/paperboy.log" 2>&1 &
pids+=($!); server=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/papers" && break; sleep 0.2; done
hub=http://127.0.0.1:$port
# A member signed in through the real link form, with votes on 5 of the day's papers.
cookie=$(python3 bench/member-cookie.py "$db" "$hub" member@example.org member "$day" 5)
echo "signed in as @member: $(curl -s -H "Cookie: $cookie" "$hub/papers/date/$day" | grep -c 'aria-pressed="true"') of the day's buttons pressed"
paper=$(curl -s "$hub/papers/date/$day" | grep -o 'href="/papers/[0-9][0-9.]*"' | head -1 | sed 's/href="//; s/"//')
week=$(date -d "$day" +%G-W%V); month=${day%-*}
# name, address: every page is measured signed out against the bare server writing its own bytes; the lists signed in too.
targets=("day.html /papers/date/$day" "week.html /papers/week/$week" "month.html /papers/month/$month" "trending.html /papers/trending"
         "paper.html $paper" "api-day.json /api/daily_papers?date=$day" "api-paper.json /api${paper}")
mkdir -p "$work/pages"
for t in "${targets[@]}"; do set -- $t; curl -s "$hub$2" > "$work/pages/$1"; echo "$2: $(wc -c < "$work/pages/$1") bytes"; done
echo "$day lists $(grep -c 'class="paper-entry' "$work/pages/day.html") papers"
(cd "$work/bare" && BARE_PAGES="$work/pages" exec ./bare --urls "http://127.0.0.1:$bare_port") >"$work/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$bare_port/" && break; sleep 0.2; done

echo "== wrk -t2 -c64 -d$duration, $engine ($(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg))"
for t in "${targets[@]}"; do
  set -- $t
  bare_rps=""; run_wrk "bare $1" "http://127.0.0.1:$bare_port/pages/$1"; bare_rps=$last_rps
  run_wrk "$2" "$hub$2"; anonymous_rps=$last_rps
  if [[ $2 == /papers/* && $2 != "$paper" ]]; then
    run_wrk "$2 member" "$hub$2" "$cookie"
    echo "  member / signed out: $(awk -v a="$last_rps" -v b="$anonymous_rps" 'BEGIN { printf "%.2f", a / b }')"
  fi
done
bare_rps=""; run_wrk "bare (a few bytes)" "http://127.0.0.1:$bare_port/"
echo "paperboy resident memory after the load: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$server/status) (peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status))"
