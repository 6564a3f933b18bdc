#!/usr/bin/env bash
# Times `paperboy import snapshot` of the 75k-paper arXiv snapshot on SQLite and on PostgreSQL 15 (a throwaway
# cluster, like scripts/test.sh starts), each into a fresh database, then the same file again (all unchanged).
# Baseline: decompressing the file alone (gzip -dc | wc -l), the floor any import of it has.
# The program is published the way an operator deploys it (`dotnet publish -p:PublishReadyToRun=true`: precompiled,
# so a CLI run does not spend its first second in the JIT); PAPERBOY_BENCH_PLAIN=1 uses the plain Release build.
# On SQLite the snapshot queues its papers for the keyword index; `paperboy search index` then indexes them (the running
# hub does the same in the background), timed separately.
# Usage: bash bench/import-snapshot.sh [runs=3]   (PAPERBOY_BENCH_SKIP_PG=1: SQLite only)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
file=${PAPERBOY_BENCH_SNAPSHOT:-$(pwd)/../shared/data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz}
if [ "${PAPERBOY_BENCH_PLAIN:-}" = 1 ]; then
  dotnet build src/Paperboy -c Release -v q -nologo >/dev/null; program=src/Paperboy/bin/Release/net10.0/paperboy.dll
else
  dotnet publish src/Paperboy -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/paperboy-bench-r2r -v q -nologo >/dev/null
  program=/tmp/paperboy-bench-r2r/paperboy.dll
fi
# Wall time depends on what else runs; CPU seconds (user + sys) show the work itself.
paperboy() { /usr/bin/time -f "  cpu %U s user + %S s sys, %e s wall" dotnet "$program" "$@"; }
work=$(mktemp -d /tmp/paperboy-bench.XXXXXX); chmod 755 "$work"

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== baseline: gzip -dc | wc -l"
for i in $(seq "$runs"); do /usr/bin/time -f "%e s" bash -c "gzip -dc '$file' | wc -l >/dev/null"; done

echo "== SQLite"
for i in $(seq "$runs"); do
  rm -rf "$work/sqlite"
  Paperboy__DataDir="$work/sqlite" paperboy import snapshot "$file" 2>&1 | grep -v "^import snapshot:"
  Paperboy__DataDir="$work/sqlite" paperboy search index 2>&1 | tr '\r' '\n' | grep -v "papers indexed" | grep .
done
echo "-- again, into the filled database"
Paperboy__DataDir="$work/sqlite" paperboy import snapshot "$file" 2>&1 | grep -v "^import snapshot:"

[ "${PAPERBOY_BENCH_SKIP_PG:-}" = 1 ] && exit 0
echo "== PostgreSQL 15"
pgbin=/usr/lib/postgresql/15/bin
pgdir="$work/pg"; mkdir -p "$pgdir"; pgport=$(( 20000 + RANDOM % 20000 ))
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
trap 'as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
for i in $(seq "$runs"); do
  as_pg psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
  Paperboy__DataDir="$work/pgdata" Paperboy__Database__Provider=postgres \
    ConnectionStrings__Paperboy="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bench" paperboy import snapshot "$file" 2>&1 | grep -v "^import snapshot:"
done
echo "-- again, into the filled database"
Paperboy__DataDir="$work/pgdata" Paperboy__Database__Provider=postgres \
  ConnectionStrings__Paperboy="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=bench" paperboy import snapshot "$file" 2>&1 | grep -v "^import snapshot:"
