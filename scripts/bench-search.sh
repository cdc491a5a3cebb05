#!/usr/bin/env bash
# Search benchmark: both engines on the same deterministic corpus (`corpus generate`, seed 42).
# Per size and engine, three phases (`search benchmark --Bench:Phase=…`):
#   queries  p50/p95 of the raw engine query, of SearchAsync in-process and of GET /api/v1/search
#            (top 10 with snippets and facets) for rare/mid/common terms, a phrase, an exclusion
#            and three facet filters, against a Release instance;
#   reindex  single-item reindex latency, and publish → searchable over HTTP;
#   rebuild  full reindex (`search rebuild`) next to the engine's own bulk build of the same text.
# Generated databases are cached in $KP_BENCH_DIR (SQLite files) and in PostgreSQL databases
# kp_bench_<count>, so a rerun only measures.
#   scripts/bench-search.sh [counts="10000 100000"] [rounds=30] [phases="queries reindex rebuild"] [engines="sqlite postgres"]
# Environment: KP_PG_PORT (PostgreSQL, default 55432), KP_BENCH_PORT (first of two app ports,
# default 5450), and on a shared machine KP_HEAVY / KP_BENCH: commands that wrap the preparation
# (builds, generation) and each measuring phase (e.g. KP_HEAVY=/work/heavy KP_BENCH=/work/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${1:-"10000 100000"}; ROUNDS=${2:-30}; PHASES=${3:-"queries reindex rebuild"}; ENGINES=${4:-"sqlite postgres"}
DIR=${KP_BENCH_DIR:-/tmp/kp-bench-search}
PORT=${KP_BENCH_PORT:-5450}
read -r -a heavy <<<"${KP_HEAVY:-}"; read -r -a bench <<<"${KP_BENCH:-}"
say() { echo "bench-search: $*" >&2; }

pg_admin=$(scripts/postgres.sh start)
pg_host="Host=127.0.0.1;Port=${KP_PG_PORT:-55432};Username=postgres"
psql_() { psql -h 127.0.0.1 -p "${KP_PG_PORT:-55432}" -U postgres -qAt "$@"; }
: "$pg_admin"

"${heavy[@]}" dotnet build src/KnowledgePlatform.Web -c Release -v q -nologo >&2
mkdir -p "$DIR"
# A copy of the build, so rebuilding the repository meanwhile does not pull files from under it.
rm -rf "$DIR/app" && cp -r src/KnowledgePlatform.Web/bin/Release/net10.0 "$DIR/app"
app() { (cd src/KnowledgePlatform.Web && exec dotnet "$DIR/app/KnowledgePlatform.Web.dll" "$@" --Sync:ImportOnEmptyDatabase=false --Logging:LogLevel:Default=Warning); }

for count in $COUNTS; do
  sqlite=(--Storage:DataPath="$DIR/sqlite-$count")
  postgres=(--Storage:DataPath="$DIR/pg-$count" --Database:Provider=Postgres "--ConnectionStrings:Default=$pg_host;Database=kp_bench_$count")
  if [[ " $ENGINES " == *" sqlite "* && ! -f $DIR/sqlite-$count/.generated ]]; then
    say "generating $count items on SQLite…"; rm -rf "$DIR/sqlite-$count"
    "${heavy[@]}" bash -c "$(declare -f app); DIR='$DIR'; app corpus generate --Corpus:Count=$count ${sqlite[*]@Q} && app search rebuild ${sqlite[*]@Q}" \
      | tr '\r' '\n' | grep -v '…$' >&2
    touch "$DIR/sqlite-$count/.generated"
  fi
  if [[ " $ENGINES " == *" postgres "* ]] && { [[ $(psql_ -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'kp_bench_$count'") == 0 ]] \
     || ! [[ -f $DIR/pg-$count/.generated ]]; }; then
    say "generating $count items on PostgreSQL…"; psql_ -d postgres -c "DROP DATABASE IF EXISTS kp_bench_$count" -c "CREATE DATABASE kp_bench_$count"
    mkdir -p "$DIR/pg-$count"
    "${heavy[@]}" bash -c "$(declare -f app); DIR='$DIR'; app corpus generate --Corpus:Count=$count ${postgres[*]@Q} && app search rebuild ${postgres[*]@Q}" \
      | tr '\r' '\n' | grep -v '…$' >&2
    touch "$DIR/pg-$count/.generated"
  fi

  echo; echo "## $count items, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"; echo
  for engine in $ENGINES; do
    if [[ $engine == sqlite ]]; then settings=("${sqlite[@]}"); port=$PORT; else settings=("${postgres[@]}"); port=$((PORT + 1)); fi
    # The instance is not wrapped: it serves across the phases and is stopped after them. Its own
    # subshell execs dotnet, so $! is the instance itself.
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health/live"; then say "port $port is taken (KP_BENCH_PORT)"; exit 1; fi
    (cd src/KnowledgePlatform.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$DIR/app/KnowledgePlatform.Web.dll" --urls "http://127.0.0.1:$port" \
      --Site:OutputCache=false "${settings[@]}" --Sync:ImportOnEmptyDatabase=false --Logging:LogLevel:Default=Warning >"$DIR/app-$port.log" 2>&1) &
    pid=$!
    for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done
    for phase in $PHASES; do
      "${bench[@]}" bash -c "echo \"$engine, $phase: \$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/load average /') at start\"; \
        $(declare -f app); DIR='$DIR'; app search benchmark --Bench:Phase=$phase --Bench:Url=http://127.0.0.1:$port --Bench:Rounds=$ROUNDS ${settings[*]@Q}; \
        echo \"$engine, $phase: \$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/load average /') at end\""
      echo
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
