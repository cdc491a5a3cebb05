#!/usr/bin/env bash
# Several app instances on one PostgreSQL behind nginx (round robin), as issue 8 asks:
#   1. three instances start together on an empty database (the demo is imported once), then a
#      generated corpus is added;
#   2. requests/s of a mixed read load (wrk) through nginx with 1 and with 3 instances behind it,
#      and the database work per request (pg_stat_statements: statements and time);
#   3. publish-to-visible: under read load an editor publishes an item every few seconds
#      (`content touch`); each instance is polled directly until it serves the change;
#   4. kill -9 of one instance under load: errors seen by the readers, and it rejoins after restart.
# Prints every figure. Uses its own PostgreSQL (scripts/postgres.sh on port 55433, restarted once
# with pg_stat_statements preloaded), so the shared test server is left alone.
#   scripts/multinode.sh [count=2000] [seconds=15] [connections=32] [publishes=12]
# Ports: KP_MULTINODE_PORT (5310) for nginx, the next three for the instances.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
COUNT=${1:-2000}; DURATION=${2:-15}; CONNECTIONS=${3:-32}; PUBLISHES=${4:-12}
BASE=${KP_MULTINODE_PORT:-5310}; LB=$BASE; PORTS=($((BASE + 1)) $((BASE + 2)) $((BASE + 3)))
export KP_PG_PORT=55433 KP_PG_DIR=/tmp/kp-multinode-pg
say() { echo "multinode: $*" >&2; }

need() {
  command -v "$1" >/dev/null && return
  [[ $(id -u) -eq 0 ]] || { say "$1 is missing: apt-get install -y $2"; exit 1; }
  say "installing $2…"; apt-get update -qq >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}
need wrk wrk
need nginx nginx
need curl curl

for port in "$LB" "${PORTS[@]}"; do  # another app answering there would be measured instead
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use; set KP_MULTINODE_PORT to a free base"; exit 1; fi
done
work=$(mktemp -d /tmp/kp-multinode-XXXX)
chmod a+rx "$work"
cleanup() {
  touch "$work/stop-all"  # background pollers and load rounds end with the script
  for port in "${PORTS[@]}"; do [[ -f $work/app-$port.pid ]] && kill -9 "$(cat "$work/app-$port.pid")" 2>/dev/null || true; done
  [[ -f $work/nginx.pid ]] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  scripts/postgres.sh stop || true
}
trap cleanup EXIT

# --- PostgreSQL with pg_stat_statements -------------------------------------------------------
scripts/postgres.sh start >/dev/null
sql() { psql -h 127.0.0.1 -p "$KP_PG_PORT" -U postgres -d "${DB:-postgres}" -v ON_ERROR_STOP=1 -Atq -c "$1"; }
if [[ $(sql "SHOW shared_preload_libraries") != *pg_stat_statements* ]]; then
  sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
  scripts/postgres.sh stop; scripts/postgres.sh start >/dev/null
fi
for db in kp_multinode kp_multinode_demo; do sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"; sql "CREATE DATABASE $db"; done
DB=kp_multinode sql "CREATE EXTENSION pg_stat_statements"

# --- the app: a published Release build, three instances -------------------------------------
say "publishing the app (Release)…"
dotnet publish src/KnowledgePlatform.Web -c Release -o "$work/app" -v q -nologo >&2
app=(dotnet "$work/app/KnowledgePlatform.Web.dll")
use_database() {
  common=(--Database:Provider=Postgres "--ConnectionStrings:Default=Host=127.0.0.1;Port=$KP_PG_PORT;Username=postgres;Database=$1;Maximum Pool Size=40"
    "--Storage:DataPath=$work/data" "--Sync:Root=$repo/uSync" --Logging:LogLevel:Default=Warning --Logging:LogLevel:KnowledgePlatform=Information)
}
start_instance() {
  ASPNETCORE_ENVIRONMENT=Production "${app[@]}" --urls "http://127.0.0.1:$1" "${common[@]}" >>"$work/app-$1.log" 2>&1 &
  echo $! >"$work/app-$1.pid"
}
wait_ready() {
  for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return; sleep 0.25; done
  say "the instance on port $1 did not start"; tail -n 20 "$work/app-$1.log" >&2; exit 1
}
stop_instances() { for port in "${PORTS[@]}"; do kill "$(cat "$work/app-$port.pid")"; done; wait; }

# The demo and the generated corpus cannot share a database (both define the theme and region
# vocabularies), so the start-up race runs on the demo in its own database.
say "starting ${#PORTS[@]} instances together on an empty database with the demo to import…"
use_database kp_multinode_demo
for port in "${PORTS[@]}"; do start_instance "$port"; done
for port in "${PORTS[@]}"; do wait_ready "$port"; done
imports=$(cat "$work"/app-*.log | grep -c "Imported uSync" || true)
demo_items=$(DB=kp_multinode_demo sql 'SELECT count(*) FROM "ContentItems"')
demo_versions=$(DB=kp_multinode_demo sql 'SELECT count(*) FROM "ContentVersions"')
stop_instances

use_database kp_multinode
say "generating $COUNT items…"
"${app[@]}" corpus generate --Corpus:Count="$COUNT" "--Corpus:Words=$repo/../shared/data/snowball-dutch-porter/voc.txt" "${common[@]}" >&2
items=$(DB=kp_multinode sql 'SELECT count(*) FROM "ContentItems" WHERE "Status" = '"'"'Published'"'"'')
say "starting ${#PORTS[@]} instances on the corpus…"
for port in "${PORTS[@]}"; do start_instance "$port"; done
for port in "${PORTS[@]}"; do wait_ready "$port"; done

# --- nginx, round robin -----------------------------------------------------------------------
nginx_for() { # ports…, then "log" to log each request's upstream
  local servers="" log="access_log off;"
  for p in "$@"; do [[ $p == log ]] && log="access_log $work/access.log upstream buffer=64k flush=1s;" \
    || servers+="server 127.0.0.1:$p max_fails=1 fail_timeout=2s; "; done
  cat >"$work/nginx.conf" <<CONF
worker_processes 2; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  log_format upstream '\$msec \$status \$upstream_addr';
  $log
  upstream kp { $servers keepalive 64; }
  server {
    listen 127.0.0.1:$LB;
    location / {
      proxy_pass http://kp; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 1s; proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
  if [[ -f $work/nginx.pid ]] && kill -0 "$(cat "$work/nginx.pid")" 2>/dev/null; then nginx -c "$work/nginx.conf" -s reload; sleep 1
  else nginx -c "$work/nginx.conf"; fi
}

# --- the mixed read load ----------------------------------------------------------------------
api="http://127.0.0.1:${PORTS[0]}/api/v1/content"
paths_of() { curl -fs "$api?type=$1&sort=-published&pageSize=$2" | grep -oE '"url":"http://[^/]+[^"]+"' | sed -E 's/"url":"http:\/\/[^/]+//; s/"$//'; }
{ printf '%s\n' / /agenda /verslagen /dossiers /zoeken?q=jeugd
  paths_of event 8; paths_of meetingReport 6; paths_of dossier 4; paths_of dossierArticle 4; } >"$work/paths.txt"
{ echo 'local paths = {'; sed 's/.*/  "&",/' "$work/paths.txt"; echo '}'
  echo 'local i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } >"$work/mixed.lua"
touch_slug=$(paths_of event 1 | head -n1); touch_slug=${touch_slug##*/}
warm() { for p in "$@"; do while read -r path; do curl -fs -o /dev/null "http://127.0.0.1:$p$path" || true; done <"$work/paths.txt"; done; }
wrk_run() { # seconds → wrk output
  wrk -t2 -c"$CONNECTIONS" -d"${1}s" --latency -s "$work/mixed.lua" "http://127.0.0.1:$LB" 2>&1
}
rps_of() { awk '/Requests\/sec/ {s += $2; n++} END {printf "%.1f", s / n}' <<<"$1"; }  # mean over rounds
requests_of() { awk '/requests in/ {s += $1} END {print s + 0}' <<<"$1"; }
errors_of() { # non-2xx/3xx + socket errors
  local non2xx sock
  non2xx=$(awk '/Non-2xx/ {s += $NF} END {print s + 0}' <<<"$1"); sock=$(awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} END {print s + 0}' <<<"$1")
  echo $(( ${non2xx:-0} + ${sock:-0} ))
}
stats_reset() { DB=kp_multinode sql "SELECT pg_stat_statements_reset()" >/dev/null; }
stats_total() { DB=kp_multinode sql "SELECT coalesce(sum(calls),0) || ' ' || round(coalesce(sum(total_exec_time),0)::numeric, 1) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kp_multinode') AND query NOT ILIKE '%pg_stat_statements%'"; }

say "throughput through nginx: 1 instance, then 3…"
declare -A RPS ERR QPR MSPR
for n in 1 3; do
  nginx_for "${PORTS[@]:0:$n}"; warm "${PORTS[@]:0:$n}"; wrk_run 3 >/dev/null
  stats_reset
  out=$(wrk_run "$DURATION")
  read -r calls ms <<<"$(stats_total)"
  reqs=$(requests_of "$out")
  RPS[$n]=$(rps_of "$out"); ERR[$n]=$(errors_of "$out")
  QPR[$n]=$(awk -v c="$calls" -v r="$reqs" 'BEGIN {printf "%.3f", c / r}'); MSPR[$n]=$(awk -v t="$ms" -v r="$reqs" 'BEGIN {printf "%.4f", t / r}')
  echo "--- $n instance(s) ---"; echo "$out"
done
say "the statements with most time in the 3-instance run:"
DB=kp_multinode sql "SELECT calls || ' calls, ' || round(total_exec_time::numeric, 1) || ' ms: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kp_multinode') ORDER BY total_exec_time DESC LIMIT 6" >&2

# --- publish-to-visible under load --------------------------------------------------------------
say "publishing $PUBLISHES times under load; polling each instance directly…"
nginx_for "${PORTS[@]}"
# Read load in 10 s rounds for as long as the publishing takes (each round prints its own figures).
( while [[ ! -f $work/stop-load && ! -f $work/stop-all ]]; do wrk -t2 -c"$CONNECTIONS" -d10s -s "$work/mixed.lua" "http://127.0.0.1:$LB" 2>&1; done ) >"$work/wrk-publish.txt" &
wrk_pid=$!
: >"$work/latencies.txt"; misses=0; publish_failures=0
for i in $(seq 1 "$PUBLISHES"); do
  title="Multinode bijeenkomst $i $RANDOM$RANDOM"
  pollers=()
  for port in "${PORTS[@]}"; do
    # Polls from before the publish until the change shows, or until told to stop 15 s after it.
    ( until curl -fs "http://127.0.0.1:$port/agenda/$touch_slug" | grep -qF "$title"; do
        [[ -f $work/stop-$i || -f $work/stop-all ]] && { echo "miss $port"; exit 0; }
      done
      echo "seen $port $(date +%s%3N)" ) >"$work/seen-$i-$port.txt" &
    pollers+=($!)
  done
  # A publish can be refused (the rich-text parser's time budget runs out on a starved machine): counted, not fatal.
  committed=$("${app[@]}" content touch --slug "$touch_slug" --title "$title" "${common[@]}" 2>>"$work/touch-errors.txt" | awk '/gepubliceerd/ {print $2}' || true)
  [[ -n $committed ]] || { publish_failures=$((publish_failures + 1)); touch "$work/stop-$i"; }
  ( sleep 15; touch "$work/stop-$i" ) & stopper=$!
  wait "${pollers[@]}"
  kill "$stopper" 2>/dev/null || true
  for port in "${PORTS[@]}"; do
    read -r what _ seen <"$work/seen-$i-$port.txt"
    if [[ -z $committed ]]; then :
    elif [[ $what == seen ]]; then echo "$port $(( seen - committed ))" >>"$work/latencies.txt"; else misses=$((misses + 1)); fi
  done
  sleep 2
done
touch "$work/stop-load"; wait "$wrk_pid" || true
pub_out=$(cat "$work/wrk-publish.txt")
pct() { sort -n | awk -v p="$1" '{v[NR] = $1} END {i = int((NR * p + 99) / 100); if (i < 1) i = 1; print v[i]}'; }
lat_p50=$(awk '{print $2}' "$work/latencies.txt" | pct 50); lat_p99=$(awk '{print $2}' "$work/latencies.txt" | pct 99)
lat_max=$(awk '{print $2}' "$work/latencies.txt" | sort -n | tail -n1)
per_instance=$(for port in "${PORTS[@]}"; do
  printf '%s p50 %s ms, max %s ms; ' "$port" "$(awk -v p="$port" '$1 == p {print $2}' "$work/latencies.txt" | pct 50)" \
    "$(awk -v p="$port" '$1 == p {print $2}' "$work/latencies.txt" | sort -n | tail -n1)"; done)

# --- kill -9 under load -------------------------------------------------------------------------
say "kill -9 of the instance on ${PORTS[2]} under load, restart after 5 s…"
nginx_for "${PORTS[@]}" log
: >"$work/access.log"
kill_len=$((DURATION + 10))
wrk -t2 -c"$CONNECTIONS" -d"${kill_len}s" -s "$work/mixed.lua" "http://127.0.0.1:$LB" >"$work/wrk-kill.txt" 2>&1 &
wrk_pid=$!
sleep 4
kill -9 "$(cat "$work/app-${PORTS[2]}.pid")"; killed_at=$(date +%s.%N)
sleep 5
start_instance "${PORTS[2]}"; wait_ready "${PORTS[2]}"; back_at=$(date +%s.%N)
wait "$wrk_pid" || true
sleep 2  # let nginx flush its access log
kill_out=$(cat "$work/wrk-kill.txt")
retried=$(grep -c ', ' "$work/access.log" || true)
failed_lb=$(awk '$2 >= 500' "$work/access.log" | wc -l)
served_after=$(awk -v t="$back_at" -v up="127.0.0.1:${PORTS[2]}" '$1 > t && $3 == up' "$work/access.log" | wc -l)
total_after=$(awk -v t="$back_at" '$1 > t' "$work/access.log" | wc -l)
restart_s=$(awk -v a="$killed_at" -v b="$back_at" 'BEGIN {printf "%.1f", b - a - 5}')

# --- login through one instance, the session used through the others ------------------------------
say "signing in through ${PORTS[0]}, using the session through the others…"
admin="multinode-$RANDOM@example.nl"; password="Multinode-Paard-$RANDOM-Batterij"
echo "$password" | "${app[@]}" users create-admin --email "$admin" "${common[@]}" >/dev/null 2>&1 || say "users create-admin failed"
cookies_of() { grep -i '^set-cookie:' "$1" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]+).*/\1/' | paste -sd';' | sed 's/;/; /g'; }
# The cookies are Secure: a browser sends them over https only; here each instance is reached over
# http on loopback, so curl sends them as a plain header.
form=$(curl -s -D "$work/login-get.h" "http://127.0.0.1:${PORTS[0]}/beheer/inloggen")
token=$(grep -oE '__RequestVerificationToken"[^>]*value="[^"]+"' <<<"$form" | sed -E 's/.*value="//; s/"$//' | head -n1)
login_status=$(curl -s -o /dev/null -D "$work/login-post.h" -w '%{http_code}' -H "Cookie: $(cookies_of "$work/login-get.h")" \
  --data-urlencode "Email=$admin" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" \
  "http://127.0.0.1:${PORTS[0]}/beheer/inloggen")
session=$(cookies_of "$work/login-post.h")
session_report="sign-in through ${PORTS[0]}: HTTP $login_status; GET /beheer with that session:"
for port in "${PORTS[@]}"; do
  session_report+=" ${port} → $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $session" "http://127.0.0.1:$port/beheer")"
done
session_report+="; without it: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORTS[1]}/beheer")"

# --- the figures ----------------------------------------------------------------------------------
cat <<REPORT

Several instances on one PostgreSQL behind nginx — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t2 -c$CONNECTIONS
Start-up: 3 instances started together on an empty database: uSync imports logged $imports, demo items $demo_items, versions $demo_versions (each imported once)
Corpus: $items published items (corpus generate, $COUNT), served by 3 instances

| instances behind nginx | req/s | errors | statements/request | DB ms/request |
|---|---:|---:|---:|---:|
| 1 | ${RPS[1]} | ${ERR[1]} | ${QPR[1]} | ${MSPR[1]} |
| 3 | ${RPS[3]} | ${ERR[3]} | ${QPR[3]} | ${MSPR[3]} |
3 vs 1: $(awk -v a="${RPS[3]}" -v b="${RPS[1]}" 'BEGIN {printf "%.2f", a / b}')× (target ≥ 0.90×)

Publish-to-visible ($PUBLISHES publishes of /agenda/$touch_slug via 'content touch', polled on each instance directly, under read load):
  p50 ${lat_p50} ms, p99 ${lat_p99} ms, max ${lat_max} ms over $(wc -l <"$work/latencies.txt") observations; not seen within 15 s: $misses; publishes refused: $publish_failures
  per instance: $per_instance
  read load meanwhile: $(rps_of "$pub_out") req/s, errors $(errors_of "$pub_out")

kill -9 of one instance under load (${kill_len} s of wrk, killed at 4 s, restarted 5 s later, ready ${restart_s} s after its start):
  errors seen by readers: $(errors_of "$kill_out") of $(requests_of "$kill_out") requests; responses ≥ 500 in nginx's log: $failed_lb
  requests nginx retried on another instance: $retried
  after the restart the instance served $served_after of $total_after requests through nginx (rejoined without manual steps)

Session: $session_report

Not run here: 50 items scheduled for one minute (scheduled publishing is not on main yet).
REPORT
