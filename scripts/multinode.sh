#!/usr/bin/env bash
# Several app instances on one PostgreSQL behind nginx (round robin), as issue 8 asks. Two phases:
#   scripts/multinode.sh prepare [count=2000]
#       build work (run it under /work/heavy): the published Release build, the databases, three
#       instances starting together on an empty database (the demo must be imported once), and a
#       generated corpus of `count` items for the measurements;
#   scripts/multinode.sh measure [seconds=20] [connections=32] [publishes=20] [scheduled=50] [rounds=2]
#       the measurements (run it under /work/bench; about 8 minutes), one run, every figure:
#       1. requests/s of a mixed read load (wrk) through nginx with 1 and with 3 instances behind it
#          (alternating, `rounds` rounds each), with the database work per request
#          (pg_stat_statements, pg_stat_database) and what idle instances cost the database;
#       2. publish-to-visible: under read load `publishes` edits+publishes through the command line;
#          each instance is polled directly until it serves the change (3 observations per publish);
#       3. kill -9 of one instance under load: what readers see, which requests failed or nginx
#          retried and on which instance, and the restarted instance serving and hearing changes again;
#       4. sign in through instance A, then use the session through B and C: `scheduled` drafts are
#          made and scheduled for one minute through B and C (each form read on one, posted to the
#          other: antiforgery tokens cross instances), a POST without a token is refused; when the
#          minute comes, each must be published exactly once (audit trail, outbox, versions), and
#          which instance published it is shown.
#   scripts/multinode.sh all   both, in one go.
# Uses its own PostgreSQL (scripts/postgres.sh on port 55433, KP_MULTINODE_PG_PORT), restarted once
# with pg_stat_statements preloaded, so the shared test server is left alone. Ports: KP_MULTINODE_PORT
# (5310) for nginx, the next three for the instances. The figures end up in $work/report.txt.
set -eEuo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
phase=${1:-all}; shift || true
for part in common prepare load publish kill session report; do source "scripts/multinode/$part.sh"; done

need wrk wrk; need nginx nginx; need curl curl; need psql postgresql-client; need python3 python3
trap cleanup EXIT
trap 'say "failed at ${BASH_SOURCE[0]}:$LINENO: $BASH_COMMAND"' ERR
check_ports_free

# KP_MULTINODE_STEPS picks steps for a quick look (default: all); the report shows blanks for the rest.
step() { [[ " ${KP_MULTINODE_STEPS:-throughput publish kill session} " == *" $1 "* ]]; }

measure() {
  DURATION=${1:-20}; CONNECTIONS=${2:-32}; PUBLISHES=${3:-20}; SCHEDULED=${4:-50}; ROUNDS=${5:-2}
  [[ -f $work/startup.env ]] || { say "run 'scripts/multinode.sh prepare' first"; exit 1; }
  source "$work/startup.env"
  rm -f "$work"/stop-* "$work"/seen-* "$work/access.log"
  LOAD_AT_START=$(uptime | sed 's/.*load average: //')
  start_postgres
  note_publishers
  # The three race for due scheduled items every 2 s (the default, 15 s, would let one take them all).
  INSTANCE_SETTINGS=(--BackOffice:SchedulerInterval=00:00:02)
  say "starting ${#PORTS[@]} instances on the corpus…"
  for port in "${PORTS[@]}"; do start_instance "$port" kp_multinode "${INSTANCE_SETTINGS[@]}"; done
  for port in "${PORTS[@]}"; do wait_ready "$port"; done
  make_load
  TOUCH_SLUG=$(api_paths event 1); TOUCH_SLUG=${TOUCH_SLUG##*/}
  [[ -n $TOUCH_SLUG ]] || { say "the API lists no published event"; exit 1; }

  start_editor
  if step throughput; then
    say "throughput through nginx: 1 instance, then 3 ($ROUNDS rounds)…"; throughput >"$work/wrk-throughput.txt"
    say "what idle instances ask of the database…"; idle_cost
  fi
  step publish && { say "publishing 10 times, then $PUBLISHES times under load; polling each instance directly…"; publish_to_visible; }
  step kill && { say "kill -9 of the instance on ${PORTS[2]} under load…"; kill_one; }
  if step session; then
    say "signing in through ${PORTS[0]}; $SCHEDULED drafts scheduled through the others…"
    sign_in_and_spread; make_scheduled_drafts
    say "waiting for $SCHED_TIME (Amsterdam)…"; check_scheduled
  fi
  stop_editor
  LOAD_AT_END=$(uptime | sed 's/.*load average: //')
  report 2>/dev/null | tee "$work/report.txt"
}

case $phase in
  prepare) prepare "${1:-2000}" ;;
  measure) measure "$@" ;;
  all) prepare 2000; measure "$@" ;;
  *) say "usage: scripts/multinode.sh prepare [count] | measure [seconds] [connections] [publishes] [scheduled] [rounds] | all"; exit 2 ;;
esac
