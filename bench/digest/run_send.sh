#!/usr/bin/env bash
# Digest benchmark, one command: seed 100,000 confirmed subscribers (1-3 watch-lists each) over the 75k real papers,
# compose a Monday's daily and weekly digests (timed alone), send every message to aiosmtpd on loopback, then measure
# that same server's own ceiling with a raw SMTP client sending the same bytes (a digest as it arrived).
# usage: bash bench/digest/run_send.sh [WORKDIR]     (from the checkout; Paperboy and the clients run under nice)
# env: SUBSCRIBERS (100000), CONNECTIONS (8, Paperboy's and the raw client's), PROCS (2 aiosmtpd processes on one port)
set -euo pipefail
export PYTHONHASHSEED=0  # seed.py draws from sets: the same watch-lists on every run
cd "$(dirname "$0")/../.."
work=${1:-/tmp/paperboy-digest-bench}
rm -rf "$work" && mkdir -p "$work"
dotnet build -c Release src/Paperboy -v q >/dev/null
pb="dotnet src/Paperboy/bin/Release/net10.0/paperboy.dll"
export Paperboy__DataDir="$work" Paperboy__Smtp__Host=127.0.0.1 Paperboy__Smtp__Security=None \
       Paperboy__PublicBaseUrl=https://papers.example.org Paperboy__Digest__Connections=${CONNECTIONS:-8}
procs=${PROCS:-2}
echo "== machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/ \+/ /g')"
$pb migrate
nice python3 bench/digest/seed.py "$work/paperboy.db" --subscribers "${SUBSCRIBERS:-100000}"

echo "== compose only (SMTP pointed at a closed port: the run composes, then stops with 'unreachable', exit 3)"
uptime
Paperboy__Smtp__Port=1 /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB max RSS" nice $pb digest send --date 2026-06-08 || true

port=$(( 30000 + RANDOM % 20000 ))
/usr/bin/python3 bench/digest/null_smtp.py --port $port --processes "$procs" --keep-first "$work/first.eml" > "$work/smtp.log" 2>&1 &
smtp=$!
trap 'kill $smtp 2>/dev/null || true' EXIT
sleep 1
echo "== send everything composed: Paperboy -> aiosmtpd (null handler, $procs processes), $Paperboy__Digest__Connections connections"
uptime
Paperboy__Smtp__Port=$port /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB max RSS" nice $pb digest send --date 2026-06-08
kill $smtp; wait $smtp 2>/dev/null || true
cat "$work/smtp.log"
sample=$(ls "$work"/first.eml.* | head -1)

port2=$(( port + 1 ))
/usr/bin/python3 bench/digest/null_smtp.py --port $port2 --processes "$procs" > "$work/blast.log" 2>&1 &
smtp=$!
sleep 1
echo "== the same server's ceiling: raw asyncio SMTP client, the same message ($(wc -c < "$sample") bytes, $(wc -l < "$sample") lines), $Paperboy__Digest__Connections connections"
uptime
nice /usr/bin/python3 bench/digest/smtp_blast.py --port $port2 --messages 20000 --connections "$Paperboy__Digest__Connections" --file "$sample"
kill $smtp; wait $smtp 2>/dev/null || true
cat "$work/blast.log"
uptime
