#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for tests and benchmarks, installing the
# Debian packages first when they are missing. Prints the admin connection string on stdout.
#   scripts/postgres.sh start   (idempotent)     scripts/postgres.sh stop
set -euo pipefail
PGPORT="${KP_PG_PORT:-55432}"
PGDIR="${KP_PG_DIR:-/tmp/kp-postgres-$PGPORT}"
say() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$dir" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

install_postgres() {
  if [[ $(id -u) -ne 0 ]]; then
    say "PostgreSQL is not installed and this is not root. Install it with: sudo apt-get install -y postgresql postgresql-contrib"
    exit 1
  fi
  say "installing PostgreSQL from Debian packages…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql postgresql-contrib >&2 \
    || { say "could not install postgresql with apt-get (is a Debian package mirror reachable?)"; exit 1; }
}

run_as_pg() {
  # initdb and postgres refuse to run as root.
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  bin=$(find_bin) || { install_postgres; bin=$(find_bin) || { say "pg_ctl not found after install"; exit 1; }; }
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql postgres
  fi
  if ! run_as_pg "$bin/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
    if [[ ! -f "$PGDIR/PG_VERSION" ]]; then
      mkdir -p "$PGDIR"
      [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PGDIR"
      run_as_pg "$bin/initdb" -D "$PGDIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # The server outlives this script: it must not inherit our open files, or it would hold the
    # lock of the /work/heavy wrapper that started it for ever (and /work/bench would wait for it).
    # PostgreSQL's default shared_buffers (128 MB) is sized for tiny machines: at 100,000 documents
    # the search's working set (GIN index, vectors, facets) does not fit, and every query re-reads
    # pages through the kernel (PostgreSQL mid-term search p95 40 ms instead of 29). A quarter of
    # the memory, as PostgreSQL's documentation advises for a dedicated server, at most 2 GB;
    # the memory is only taken as pages are used. KP_PG_SHARED_BUFFERS overrides it.
    local buffers="${KP_PG_SHARED_BUFFERS:-$(awk '/^MemTotal:/ { mb = int($2 / 4096); print (mb > 2048 ? 2048 : mb) "MB" }' /proc/meminfo)}"
    ( for fd in $(ls "/proc/$BASHPID/fd"); do (( fd > 2 && fd != 255 )) && eval "exec $fd>&-" 2>/dev/null; done
      run_as_pg "$bin/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=$buffers" \
        start >/dev/null ) || { say "PostgreSQL did not start; see $PGDIR/server.log"; tail -n 20 "$PGDIR/server.log" >&2; exit 1; }
  fi
  echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
}

stop() {
  local bin
  bin=$(find_bin) || exit 0
  run_as_pg "$bin/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) say "usage: scripts/postgres.sh start|stop"; exit 2 ;;
esac
