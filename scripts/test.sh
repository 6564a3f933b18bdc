#!/usr/bin/env bash
# Runs every test: installs what the tests need from Debian's packages (PostgreSQL 15 with rum, Chromium,
# python3-aiosmtpd), starts a throwaway PostgreSQL cluster on loopback, runs `dotnet test`, and ends with
# one line "N passed, N failed". Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Ingest").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
for pkg in postgresql-15 postgresql-15-rum chromium fonts-dejavu-core python3-aiosmtpd; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A throwaway PostgreSQL 15 cluster (scripts/pg-cluster.sh), made for speed: the tests never need it after a crash.
pgdir=$(mktemp -d /tmp/paperboy-pg.XXXXXX)
pgport=${PAPERBOY_TEST_PG_PORT:-}
source "$root/scripts/pg-cluster.sh"
cleanup() { pg_cluster_stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
pg_cluster_start "$pgdir" fsync=off synchronous_commit=off full_page_writes=off max_connections=300
export PAPERBOY_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Pooling=true;Maximum Pool Size=20"

results="$root/tests/TestResults"
rm -rf "$results"
set +e
dotnet test "$root/tests/Paperboy.Tests" --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?
set -e

trx="$results/results.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  attr() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(attr passed); failed=$(attr failed); total=$(attr total); executed=$(attr executed)
  skipped=$(( ${total:-0} - ${executed:-0} ))
  echo "${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
else
  echo "0 passed, 1 failed"
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
