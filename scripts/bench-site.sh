#!/usr/bin/env bash
# Reader-site benchmark: 10,000 generated items on SQLite, wrk on loopback against home, agenda (upcoming and past),
# an event page and a dossier page, cached and uncached, each cached page next to nginx serving
# the same rendered HTML as a static file. Prints requests/s, p50/p99 latency, the cached pages'
# share of nginx's requests/s, and the event page's weight. Figures taken while other work runs
# on the machine are only comparable within one run: see the load averages it prints.
#   [WARMUP=3] [PORT=5101] [DATA=dir] [APP=dir] scripts/bench-site.sh [count=10000] [seconds=10] [connections=16]
# PORT: the first of three ports (cached app, uncached app, nginx). DATA: a data folder made
# before by `-- corpus generate` (copied, never changed), so a shared machine can prepare it
# outside the measured part. APP: a built app folder to measure instead of building this one
# (e.g. an older commit, for before/after figures).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}; SECONDS_PER_RUN=${2:-10}; CONNECTIONS=${3:-16}
PORT=${PORT:-5101}; cached_port=$PORT; uncached_port=$((PORT + 1)); nginx_port=$((PORT + 2))
say() { echo "bench-site: $*" >&2; }

need() {
  command -v "$1" >/dev/null && return
  [[ $(id -u) -eq 0 ]] || { say "$1 is missing: apt-get install -y $2"; exit 1; }
  say "installing $2…"; apt-get update -qq >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}
need wrk wrk
need nginx nginx

work=$(mktemp -d /tmp/kp-bench-site-XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; [[ -f $work/nginx.pid ]] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true' EXIT
if [[ -z ${APP:-} ]]; then
  dotnet build src/KnowledgePlatform.Web -c Release -v q -nologo >&2
  APP=src/KnowledgePlatform.Web/bin/Release/net10.0
fi
app="dotnet $APP/KnowledgePlatform.Web.dll"
common=(--Sync:ImportOnEmptyDatabase=false --Logging:LogLevel:Default=Warning)
if [[ -n ${DATA:-} ]]; then
  cp -r "$DATA" "$work/data"
else
  say "generating $COUNT items…"
  $app corpus generate --Corpus:Count="$COUNT" --Storage:DataPath="$work/data" "${common[@]}" >&2
fi
# SQLite serves one site per file (Cluster/SqliteInstanceLock), so the uncached instance reads a copy.
cp -r "$work/data" "$work/data-uncached"

start_app() { # port, output cache on/off, data folder
  ASPNETCORE_ENVIRONMENT=Production $app --urls "http://127.0.0.1:$1" --Site:OutputCache="$2" --Storage:DataPath="$3" "${common[@]}" >"$work/app-$1.log" 2>&1 &
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return; sleep 0.5; done
  say "the app on port $1 did not start"; cat "$work/app-$1.log" >&2; exit 1
}
start_app "$cached_port" true "$work/data"
start_app "$uncached_port" false "$work/data-uncached"

api=http://127.0.0.1:$cached_port/api/v1/content
event=$(curl -fs "$api?type=event&sort=-published&pageSize=1" | sed -E 's/.*"url":"http:\/\/[^/]+([^"]+)".*/\1/')
dossier=$(curl -fs "$api?type=dossier&sort=-published&pageSize=1" | sed -E 's/.*"url":"http:\/\/[^/]+([^"]+)".*/\1/')

# nginx serves each page exactly as the app renders it, so every cached page is compared with
# a static file of its own size.
mkdir -p "$work/www"
declare -A paths=([home]=/ [agenda]=/agenda [agenda-past]="/agenda?periode=verleden" [event]=$event [dossier]=$dossier)
pages=(home agenda agenda-past event dossier)
for page in "${pages[@]}"; do curl -fs "http://127.0.0.1:$cached_port${paths[$page]}" >"$work/www/$page.html"; done
chmod a+rx "$work" "$work/www"; chmod a+r "$work"/www/*.html  # nginx workers run as www-data
cat >"$work/nginx.conf" <<CONF
worker_processes auto; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; keepalive_requests 100000;
  server { listen 127.0.0.1:$nginx_port; root $work/www; location / { default_type text/html; } } }
CONF
nginx -c "$work/nginx.conf"

# Each measurement follows a discarded warm-up of WARMUP seconds on the same URL: it fills the
# output cache (the first, uncached render would otherwise hold up all connections), lets the
# JIT reach its optimised code, and lets requests still queued from the previous run finish.
WARMUP=${WARMUP:-3}
rps_of() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
run() { # label, url, [nginx req/s to compare with]
  local out rps p50 p99 errors ratio=""
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "$2" >/dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency "$2")
  rps=$(rps_of "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); errors=${errors:-0}
  [[ -n ${3:-} ]] && ratio=$(awk -v a="$rps" -v b="$3" 'BEGIN { printf "%d%%", 100 * a / b }')
  printf '| %-22s | %10s | %8s | %8s | %7s | %8s |\n' "$1" "$rps" "$p50" "$p99" "$errors" "$ratio"
  last_rps=$rps
}

# Both apps run their start-up work (background services, first queries) after they answer
# /health/ready. Measure only once the machine is idle again (at most 60 s), and warm every page
# of both apps once first, so the first page measured does not pay for the code all pages share.
idle_share() { # percentage of CPU time idle over the next second
  local a b; read -r -a a < <(head -n1 /proc/stat); sleep 1; read -r -a b < <(head -n1 /proc/stat)
  local total=0 i; for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  echo $(( 100 * (b[4] - a[4]) / (total > 0 ? total : 1) ))
}
for page in "${pages[@]}"; do
  for port in "$cached_port" "$uncached_port"; do wrk -t2 -c"$CONNECTIONS" -d1s --timeout 10s "http://127.0.0.1:$port${paths[$page]}" >/dev/null; done
done
settled=0
while (( settled < 60 )) && (( $(idle_share) < 85 )); do settled=$((settled + 1)); done
echo
echo "waited ${settled} s for the machine to be idle after start-up and warming every page"
echo "$COUNT items, SQLite, wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s after a ${WARMUP}s warm-up, $(nproc) cores," \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| page                   |      req/s |      p50 |      p99 | non-2xx | vs nginx |"
echo "|------------------------|-----------:|---------:|---------:|--------:|---------:|"
# Each cached page right after nginx serving the same bytes, so both see the same machine load.
for page in "${pages[@]}"; do
  run "$page, nginx static" "http://127.0.0.1:$nginx_port/$page.html"
  run "$page, cached" "http://127.0.0.1:$cached_port${paths[$page]}" "$last_rps"
done
for page in "${pages[@]}"; do
  run "$page, uncached" "http://127.0.0.1:$uncached_port${paths[$page]}"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

css=$(grep -oE '/dist/site\.css\?v=[^"]+' "$work/www/event.html" | head -n1)
js=$(grep -oE '/dist/site\.js\?v=[^"]+' "$work/www/event.html" | head -n1)
size() { curl -fs -o /dev/null -w '%{size_download}' "$@"; }
html_b=$(size "http://127.0.0.1:$cached_port$event"); css_b=$(size "http://127.0.0.1:$cached_port$css"); js_b=$(size "http://127.0.0.1:$cached_port$js")
gz() { size -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$cached_port$1"; }
echo
echo "Event page weight: HTML $html_b B + CSS $css_b B + JS $js_b B = $((html_b + css_b + js_b)) B uncompressed;" \
  "$(( $(gz "$event") + $(gz "$css") + $(gz "$js") )) B compressed"
