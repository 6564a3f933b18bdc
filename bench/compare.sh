#!/usr/bin/env bash
# Two builds side by side, in one run, for the snapshot import (bench/import-snapshot.sh) and the daily page
# (bench/daily-page.sh). The machines are 2-core and noisy, so a number from one run is only comparable with a number
# taken in the same minutes: this script interleaves the two builds (before, after, before, after...) and reports
# medians and the ratio after/before.
#
# How: each revision is exported with `git archive REV` into a temporary folder (nothing in this checkout is built or
# touched) and published with `dotnet publish src/Paperboy -c Release` (COMPARE_R2R=1: ReadyToRun, as
# import-snapshot.sh deploys by default; both builds alike either way).
#   Import: `paperboy import snapshot` of the 75k arXiv snapshot into a fresh SQLite data folder per run, ROUNDS
#     rounds of (before, after); per run the process's wall time and CPU seconds (user + sys, /usr/bin/time) and the
#     importer's own summary line. papers/s = papers in the database afterwards / process wall time.
#     PG=1 adds the same rounds on PostgreSQL 15 (a throwaway cluster, as import-snapshot.sh starts).
#   Daily page: one database is loaded once with the before build (75k snapshot + every HF day, as daily-page.sh,
#     then `paperboy search index` so that neither server spends the measurement indexing in the background), copied
#     for each build (each server migrates its own copy on start), and both servers plus bench/Bare are started on
#     loopback ports. Each round runs wrk against /papers/date/DAY on the before server, then the after server, then
#     the bare endpoint (the machine's ceiling), one at a time; each wrk gets a 5 s warm-up like daily-page.sh.
#     Same wrk parameters as daily-page.sh (-t2 -c64 --latency); DURATION defaults to 20 s here (30 s there).
# Usage: bash bench/compare.sh BEFORE_REV AFTER_REV
#   env: ROUNDS=3  DURATION=20s  WARMUP=5s  DAY=2026-05-12  PORT=5181 (before; after = PORT+1, bare = PORT+2)
#        ONLY=import|daily (default both)  PG=1 (PostgreSQL import too)  COMPARE_R2R=1  KEEP=1 (keep the temp folder)
#        ORDER=abba (rounds alternate which build goes first: before-after, after-before, ...; default abab)
#        PAPERBOY_SHARED_DATA=../shared/data
# Takes about 6 min with the defaults (5 min 42 s measured at load average 6-15: 2 publishes, 6 imports, one load,
# 9 wrk runs); PG=1 adds about 1 min. Noise floor, same commit on both sides (ab79311 vs ab79311, defaults, load 6-15):
# import papers/s ratio 0.86, daily page req/s ratio 1.02 and p99 ratio 0.69. Read a ratio within that band as "no
# change"; raise ROUNDS (5-7) on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ $# -eq 2 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
before_rev=$(git rev-parse --verify "$1^{commit}")
after_rev=$(git rev-parse --verify "$2^{commit}")
data=${PAPERBOY_SHARED_DATA:-$root/../shared/data}
snapshot=$data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz
rounds=${ROUNDS:-3}
duration=${DURATION:-20s}
warmup=${WARMUP:-5s}
day=${DAY:-2026-05-12}
port=${PORT:-5181}
only=${ONLY:-}
[ -f "$snapshot" ] || { echo "no snapshot at $snapshot" >&2; exit 1; }
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y wrk >/dev/null; } || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d /tmp/paperboy-compare.XXXXXX); chmod 755 "$work"
pids=()
pg_stop=:
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  $pg_stop >/dev/null 2>&1 || true
  if [ "${KEEP:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 == 0 || b == "n/a") print "n/a"; else printf "%.3f", b / a }'; }
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.2f", n }'; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "before: $(git log -1 --format='%h %s' "$before_rev" | cut -c1-100)"
echo "after:  $(git log -1 --format='%h %s' "$after_rev" | cut -c1-100)"
echo "rounds: $rounds ($([ "${ORDER:-}" = abba ] && echo "abba" || echo "abab") order), work folder: $work"
sides() { # round: the order of the two builds in this round
  if [ "${ORDER:-}" = abba ] && [ $(($1 % 2)) -eq 0 ]; then echo after before; else echo before after; fi
}

echo "== publish (Release$([ "${COMPARE_R2R:-}" = 1 ] && echo ", ReadyToRun"))"
publish_flags=(-c Release --nologo -v q)
[ "${COMPARE_R2R:-}" = 1 ] && publish_flags+=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
for side in before after; do
  rev=${side}_rev
  mkdir -p "$work/src-$side"
  git archive "${!rev}" | tar -x -C "$work/src-$side"
  start=$(date +%s)
  (cd "$work/src-$side" && dotnet publish src/Paperboy "${publish_flags[@]}" -o "$work/$side" >"$work/publish-$side.log" 2>&1) ||
    { tail -30 "$work/publish-$side.log" >&2; echo "publish of $side (${!rev}) failed" >&2; exit 1; }
  echo "$side: published in $(( $(date +%s) - start )) s"
done

export Paperboy__Ingest__Scheduled=false Paperboy__Search__Backfill=false
run_build() { # side datadir args... (from the build's folder, like daily-page.sh)
  local side=$1 dir=$2; shift 2
  (cd "$work/$side" && Paperboy__DataDir="$dir" exec ./paperboy "$@")
}

# ---------------------------------------------------------------------------------------------------------- import
import_round() { # label side datadir [env...]: one timed import; appends "papers_per_s wall cpu" to $work/import-LABEL-SIDE
  local label=$1 side=$2 dir=$3; shift 3
  local out summary wall cpu papers
  out=$( (cd "$work/$side" && env Paperboy__DataDir="$dir" "$@" /usr/bin/time -f "TIME %e %U %S" ./paperboy import snapshot "$snapshot") 2>&1) ||
    { echo "$out" | tail -20 >&2; echo "import with $side failed" >&2; exit 1; }
  summary=$(echo "$out" | grep '^imported' | tail -1 || true)
  read -r wall cpu < <(echo "$out" | awk '$1 == "TIME" { print $2, $3 + $4 }')
  papers=$(echo "$summary" | sed -nE 's/.*: ([0-9]+) new.*/\1/p')
  if [ "$label" = sqlite ]; then papers=$(sqlite3 "$dir/paperboy.db" "SELECT count(*) FROM papers"); fi
  local pps; pps=$(awk -v n="${papers:-0}" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  echo "$pps $wall $cpu" >>"$work/import-$label-$side"
  printf '  %-6s %7s papers/s  wall %6.1f s  cpu %6.2f s   | %s\n' "$side" "$pps" "$wall" "$cpu" "$(sed 's/; [0-9]* wait for the keyword index.*//' <<<"${summary#imported }")"
}

import_report() { # label
  local label=$1 b a
  echo "-- $label import, medians of $rounds rounds"
  for side in before after; do
    printf '  %-6s %7s papers/s  wall %6s s  cpu %6s s\n' "$side" \
      "$(cut -d' ' -f1 "$work/import-$label-$side" | median)" "$(cut -d' ' -f2 "$work/import-$label-$side" | median)" \
      "$(cut -d' ' -f3 "$work/import-$label-$side" | median)"
  done
  b=$(cut -d' ' -f1 "$work/import-$label-before" | median); a=$(cut -d' ' -f1 "$work/import-$label-after" | median)
  local bc ac; bc=$(cut -d' ' -f3 "$work/import-$label-before" | median); ac=$(cut -d' ' -f3 "$work/import-$label-after" | median)
  echo "  ratio after/before: papers/s $(ratio "$b" "$a") (higher is faster), cpu $(ratio "$bc" "$ac") (lower is cheaper)"
}

if [ "$only" != daily ]; then
  echo "== import snapshot, SQLite ($(basename "$snapshot")), fresh data folder per run"
  for i in $(seq "$rounds"); do
    echo "round $i/$rounds (load average $(cut -d' ' -f1 /proc/loadavg))"
    for side in $(sides "$i"); do
      rm -rf "$work/import-data"
      import_round sqlite "$side" "$work/import-data"
    done
  done
  rm -rf "$work/import-data"

  if [ "${PG:-}" = 1 ]; then
    echo "== import snapshot, PostgreSQL 15 (throwaway cluster), fresh database per run"
    pgdir="$work/pg"; source scripts/pg-cluster.sh
    pg_cluster_start "$pgdir"
    pg_stop="pg_cluster_stop $pgdir"
    for i in $(seq "$rounds"); do
      echo "round $i/$rounds (load average $(cut -d' ' -f1 /proc/loadavg))"
      for side in $(sides "$i"); do
        as_pg psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
        rm -rf "$work/import-pgdata"
        import_round postgres "$side" "$work/import-pgdata" Paperboy__Database__Provider=postgres \
          ConnectionStrings__Paperboy="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bench"
      done
    done
    $pg_stop >/dev/null 2>&1 || true; pg_stop=:
  fi
fi

# ------------------------------------------------------------------------------------------------------ daily page
wrk_once() { # label url: warm-up, then one measured run; appends "rps p99_ms" to $work/wrk-LABEL
  wrk -t2 -c64 -d"$warmup" "$2" >/dev/null # warm-up: JIT, caches, connection pools
  local out rps p99 errors
  out=$(wrk -t2 -c64 -d"$duration" --latency "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr -s ' ' | paste -sd ';' || true)
  echo "$rps $(to_ms "$p99")" >>"$work/wrk-$1"
  printf '  %-7s %10s req/s   p99 %9s   %s\n' "$1" "$rps" "$p99" "${errors:-no errors}"
}

if [ "$only" != import ]; then
  for p in "$port" $((port + 1)) $((port + 2)); do
    ! curl -s -o /dev/null "http://127.0.0.1:$p/" || { echo "port $p is taken: set PORT" >&2; exit 1; }
  done
  echo "== daily page: load the 75k snapshot + every HF day with the before build"
  db="$work/daily-data"
  run_build before "$db" migrate >/dev/null
  verbs=$(run_build before "$db" import --help 2>&1 || true)
  if ! grep -q "paperboy import" <<<"$verbs"; then
    echo "(no 'paperboy import' verb in the before build: loading with direct SQL inserts, bench/load-direct.py)"
    python3 bench/load-direct.py "$db/paperboy.db" "$snapshot" "$data/hf-daily-papers"
  else
    run_build before "$db" import snapshot "$snapshot" 2>&1 | tail -1
    run_build before "$db" import hf-daily "$data/hf-daily-papers" 2>&1 | tail -1
    run_build before "$db" search index 2>&1 | tr '\r' '\n' | grep . | tail -1 || true
  fi
  sqlite3 "$db/paperboy.db" "SELECT 'papers: ' || (SELECT count(*) FROM papers) || ', featured: ' || (SELECT count(*) FROM featured_papers) || ', on $day: ' || (SELECT count(*) FROM featured_papers WHERE day = '$day')"
  cp -a "$db" "$work/data-before"; cp -a "$db" "$work/data-after"; rm -rf "$db"

  echo "== serve (before :$port, after :$((port + 1)), bare :$((port + 2)))"
  bare_src="$work/src-before/bench/Bare"; [ -d "$bare_src" ] || bare_src="$root/bench/Bare"
  (cd "$bare_src" && dotnet publish . -c Release -o "$work/bare" --nologo -v q >"$work/publish-bare.log" 2>&1) ||
    { tail -30 "$work/publish-bare.log" >&2; exit 1; }
  declare -A url
  for side in before after; do
    p=$([ $side = before ] && echo "$port" || echo $((port + 1)))
    (cd "$work/$side" && Paperboy__DataDir="$work/data-$side" exec ./paperboy --urls "http://127.0.0.1:$p" --Logging:LogLevel:Default=Warning) >"$work/serve-$side.log" 2>&1 &
    pids+=($!)
    url[$side]="http://127.0.0.1:$p/papers/date/$day"
  done
  (cd "$work/bare" && exec ./bare --urls "http://127.0.0.1:$((port + 2))") >"$work/serve-bare.log" 2>&1 &
  pids+=($!)
  url[bare]="http://127.0.0.1:$((port + 2))/"
  for side in before after bare; do
    for _ in $(seq 150); do curl -sf -o /dev/null "${url[$side]}" && break; sleep 0.2; done
    curl -sf -o /dev/null "${url[$side]}" || { echo "$side: ${url[$side]} does not answer 200" >&2; tail -20 "$work/serve-$side.log" >&2; exit 1; }
  done
  for side in before after; do
    page=$(curl -s "${url[$side]}")
    echo "$side: /papers/date/$day lists $(grep -c 'class="paper-entry"' <<<"$page" || true) papers ($(wc -c <<<"$page") bytes)"
  done

  echo "== wrk -t2 -c64 -d$duration --latency (warm-up $warmup each), $rounds rounds"
  for i in $(seq "$rounds"); do
    echo "round $i/$rounds (load average $(cut -d' ' -f1 /proc/loadavg))"
    for side in $(sides "$i") bare; do wrk_once "$side" "${url[$side]}"; done
  done
  echo "-- daily page, medians of $rounds rounds"
  for side in before after bare; do
    printf '  %-7s %10s req/s   p99 %8s ms\n' "$side" "$(cut -d' ' -f1 "$work/wrk-$side" | median)" "$(cut -d' ' -f2 "$work/wrk-$side" | median)"
  done
  b=$(cut -d' ' -f1 "$work/wrk-before" | median); a=$(cut -d' ' -f1 "$work/wrk-after" | median)
  bp=$(cut -d' ' -f2 "$work/wrk-before" | median); ap=$(cut -d' ' -f2 "$work/wrk-after" | median)
  echo "  ratio after/before: req/s $(ratio "$b" "$a") (higher is faster), p99 $(ratio "$bp" "$ap") (lower is better)"
  echo "  share of the bare ceiling: before $(ratio "$(cut -d' ' -f1 "$work/wrk-bare" | median)" "$b"), after $(ratio "$(cut -d' ' -f1 "$work/wrk-bare" | median)" "$a")"
  i=0
  for side in before after; do
    echo "$side server resident memory after the load: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/${pids[$i]}/status) (peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/${pids[$i]}/status))"
    i=$((i + 1))
  done
fi

[ "$only" != daily ] && { import_report sqlite; [ "${PG:-}" = 1 ] && import_report postgres; }
echo "done at $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
