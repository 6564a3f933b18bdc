#!/usr/bin/env bash
# Two builds of the digest sender side by side: the same composed outbox sent by each, interleaved (before, after,
# before, after...), to bench/digest/null_smtp.py on loopback, so that both see the same machine in the same minutes.
# Prints each run's messages/s (the sender's own summary line), the medians and the ratio after/before.
# usage: bash bench/digest/compare_send.sh BEFORE_DIR AFTER_DIR     (each a `dotnet build -c Release -o DIR` of src/Paperboy)
# env: SUBSCRIBERS=10000, ROUNDS=3, CONNECTIONS=8, PROCS=2 (aiosmtpd processes), WORK=/tmp/paperboy-compare-send
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 2 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }
before=$1 after=$2 rounds=${ROUNDS:-3} work=${WORK:-/tmp/paperboy-compare-send}
rm -rf "$work" && mkdir -p "$work/composed"
export PYTHONHASHSEED=0 Paperboy__Smtp__Host=127.0.0.1 Paperboy__Smtp__Security=None Paperboy__PublicBaseUrl=https://papers.example.org \
       Paperboy__Digest__Connections=${CONNECTIONS:-8} Paperboy__Digest__Scheduled=false Paperboy__Ingest__Scheduled=false Paperboy__Search__Backfill=false
Paperboy__DataDir="$work/composed" dotnet "$before/paperboy.dll" migrate >/dev/null
python3 bench/digest/seed.py "$work/composed/paperboy.db" --subscribers "${SUBSCRIBERS:-10000}"
# Composed once (SMTP on a closed port: the run composes, then stops with "unreachable", exit 3); each run sends a copy.
Paperboy__DataDir="$work/composed" Paperboy__Smtp__Port=1 dotnet "$before/paperboy.dll" digest send --date 2026-06-08 | grep composed || true

port=$(( 30000 + RANDOM % 20000 ))
/usr/bin/python3 bench/digest/null_smtp.py --port $port --processes "${PROCS:-2}" > "$work/smtp.log" 2>&1 &
smtp=$!
trap 'kill $smtp 2>/dev/null || true' EXIT
until grep -q ready "$work/smtp.log"; do sleep 0.1; done
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${CONNECTIONS:-8} connections, ${PROCS:-2} aiosmtpd processes"
declare -A rates
for i in $(seq "$rounds"); do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$after
    rm -rf "$work/run" && cp -r "$work/composed" "$work/run"
    line=$(Paperboy__DataDir="$work/run" Paperboy__Smtp__Port=$port dotnet "$dir/paperboy.dll" digest send --date 2026-06-08 | grep '^sent ')
    rate=$(echo "$line" | grep -o '([0-9,]* messages/s)' | tr -dc '0-9')
    rates[$side]="${rates[$side]:-} $rate"
    echo "round $i $side: $line"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
b=$(echo "${rates[before]}" | median) a=$(echo "${rates[after]}" | median)
echo "median messages/s: before $b, after $a, ratio after/before $(echo "scale=3; $a / $b" | bc)"
