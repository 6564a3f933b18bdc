#!/usr/bin/env bash
# Times `paperboy import snapshot` of the 75k-paper arXiv snapshot on SQLite and on PostgreSQL 15 (a throwaway
# cluster, like scripts/test.sh starts, but with default durability settings), each into a fresh database, then the
# same file again (all unchanged). Each run does SQLite then PostgreSQL, so that a run's two figures share the machine's
# load; the ratio PostgreSQL/SQLite is printed per run.
# Counted until the papers can be found by keyword search: on SQLite the snapshot queues its papers for the keyword
# index and `paperboy search index` indexes them (the running hub does the same in the background), so SQLite's time
# until searchable is the import plus that step; on PostgreSQL the import builds its keyword index before it ends.
# Baseline: decompressing the file alone (gzip -dc | wc -l), the floor any import of it has.
# The program is published the way an operator deploys it (`dotnet publish -p:PublishReadyToRun=true`: precompiled,
# so a CLI run does not spend its first second in the JIT), into this run's own folder; PAPERBOY_BENCH_PLAIN=1 uses
# the plain Release build.
# Usage: bash bench/import-snapshot.sh [runs=3]   (PAPERBOY_BENCH_SKIP_PG=1: SQLite only)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
file=${PAPERBOY_BENCH_SNAPSHOT:-$(pwd)/../shared/data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz}
work=$(mktemp -d /tmp/paperboy-bench.XXXXXX); chmod 755 "$work"
pgdir="$work/pg"
source scripts/pg-cluster.sh
trap 'pg_cluster_stop "$pgdir"; rm -rf "$work"' EXIT
if [ "${PAPERBOY_BENCH_PLAIN:-}" = 1 ]; then
  dotnet build src/Paperboy -c Release -v q -nologo >/dev/null; program=src/Paperboy/bin/Release/net10.0/paperboy.dll
else
  dotnet publish src/Paperboy -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/bin" -v q -nologo >/dev/null
  program=$work/bin/paperboy.dll
fi
# Wall time depends on what else runs; CPU seconds (user + sys) show the work itself.
paperboy() { /usr/bin/time -f "  cpu %U s user + %S s sys, %e s wall" dotnet "$program" "$@"; }
# The seconds of a summary line: "imported snapshot ...: ... in 10.2 s (7,336 papers/s)" or "indexed ... in 8.5 s (...)".
seconds() { grep -oE ' in [0-9.]+ s' | grep -oE '[0-9.]+' | tail -1; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
papers=$(gzip -dc "$file" | wc -l)

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== baseline: gzip -dc | wc -l ($papers lines)"
for i in $(seq "$runs"); do /usr/bin/time -f "%e s" bash -c "gzip -dc '$file' | wc -l >/dev/null"; done

pg=1; [ "${PAPERBOY_BENCH_SKIP_PG:-}" = 1 ] && pg=0
if [ $pg = 1 ]; then
  pg_cluster_start "$pgdir"
fi
pgenv=(env Paperboy__DataDir="$work/pgdata" Paperboy__Database__Provider=postgres
       ConnectionStrings__Paperboy="Host=127.0.0.1;Port=${pgport:-0};Username=postgres;Database=bench")
fresh_pg() { as_pg psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" 2>/dev/null; }

summary=()
for i in $(seq "$runs"); do
  echo "== run $i, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "-- SQLite, fresh"
  rm -rf "$work/sqlite"
  out=$(Paperboy__DataDir="$work/sqlite" paperboy import snapshot "$file" 2>&1 | grep -v "^import snapshot:"); echo "$out"
  s_import=$(echo "$out" | seconds)
  out=$(Paperboy__DataDir="$work/sqlite" paperboy search index 2>&1 | tr '\r' '\n' | grep -v "papers indexed" | grep .); echo "$out"
  s_index=$(echo "$out" | grep "^indexed" | seconds)
  s_total=$(awk -v a="$s_import" -v b="$s_index" 'BEGIN { print a + b }')
  line="run $i: SQLite import $(rate "$papers" "$s_import")/s; until searchable $s_total s = $(rate "$papers" "$s_total") papers/s"
  if [ $pg = 1 ]; then
    echo "-- PostgreSQL 15, fresh"
    fresh_pg
    out=$("${pgenv[@]}" /usr/bin/time -f "  cpu %U s user + %S s sys, %e s wall" dotnet "$program" import snapshot "$file" 2>&1 | grep -v "^import snapshot:"); echo "$out"
    p_total=$(echo "$out" | grep "^imported" | seconds)
    ratio=$(awk -v p="$p_total" -v s="$s_total" 'BEGIN { printf "%.2f", s / p }')
    ratio_import=$(awk -v p="$p_total" -v s="$s_import" 'BEGIN { printf "%.2f", s / p }')
    line="$line | PostgreSQL until searchable $p_total s = $(rate "$papers" "$p_total") papers/s | PostgreSQL/SQLite $ratio (against SQLite's import alone $ratio_import)"
  fi
  summary+=("$line")
done

echo "== again, into the filled databases (all unchanged)"
Paperboy__DataDir="$work/sqlite" paperboy import snapshot "$file" 2>&1 | grep -v "^import snapshot:"
[ $pg = 1 ] && "${pgenv[@]}" /usr/bin/time -f "  cpu %U s user + %S s sys, %e s wall" dotnet "$program" import snapshot "$file" 2>&1 | grep -v "^import snapshot:"

echo "== summary (papers/s until the papers can be found by keyword search; $papers papers)"
printf '%s\n' "${summary[@]}"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
