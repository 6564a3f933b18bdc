#!/usr/bin/env bash
# Digest benchmark: seed 100,000 subscribers, compose a Monday's daily and weekly digests, send them all to the
# test suite's aiosmtpd on loopback, and measure that server's own ceiling with a raw SMTP client.
# usage: bash bench/digest/run_send.sh [WORKDIR]   (run from the checkout; heavy parts run under nice)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-/tmp/paperboy-digest-bench}
rm -rf "$work" && mkdir -p "$work/maildir" "$work/blast"
dotnet build -c Release src/Paperboy -v q >/dev/null
pb="dotnet src/Paperboy/bin/Release/net10.0/paperboy.dll"
export Paperboy__DataDir="$work" Paperboy__Smtp__Host=127.0.0.1 Paperboy__Smtp__Security=None \
       Paperboy__PublicBaseUrl=https://papers.example.org Paperboy__Digest__Connections=${CONNECTIONS:-4}
$pb migrate
nice python3 bench/digest/seed.py "$work/paperboy.db" --subscribers "${SUBSCRIBERS:-100000}"
port=$(( 30000 + RANDOM % 20000 ))
# --discard: the server accepts but does not parse and save (its Maildir mode is the test fixture, ~4x slower)
/usr/bin/python3 tests/Paperboy.Tests/Infrastructure/smtp_server.py --port $port --maildir "$work/maildir" ${SMTP_MODE:---discard} > "$work/smtp.log" 2>&1 &
smtp=$!
trap 'kill $smtp 2>/dev/null || true' EXIT
sleep 1
echo "== paperboy digest send (compose, then send through $Paperboy__Digest__Connections connections)"
uptime
Paperboy__Smtp__Port=$port /usr/bin/time -f "%e s wall, %U s user, %S s system, %M KB max RSS" nice $pb digest send --date 2026-06-08
kill $smtp; wait $smtp 2>/dev/null || true
port2=$(( port + 1 ))
/usr/bin/python3 tests/Paperboy.Tests/Infrastructure/smtp_server.py --port $port2 --maildir "$work/blast" ${SMTP_MODE:---discard} > "$work/blast.log" 2>&1 &
smtp=$!
sleep 1
echo "== the same aiosmtpd's ceiling: raw SMTP client, same size, $Paperboy__Digest__Connections connections"
nice python3 bench/digest/smtp_blast.py --port $port2 --messages 20000 --connections "$Paperboy__Digest__Connections" --size 25000
uptime
