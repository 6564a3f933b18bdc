#!/usr/bin/env bash
# Crash campaign (issue 15, item 6): real `paperboy` processes killed with SIGKILL at random moments, restarted until
# they complete, and compared with a clean run of the same work.
#
# For each kind, one clean run is timed first; then KILLS trials, each on a fresh copy of the starting state: start,
# SIGKILL at a moment drawn uniformly over the clean run's duration, restart until the work is complete, compare.
#   import    `import snapshot` of the first IMPORT_LINES lines of the 75k snapshot, then `search index`: the papers
#             (every field but created_at), the keyword index (FTS5 integrity-check, matches of a few words)
#   digest    `digest send --date 2026-06-08` (compose the daily and weekly digests of DIGEST_SUBSCRIBERS subscribers
#             seeded by bench/digest/seed.py, send to aiosmtpd on loopback): the outbox and the sent matches, and from
#             the server's log every subscriber's message received (lost) and each Message-ID at most once per
#             recipient (duplicates)
#   embed     `embed` of EMBED_PAPERS papers: the vectors, byte for byte (40 by default: `embed` commits 256 papers at a
#             time, minutes of CPU on a shared 2-core machine, so a larger set makes each trial that long)
#   migrate   `migrate` of an empty database: the schema and the migration history
# It prints one line per kind. Every run's output stays in WORK/<engine>-<kind>/.
#
# usage: bash bench/crash/campaign.sh [import digest embed migrate]    (from the checkout)
# env: ENGINE=sqlite|postgres (postgres: a throwaway cluster; import and migrate), KILLS=20, SEED (bash RANDOM's seed),
#      WORK=/tmp/paperboy-crash, BIN (a Release build to use instead of building one), IMPORT_LINES=30000, DIGEST_SUBSCRIBERS=3000, EMBED_PAPERS=40
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
engine=${ENGINE:-sqlite}
kills=${KILLS:-20}
work=${WORK:-/tmp/paperboy-crash}
kinds=${*:-import digest embed migrate}
RANDOM=${SEED:-$$}
snapshot="$root/../shared/data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz"
claim_seconds=5   # the digest's claims: a killed sender's rows come back after this (default 120)
mkdir -p "$work"
bin=${BIN:-$work/bin}   # BIN: a build to use as it is (campaigns run side by side share one)
[ -n "${BIN:-}" ] || dotnet build src/Paperboy -c Release -o "$bin" -v q -nologo 2>&1 | grep -E " error |rror\(s\)" | grep -v " 0 Error" || true

export Paperboy__Ingest__Scheduled=false Paperboy__Digest__Scheduled=false Paperboy__Search__Backfill=false \
       Paperboy__PublicBaseUrl=https://papers.example.org Paperboy__Smtp__Host=127.0.0.1 Paperboy__Smtp__Security=None \
       Paperboy__Digest__ClaimSeconds=$claim_seconds Paperboy__Search__IntraOpThreads=1

if [ "$engine" = postgres ]; then
  pgdir=$(mktemp -d /tmp/paperboy-crash-pg.XXXXXX)
  source scripts/pg-cluster.sh
  trap 'pg_cluster_stop "$pgdir"; rm -rf "$pgdir"' EXIT
  pg_cluster_start "$pgdir"
  export Paperboy__Database__Provider=postgres
fi

# --- the database of one run: a data folder (SQLite) or a database named after the kind (PostgreSQL) -------------
pg_url() { echo "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$1"; }
use() { # use DIR: point paperboy and sql at DIR's database
  dir=$1; export Paperboy__DataDir=$dir
  if [ "$engine" = postgres ]; then export ConnectionStrings__Paperboy; ConnectionStrings__Paperboy=$(pg_url "$(basename "$dir" | tr -c 'a-z0-9\n' _)"); fi
}
fresh() { # fresh DIR: an empty database
  rm -rf "$1"; mkdir -p "$1"; use "$1"
  if [ "$engine" = postgres ]; then
    local name; name=$(basename "$1" | tr -c 'a-z0-9\n' _)
    psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
  fi
}
sql() { # sql QUERY: tab-separated rows
  if [ "$engine" = postgres ]; then psql -X -At -F $'\t' -h 127.0.0.1 -p "$pgport" -U postgres -d "$(basename "$dir" | tr -c 'a-z0-9\n' _)" -c "$1"
  else sqlite3 -batch -separator $'\t' "$dir/paperboy.db" "$1"; fi
}
pb() { dotnet "$bin/paperboy.dll" "$@"; }

# --- per kind: prepare a template, the run, "is it complete", and the canonical dump compared with the clean run --
prepare_import() { [ -f "$work/slice.jsonl" ] || { gzip -dc "$snapshot" || true; } | head -n "${IMPORT_LINES:-30000}" > "$work/slice.jsonl"; fresh "$1"; }
args_import() { args=(import snapshot "$work/slice.jsonl"); }
complete_import() { [ "$1" = 0 ]; }
dump_import() {
  pb search index >/dev/null 2>&1 || true # what the hub does in the background; on PostgreSQL there is nothing queued
  sql "SELECT id, version, title, abstract, authors, categories, published_at, updated_at, comment, journal_ref, doi,
       project_page, github_repo, github_stars, ai_summary, ai_keywords, thumbnail, imported_upvotes, local_upvotes,
       comment_count, imported_comments, hidden FROM papers ORDER BY id"
  if [ "$engine" = sqlite ]; then
    sql "INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check'); SELECT 'queued', count(*) FROM papers_fts_pending;"
    for w in learning quantum graph; do sql "SELECT '$w', count(*) FROM papers_fts WHERE papers_fts MATCH '$w'"; done
  fi
}

prepare_digest() {
  local t="$work/$engine-digest-template"
  if [ ! -d "$t" ]; then
    fresh "$t.tmp"; pb migrate >/dev/null
    PYTHONHASHSEED=0 python3 bench/digest/seed.py "$t.tmp/paperboy.db" --subscribers "${DIGEST_SUBSCRIBERS:-3000}" >/dev/null
    mv "$t.tmp" "$t"
  fi
  rm -rf "$1"; cp -r "$t" "$1"; use "$1"
}
args_digest() { args=(digest send --date 2026-06-08); }
complete_digest() { [ "$1" = 0 ] && [ "$(sql 'SELECT count(*) FROM digest_outbox WHERE status = 0')" = 0 ]; }
dump_digest() {
  sql "SELECT digest_key, subscription_id, recipient, message_id, content, status FROM digest_outbox ORDER BY message_id"
  sql "SELECT subscription_id, paper_id, digest_key FROM digest_sent_matches ORDER BY subscription_id, paper_id"
}

prepare_embed() {
  local t="$work/$engine-embed-template"
  if [ ! -d "$t" ]; then
    { gzip -dc "$snapshot" || true; } | head -n "${EMBED_PAPERS:-40}" > "$work/embed.jsonl"
    fresh "$t.tmp"; pb import snapshot "$work/embed.jsonl" >/dev/null 2>&1; pb search index >/dev/null 2>&1
    mv "$t.tmp" "$t"
  fi
  rm -rf "$1"; cp -r "$t" "$1"; use "$1"
}
args_embed() { args=(embed); }
complete_embed() { [ "$1" = 0 ]; }
dump_embed() { sql "SELECT paper_id, model, hex(vector) FROM paper_embeddings ORDER BY paper_id, model"; }

prepare_migrate() { fresh "$1"; }
args_migrate() { args=(migrate); }
complete_migrate() { [ "$1" = 0 ]; }
dump_migrate() {
  if [ "$engine" = postgres ]; then
    sql "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
         WHERE table_schema = 'public' ORDER BY 1, 2"
    sql "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"
    sql "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"
    sql "SELECT extname FROM pg_extension ORDER BY 1"
  else
    sql "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
  fi
  sql "SELECT version FROM schema_migrations ORDER BY version"
}

# --- the SMTP server of the digest: bench/digest/null_smtp.py logging "recipient<TAB>Message-ID" before its 250 ----
smtp_start() { # smtp_start LOG
  local port=$(( 30000 + RANDOM % 20000 ))
  /usr/bin/python3 bench/digest/null_smtp.py --port $port --processes 2 --log "$1" > "$1.server" 2>&1 &
  smtp=$!
  until grep -q ready "$1.server" 2>/dev/null; do sleep 0.1; done
  export Paperboy__Smtp__Port=$port
}
smtp_stop() { kill "$smtp" 2>/dev/null || true; wait "$smtp" 2>/dev/null || true; }

# --- one kind: a clean run, then the trials ----------------------------------------------------------------------
campaign() {
  local kind=$1 base="$work/$engine-$kind" clean_s t killed=0 restarts=0 equal=0 dups=0 lost=0 max_dups=0 code
  rm -rf "$base"; mkdir -p "$base"
  "prepare_$kind" "$base/clean"
  [ "$kind" = digest ] && smtp_start "$base/clean/smtp.log"
  "args_$kind"
  local started=$(date +%s.%N)
  set +e; pb "${args[@]}" > "$base/clean/run.log" 2>&1; code=$?; set -e
  clean_s=$(echo "$(date +%s.%N) - $started" | bc)
  [ "$kind" = digest ] && smtp_stop
  "complete_$kind" "$code" || { echo "$kind: the clean run did not complete (exit $code), see $base/clean/run.log"; return 1; }
  "dump_$kind" > "$base/clean.dump"
  for i in $(seq "$kills"); do
    local trial="$base/trial-$i"
    "prepare_$kind" "$trial"
    [ "$kind" = digest ] && smtp_start "$trial/smtp.log"
    t=$(awk -v r=$RANDOM -v d="$clean_s" 'BEGIN { srand(r); printf "%.3f", rand() * d }')
    # A simple command in the background: $! is dotnet itself, not a shell around it.
    dotnet "$bin/paperboy.dll" "${args[@]}" > "$trial/run-0.log" 2>&1 &
    local pid=$!
    sleep "$t"
    local moment="ended before $t s, not killed"
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; killed=$((killed + 1)); moment="killed at $t s"; echo "$moment" >> "$trial/run-0.log"; fi
    set +e; wait "$pid" 2>/dev/null; code=$?; set -e
    local n=0
    until "complete_$kind" "$code"; do
      n=$((n + 1)); restarts=$((restarts + 1))
      # The digest: the killed run's claims must run out before another run may send its rows.
      [ "$kind" = digest ] && [ "$code" = 0 ] && sleep "$claim_seconds"
      set +e; timeout -s KILL 300 dotnet "$bin/paperboy.dll" "${args[@]}" > "$trial/run-$n.log" 2>&1; code=$?; set -e
      [ "$n" -lt 10 ] || { echo "$kind trial $i: not complete after 10 restarts (last exit $code)" >&2; break; }
    done
    [ "$kind" = digest ] && smtp_stop
    "dump_$kind" > "$trial/dump" || true
    if cmp -s "$base/clean.dump" "$trial/dump"; then equal=$((equal + 1)); else echo "$kind trial $i: differs from the clean run (diff $base/clean.dump $trial/dump)" >&2; fi
    if [ "$kind" = digest ]; then
      local d l
      d=$(( $(wc -l < "$trial/smtp.log") - $(sort -u "$trial/smtp.log" | wc -l) ))
      l=$(comm -23 <(sort -u "$base/clean/smtp.log") <(sort -u "$trial/smtp.log") | wc -l)
      dups=$((dups + d)); lost=$((lost + l)); [ "$d" -gt "$max_dups" ] && max_dups=$d
      echo "trial $i: $moment, $n restart(s), $d duplicate(s), $l lost" >> "$base/trials.log"
    else
      echo "trial $i: $moment, $n restart(s)" >> "$base/trials.log"
    fi
  done
  local mail="duplicates -, lost -"
  if [ "$kind" = digest ]; then
    local sent; sent=$(sort -u "$base/clean/smtp.log" | wc -l)
    mail="duplicates $dups (at most $max_dups per kill; clean run: $(( $(wc -l < "$base/clean/smtp.log") - sent ))), lost $lost, of $sent messages per run"
  fi
  printf '%s %s: %d kills, %d restarts, result equal %s (%d of %d trials), %s; clean run %.1f s\n' "$kind" "$engine" \
    "$killed" "$restarts" "$([ "$equal" = "$kills" ] && echo yes || echo no)" "$equal" "$kills" "$mail" "$clean_s"
}

echo "== crash campaign, $engine, $kills trials per kind, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in $kinds; do campaign "$kind"; done
