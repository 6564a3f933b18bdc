#!/usr/bin/env bash
# The importers' fuzzing at scale: each reader (HF daily JSON, arXiv Atom, OAI-PMH XML, snapshot JSONL) on a million
# damaged real inputs from the fuzz tests' generators, from a Release build, the four readers in parallel (one process
# each, at nice 10: the machine is shared). Per reader: inputs, records, problems, unreadable sources, exceptions
# (0 expected), unclean outputs (0 expected), slowest input, total seconds; a row "…" every 100,000 inputs.
# Usage: bash bench/fuzz/run.sh [INPUTS=1000000] [SEED=0004L3hDDOu1]   (results in bench/fuzz/out/, not committed)
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs=${1:-1000000}; seed=${2:-0004L3hDDOu1}
dotnet build bench/Paperboy.Bench -c Release -v q -nologo >/dev/null
out=bench/fuzz/out; mkdir -p "$out"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $inputs inputs per reader, seed $seed"
pids=()
for reader in hf atom oai snapshot; do
  case $reader in hf) name="HF"; ;; atom) name="arXiv"; ;; oai) name="OAI"; ;; snapshot) name="snapshot"; ;; esac
  nice -n 10 dotnet bench/Paperboy.Bench/bin/Release/net10.0/Paperboy.Bench.dll fuzz "$inputs" "$seed" "$name" >"$out/$reader.txt" 2>&1 &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
cat "$out"/hf.txt; grep -h -v "^reader" "$out"/atom.txt "$out"/oai.txt "$out"/snapshot.txt
exit "$status"
