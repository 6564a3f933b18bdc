#!/usr/bin/env bash
# The 1M-paper search corpus and its benchmarks (docs/benchmarks.md, "Keyword and hybrid at 1M").
#   bash bench/search/million.sh build     # once: SQLite (+ vectors) and PostgreSQL 15 under /tmp/paperboy-1m (~30 min)
#   bash bench/search/million.sh keyword   # 50 real queries: app keyword search vs raw SQL, SQLite and PostgreSQL
#   bash bench/search/million.sh hybrid    # the built server on the 1M SQLite data: hybrid p95 over HTTP and its RSS
# Needs /tmp/paperboy-eval/corpus.jsonl and arctic-xs.f32 (see "Quality" in docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${PAPERBOY_1M:-/tmp/paperboy-1m}
what=${1:?build, keyword or hybrid}
mkdir -p "$dir"; chmod 755 "$dir"
dotnet build bench/Paperboy.Bench -c Release -v q -nologo -o /tmp/pbbench-1m >/dev/null
bench() { nice -n 19 dotnet /tmp/pbbench-1m/Paperboy.Bench.dll "$@"; }
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# A PostgreSQL 15 cluster kept in $dir/pg (built once, started for each run, stopped at the end).
pgport=${PAPERBOY_1M_PG_PORT:-25432}; source scripts/pg-cluster.sh
pg_start() {
  as_pg "$pgbin/pg_ctl" -D "$dir/pg/data" status >/dev/null 2>&1 && return 0 # already running (left by another run): keep it
  pg_cluster_start "$dir/pg" shared_buffers=1GB max_wal_size=4GB
  trap 'as_pg "$pgbin/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true' EXIT
}
pgconn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=paperboy;Timeout=60;Command Timeout=0"

case "$what" in
  build)
    bench build-1m sqlite "$dir"
    pg_start
    as_pg psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS paperboy" -c "CREATE DATABASE paperboy" >/dev/null
    bench build-1m postgres "$dir" "$pgconn"
    ;;
  keyword)
    pg_start
    bench keyword-scale "$dir" "$pgconn"
    ;;
  hybrid)
    bash bench/search/hybrid-1m.sh "$dir"
    ;;
  *) echo "unknown: $what" >&2; exit 2 ;;
esac
