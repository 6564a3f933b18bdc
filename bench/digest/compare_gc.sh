#!/usr/bin/env bash
# Sends the same N composed digests again with the server GC and the workstation GC, alternating, and prints each
# run's rate and peak resident memory: does the sender's memory come from the GC mode or from the run itself?
# usage: bash bench/digest/compare_gc.sh [WORKDIR] [N]   (WORKDIR prepared by run_send.sh, default /tmp/paperboy-digest-bench)
set -u
cd "$(dirname "$0")/../.."
work=${1:-/tmp/paperboy-digest-bench}; n=${2:-30000}
dotnet build -c Release src/Paperboy -v q >/dev/null
export Paperboy__DataDir="$work" Paperboy__Smtp__Host=127.0.0.1 Paperboy__Smtp__Security=None \
       Paperboy__PublicBaseUrl=https://papers.example.org Paperboy__Digest__Connections=8
port=$(( 30000 + RANDOM % 20000 ))
/usr/bin/python3 bench/digest/null_smtp.py --port $port --processes 2 > "$work/gc-smtp.log" 2>&1 &
smtp=$!
trap 'kill $smtp 2>/dev/null' EXIT
sleep 1
for round in 1 2; do
  for mode in server workstation; do
    sqlite3 "$work/paperboy.db" "UPDATE digest_outbox SET status=0, attempts=0, locked_by=NULL, locked_until=NULL, sent_at=NULL WHERE id <= $n; UPDATE digest_outbox SET status=1 WHERE id > $n"
    if [ $mode = workstation ]; then export DOTNET_gcServer=0; else unset DOTNET_gcServer; fi
    echo "== $mode GC, round $round, load $(cut -d' ' -f1 /proc/loadavg)"
    Paperboy__Smtp__Port=$port /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB max RSS" \
      dotnet src/Paperboy/bin/Release/net10.0/paperboy.dll digest send --date 2026-06-08 2>&1 | grep -E "^sent|max RSS"
  done
done
