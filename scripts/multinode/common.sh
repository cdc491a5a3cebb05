# Shared by the phases of scripts/multinode.sh: settings, PostgreSQL, the app instances, nginx.
# Sourced, not run. Expects $repo (the checkout) and the phase arguments already read.
BASE=${KP_MULTINODE_PORT:-5310}; LB=$BASE; PORTS=($((BASE + 1)) $((BASE + 2)) $((BASE + 3)))
export KP_PG_PORT=${KP_MULTINODE_PG_PORT:-55433} KP_PG_DIR=${KP_MULTINODE_PG_DIR:-/tmp/kp-multinode-pg}
work=${KP_MULTINODE_WORK:-/tmp/kp-multinode-$BASE}  # kept between `prepare` and `measure`
app=(dotnet "$work/app/KnowledgePlatform.Web.dll")
PYTHON=$(command -v /usr/bin/python3 || command -v python3 || true)  # the system one: a version-manager shim adds a process per start
say() { echo "multinode: $*" >&2; }

need() { # command, Debian package
  command -v "$1" >/dev/null && return
  [[ $(id -u) -eq 0 ]] || { say "$1 is missing: apt-get install -y $2"; exit 1; }
  say "installing $2…"  # waits for another apt-get on the machine instead of failing on its lock
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$2" >&2
}

sql() { psql -h 127.0.0.1 -p "$KP_PG_PORT" -U postgres -d "${DB:-postgres}" -v ON_ERROR_STOP=1 -Atq -c "$1"; }
start_postgres() { # with pg_stat_statements preloaded (a restart the first time)
  scripts/postgres.sh start >/dev/null
  if [[ $(sql "SHOW shared_preload_libraries") != *pg_stat_statements* ]]; then
    sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
    scripts/postgres.sh stop; scripts/postgres.sh start >/dev/null
  fi
}

# Every instance and command-line run gets the same settings; Application Name tells in
# pg_stat_activity (and in the scheduled-publishing check) which instance a session belongs to.
settings_for() { # database, application name → the array `common`
  common=(--Database:Provider=Postgres
    "--ConnectionStrings:Default=Host=127.0.0.1;Port=$KP_PG_PORT;Username=postgres;Database=$1;Maximum Pool Size=40;Application Name=$2"
    "--Storage:DataPath=$work/data" "--Sync:Root=$repo/uSync" --Logging:LogLevel:Default=Warning --Logging:LogLevel:KnowledgePlatform=Information)
}
# Runtime settings for several instances sharing few cores (README "Running several instances"):
# workstation GC, and thread-pool workers that sleep at once instead of spinning for more work (the
# spinning took CPU the other instances needed; docs/benchmarks.md). Set either to override.
INSTANCE_GC_SERVER=${DOTNET_gcServer:-0}
INSTANCE_SPIN_LIMIT=${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}
start_instance() { # port, database, extra settings…
  local port=$1 db=$2; shift 2
  settings_for "$db" "kp-$port"
  DOTNET_gcServer=$INSTANCE_GC_SERVER DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=$INSTANCE_SPIN_LIMIT \
    ASPNETCORE_ENVIRONMENT=Production "${app[@]}" --urls "http://127.0.0.1:$port" "${common[@]}" "$@" >>"$work/app-$port.log" 2>&1 &
  echo $! >"$work/app-$port.pid"
}
wait_ready() {
  for _ in $(seq 1 480); do curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return; sleep 0.25; done
  say "the instance on port $1 did not start"; tail -n 20 "$work/app-$1.log" >&2; exit 1
}
stop_instances() {
  for port in "${PORTS[@]}"; do [[ -f $work/app-$port.pid ]] && kill "$(cat "$work/app-$port.pid")" 2>/dev/null || true; done
  for port in "${PORTS[@]}"; do [[ -f $work/app-$port.pid ]] && while kill -0 "$(cat "$work/app-$port.pid")" 2>/dev/null; do sleep 0.2; done; rm -f "$work/app-$port.pid"; done
}
cli() { # a command-line verb on the measured database, as "kp-cli"
  settings_for kp_multinode kp-cli
  "${app[@]}" "$@" "${common[@]}"
}

check_ports_free() {
  for port in "$LB" "${PORTS[@]}"; do  # another app answering there would be measured instead
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use; set KP_MULTINODE_PORT to a free base"; exit 1; fi
  done
}

cleanup() {
  touch "$work/stop-all"  # background pollers and load rounds end with the script
  [[ -n ${EDITOR_PID:-} ]] && kill "$EDITOR_PID" 2>/dev/null || true
  for port in "${PORTS[@]}"; do [[ -f $work/app-$port.pid ]] && kill -9 "$(cat "$work/app-$port.pid")" 2>/dev/null || true; rm -f "$work/app-$port.pid"; done
  [[ -f $work/nginx.pid ]] && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  scripts/postgres.sh stop || true
}

# nginx, round robin over the given ports. Each request is logged with the instances it tried.
nginx_for() {
  local servers=""
  for p in "$@"; do servers+="server 127.0.0.1:$p max_fails=1 fail_timeout=2s; "; done
  cat >"$work/nginx.conf" <<CONF
worker_processes 2; pid $work/nginx.pid; error_log $work/nginx-error.log error;
events { worker_connections 4096; }
http {
  log_format upstream '\$msec|\$status|\$upstream_addr|\$upstream_status|\$upstream_http_age';
  access_log $work/access.log upstream buffer=256k flush=1s;
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
