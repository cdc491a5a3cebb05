#!/usr/bin/env bash
# Newsletter sending benchmark: the app's dispatcher sends a prepared issue (~30 KB, personalised:
# greeting, signed links, List-Unsubscribe) to N subscribers through Postfix's smtp-sink on
# loopback, on SQLite and on PostgreSQL; then Postfix's smtp-source sends the same number of
# messages of the same size over the same number of connections to the same sink, in the same run.
# Prints per run: messages/s, peak RSS of the app while sending, database statements and time per
# message. Prepared databases are kept in $KP_BENCH_DIR (SQLite) and PostgreSQL databases
# kp_nl_bench3_<n> (the number goes up when the preparation changes, so old data is not reused); each
# measured run sends from a fresh copy.
#   scripts/bench-newsletter.sh [counts="10000 100000"] [connections=2]
#   KP_BENCH_SETTINGS="--Newsletter:InFlightChunk=50"  extra app settings for the measured runs
#   KP_BENCH_PREPARE_ONLY=1  prepare the data sets and stop (so measuring later starts at once)
# On the shared machine, preparing runs under /work/heavy and measuring under /work/bench (its quiet-time lock).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${1:-"10000 100000"}; CONNECTIONS=${2:-2}
DIR=${KP_BENCH_DIR:-/tmp/kp-bench-newsletter}
PG_PORT=${KP_PG_PORT:-55432}; SINK_PORT=${KP_SINK_PORT:-2551}
# CPU time (ms) a process has used so far: utime + stime from /proc/<pid>/stat, in clock ticks.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
say() { echo "bench-newsletter: $*" >&2; }
bench() { if [[ -x /work/bench ]]; then /work/bench "$@"; else "$@"; fi; }
heavy() { if [[ -x /work/heavy ]]; then /work/heavy "$@"; else "$@"; fi; }

scripts/postgres.sh start >/dev/null
pg_host="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt "$@"; }

heavy dotnet build src/KnowledgePlatform.Web -c Release -v q -nologo >&2
mkdir -p "$DIR"
rm -rf "$DIR/app" && cp -r src/KnowledgePlatform.Web/bin/Release/net10.0 "$DIR/app"
appcmd=(env -C src/KnowledgePlatform.Web dotnet "$DIR/app/KnowledgePlatform.Web.dll")
common=(--Sync:ImportOnEmptyDatabase=false --Logging:LogLevel:Default=Warning)
app() { heavy "${appcmd[@]}" "$@" "${common[@]}"; }
mail=(--Smtp:Host=127.0.0.1 --Smtp:Port="$SINK_PORT" --Smtp:UseStartTls=false --Newsletter:FromAddress=nieuwsbrief@kennisplatform.test
      --Newsletter:MaxMessagesPerSecond=1000000 --Newsletter:Connections="$CONNECTIONS" --Site:BaseUrl=https://kennisplatform.example
      ${KP_BENCH_SETTINGS:-})

# Prepared once per size and provider: a 500-item corpus, the issue, N subscribers, the send (waiting).
for count in $COUNTS; do
  if [[ ! -f $DIR/sqlite2-$count/.prepared ]]; then
    say "preparing $count subscribers on SQLite…"; rm -rf "$DIR/sqlite2-$count"
    app corpus generate --Corpus:Count=500 --Storage:DataPath="$DIR/sqlite2-$count" | tr '\r' '\n' | tail -n1 >&2
    app newsletter benchmark-prepare --Bench:Subscribers="$count" --Storage:DataPath="$DIR/sqlite2-$count" >&2
    touch "$DIR/sqlite2-$count/.prepared"
  fi
  if [[ $(psql_ -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'kp_nl_bench3_$count'") == 0 ]]; then
    say "preparing $count subscribers on PostgreSQL…"; mkdir -p "$DIR/pg-$count"
    psql_ -d postgres -c "CREATE DATABASE kp_nl_bench3_tmp_$count"
    pg=(--Storage:DataPath="$DIR/pg-$count" --Database:Provider=Postgres "--ConnectionStrings:Default=$pg_host;Database=kp_nl_bench3_tmp_$count")
    app corpus generate --Corpus:Count=500 "${pg[@]}" | tr '\r' '\n' | tail -n1 >&2
    app newsletter benchmark-prepare --Bench:Subscribers="$count" "${pg[@]}" >&2
    psql_ -d postgres -c "ALTER DATABASE kp_nl_bench3_tmp_$count RENAME TO kp_nl_bench3_$count"
  fi
done

if [[ -n ${KP_BENCH_PREPARE_ONLY:-} ]]; then say "prepared: $COUNTS"; exit 0; fi

# One measured run: a fresh copy of the prepared database, a fresh sink, the app sending it all.
run_app() { # provider count
  local provider=$1 count=$2 settings
  if [[ $provider == sqlite ]]; then
    rm -rf "$DIR/run" && cp -r "$DIR/sqlite2-$count" "$DIR/run"
    settings=(--Storage:DataPath="$DIR/run")
  else
    psql_ -d postgres -c "DROP DATABASE IF EXISTS kp_nl_bench_run" -c "CREATE DATABASE kp_nl_bench_run TEMPLATE kp_nl_bench3_$count"
    settings=(--Storage:DataPath="$DIR/pg-$count" --Database:Provider=Postgres "--ConnectionStrings:Default=$pg_host;Database=kp_nl_bench_run")
  fi
  /usr/sbin/smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024 & local sink=$!
  sleep 0.5
  local line; line=$(bench "${appcmd[@]}" newsletter benchmark-send "${mail[@]}" "${settings[@]}" "${common[@]}")
  echo "app $provider $count: $line sink_cpu_ms_per_message=$(awk "BEGIN {printf \"%.3f\", $(cpu_ms "$sink") / $count}")"
  kill "$sink"; wait "$sink" 2>/dev/null || true
}

# smtp-source: the same number of messages of the same size over the same number of connections (-d: many per connection).
run_source() { # count size
  /usr/sbin/smtp-sink -u nobody 127.0.0.1:"$SINK_PORT" 1024 & local sink=$!
  sleep 0.5
  local out took load
  out=$(bench bash -c 'load=$(cut -d" " -f1-3 /proc/loadavg); start=$(date +%s%N); /usr/sbin/smtp-source -d -s "$1" -m "$2" -l "$3" -f nieuwsbrief@kennisplatform.test -t lezer@example.nl "127.0.0.1:$4"; echo "$load|$(( ($(date +%s%N) - start) / 1000000 ))"' \
    _ "$CONNECTIONS" "$1" "$2" "$SINK_PORT")
  load=${out%|*}; took=${out#*|}
  echo "smtp-source $1 x $2 bytes, $CONNECTIONS connections: seconds=$(awk "BEGIN {printf \"%.1f\", $took / 1000}") per_second=$(awk "BEGIN {printf \"%.0f\", $1 * 1000 / $took}") load_at_start=$load sink_cpu_ms_per_message=$(awk "BEGIN {printf \"%.3f\", $(cpu_ms "$sink") / $1}")"
  kill "$sink"; wait "$sink" 2>/dev/null || true
}

echo "## $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $CONNECTIONS connections ${KP_BENCH_SETTINGS:-}"
for count in $COUNTS; do
  for provider in sqlite postgres; do
    line=$(run_app "$provider" "$count"); echo "$line"
  done
  size=$(echo "$line" | sed -E 's/.*avg_bytes=([0-9]+).*/\1/')
  run_source "$count" "$size"
done
