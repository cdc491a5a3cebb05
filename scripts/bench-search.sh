#!/usr/bin/env bash
# Search benchmark: both engines on the same deterministic corpus (`corpus generate`, seed 42) in
# one run. Per size: p50/p95 of the raw engine query, of SearchAsync in-process and of
# GET /api/v1/search (top 10 with snippets and facets) for rare/mid/common terms, a phrase, an
# exclusion and three facet filters; single-item reindex latency; full reindex next to the
# engine's own bulk build. Generated databases are cached in $KP_BENCH_DIR (SQLite files) and in
# PostgreSQL databases kp_bench_<count>, so a rerun only measures.
#   scripts/bench-search.sh [counts="10000 100000"] [rounds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${1:-"10000 100000"}; ROUNDS=${2:-30}
DIR=${KP_BENCH_DIR:-/tmp/kp-bench-search}
say() { echo "bench-search: $*" >&2; }

pg_admin=$(scripts/postgres.sh start)
pg_host="Host=127.0.0.1;Port=${KP_PG_PORT:-55432};Username=postgres"
psql_() { psql -h 127.0.0.1 -p "${KP_PG_PORT:-55432}" -U postgres -qAt "$@"; }
: "$pg_admin"

dotnet build src/KnowledgePlatform.Web -c Release -v q -nologo >&2
mkdir -p "$DIR"
# A copy of the build, so rebuilding the repository meanwhile does not pull files from under it.
rm -rf "$DIR/app" && cp -r src/KnowledgePlatform.Web/bin/Release/net10.0 "$DIR/app"
app() { (cd src/KnowledgePlatform.Web && exec dotnet "$DIR/app/KnowledgePlatform.Web.dll" "$@" --Sync:ImportOnEmptyDatabase=false --Logging:LogLevel:Default=Warning); }

for count in $COUNTS; do
  sqlite=(--Storage:DataPath="$DIR/sqlite-$count")
  postgres=(--Storage:DataPath="$DIR/pg-$count" --Database:Provider=Postgres "--ConnectionStrings:Default=$pg_host;Database=kp_bench_$count")
  if [[ ! -f $DIR/sqlite-$count/.generated ]]; then
    say "generating $count items on SQLite…"; rm -rf "$DIR/sqlite-$count"
    app corpus generate --Corpus:Count="$count" "${sqlite[@]}" | tr '\r' '\n' | tail -n1 >&2
    app search rebuild "${sqlite[@]}" | tr '\r' '\n' | tail -n1 >&2
    touch "$DIR/sqlite-$count/.generated"
  fi
  if [[ $(psql_ -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'kp_bench_$count'") == 0 ]] \
     || ! [[ -f $DIR/pg-$count/.generated ]]; then
    say "generating $count items on PostgreSQL…"; psql_ -d postgres -c "DROP DATABASE IF EXISTS kp_bench_$count" -c "CREATE DATABASE kp_bench_$count"
    mkdir -p "$DIR/pg-$count"
    app corpus generate --Corpus:Count="$count" "${postgres[@]}" | tr '\r' '\n' | tail -n1 >&2
    app search rebuild "${postgres[@]}" | tr '\r' '\n' | tail -n1 >&2
    touch "$DIR/pg-$count/.generated"
  fi

  echo; echo "## $count items, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"; echo
  for engine in sqlite postgres; do
    if [[ $engine == sqlite ]]; then settings=("${sqlite[@]}"); port=5201; else settings=("${postgres[@]}"); port=5202; fi
    ASPNETCORE_ENVIRONMENT=Production app --urls "http://127.0.0.1:$port" --Site:OutputCache=false "${settings[@]}" >"$DIR/app-$port.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done
    app search benchmark --Bench:Url="http://127.0.0.1:$port" --Bench:Rounds="$ROUNDS" "${settings[@]}"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo
  done
done
