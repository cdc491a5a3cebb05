# The figures of one `measure` run of scripts/multinode.sh, as text for docs/benchmarks.md.
report() {
  set +u  # a partial run (KP_MULTINODE_STEPS) leaves figures unset
  local expected_migrations
  expected_migrations=$(ls src/KnowledgePlatform.Web/Data/Migrations/Postgres/*.sql | wc -l)
  cat <<REPORT

Several instances on one PostgreSQL behind nginx — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores
load average at start: $LOAD_AT_START; at the end: $LOAD_AT_END
instances: DOTNET_gcServer=$INSTANCE_GC_SERVER, DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=$INSTANCE_SPIN_LIMIT; each warmed directly for ${WARM:-5} s before the first round
wrk -t2 -c$CONNECTIONS, mixed read load over $(wc -l <"$work/paths.txt") paths (home, agenda, reports, dossiers, one search, detail pages)

Start-up (prepare): 3 instances started together on an empty database: uSync imports logged $imports;
  migrations recorded $migrations of $expected_migrations scripts; $demo_items demo items ($demo_keys distinct keys), $demo_versions versions
Corpus: $published_items published items (corpus generate $corpus_count)

Throughput through nginx ($ROUNDS rounds of ${DURATION} s each, alternating; figures are means / per round):
| instances behind nginx | req/s | errors | p50 (per round) | p99 (per round) | statements/request | DB ms/request | transactions/request |
|---|---:|---:|---:|---:|---:|---:|---:|
| 1 | ${RPS[1]} | ${ERR[1]} | ${P50[1]} | ${P99[1]} | ${QPR[1]} | ${MSPR[1]} | ${XPR[1]} |
| 3 | ${RPS[3]} | ${ERR[3]} | ${P50[3]} | ${P99[3]} | ${QPR[3]} | ${MSPR[3]} | ${XPR[3]} |
3 vs 1: $(awk -v a="${RPS[3]}" -v b="${RPS[1]}" 'BEGIN {printf "%.2f", a / b}')× (target ≥ 0.90×)
CPU per request over the measured rounds (µs; instances = all three processes, busy = the whole machine) and pages rendered (no Age header: not from an output cache):
| instances behind nginx | instances µs/request | nginx µs/request | machine busy µs/request | context switches/request | rendered |
|---|---:|---:|---:|---:|---:|
| 1 | ${APPUS[1]} | ${NGXUS[1]} | ${BUSYUS[1]} | ${CTXPR[1]} | ${MISSES[1]} |
| 3 | ${APPUS[3]} | ${NGXUS[3]} | ${BUSYUS[3]} | ${CTXPR[3]} | ${MISSES[3]} |
Requests per instance in the last 3-instance round (nginx log): ${SPREAD[3]}
Statements with most time over the throughput rounds:
$(sed 's/^/  /' "$work/top-statements.txt")
Idle: 3 instances without requests ask $(awk -v c="$IDLE_CALLS" 'BEGIN {printf "%.1f", c / 20}') statements/s ($(awk -v t="$IDLE_MS" 'BEGIN {printf "%.2f", t / 20}') ms/s of execution) together:
$(sed 's/^/  /' "$work/idle-statements.txt")

Publish-to-visible ($PUBLISHES publishes of /agenda/$TOUCH_SLUG via 'content touch', each instance polled directly, under read load):
  p50 ${PUB_P50:-–} ms, p99 ${PUB_P99:-–} ms, max ${PUB_MAX:-–} ms over $PUB_N observations; over 1 s: $PUB_OVER; not seen within 15 s: $PUB_MISSES; publishes refused: $PUB_REFUSED
  per instance: $PUB_PER
  without read load (10 publishes): p50 ${IDLE_P50:-–} ms, max ${IDLE_MAX:-–} ms over ${IDLE_N:-0} observations
  read load meanwhile: $(rps_of "$PUB_LOAD") req/s, errors $(errors_of "$PUB_LOAD")

kill -9 of the instance on ${PORTS[2]} under load ($((DURATION + 15)) s of wrk, killed at 5 s, restarted 5 s later; ready ${KILL_RESTART_S} s after its start):
  readers (wrk): errors $(errors_of "$KILL_LOAD") of $(requests_of "$KILL_LOAD") requests, $(rps_of "$KILL_LOAD") req/s
  nginx: $KILL_TOTAL requests ($KILL_BEFORE before the kill); answered ≥ 500: $KILL_FAILED, of which not involving the killed instance: $KILL_FAILED_ELSEWHERE
  in flight on the killed instance when it died (nginx error log: connection closed/reset): $KILL_INFLIGHT; connects refused while it was down: $KILL_REFUSED
  requests nginx retried on another instance: $KILL_RETRIED, of which first tried on the killed instance: $KILL_RETRIED_FROM_VICTIM
  after the restart it served $KILL_AFTER_VICTIM of $KILL_AFTER_TOTAL requests through nginx (no manual step)
  a publish after the restart, seen on: $KILL_REJOIN_SEEN

Session: sign-in through ${PORTS[0]}: HTTP $SESSION_LOGIN; GET /beheer with that session: $SESSION_GETS without it: $SESSION_ANON
Scheduled publishing: $SCHEDULED drafts made and scheduled through ${PORTS[1]} and ${PORTS[2]} with that session (form read on one, posted to the other): $SCHED_POSTS
  a POST without an antiforgery token: HTTP $SCHED_NO_TOKEN; all schedules saved before the minute: $([[ $SCHED_SAVED_BEFORE == 1 ]] && echo yes || echo NO)
  due $SCHED_DATE $SCHED_TIME (Amsterdam), instances check every 2 s: $SCHED_PUBLISHED of $SCHED_KEYS published (live version 1); last publish ${SCHED_LAST:-–} after the minute
  audit trail 'content.publish-scheduled': $SCHED_AUDIT; failed: $SCHED_FAILED
  outbox 'content.published': $SCHED_OUTBOX; $SCHED_VERSIONS
  published by: $SCHED_BY
REPORT
}
