# kill -9 of one instance under read load (scripts/multinode.sh): what the readers see, which
# requests failed or were retried and on which instance, and whether the restarted instance rejoins.
kill_one() {
  local victim=${PORTS[2]} len=$((DURATION + 15))
  nginx_for "${PORTS[@]}"; sleep 1.2; : >"$work/access.log"; : >"$work/nginx-error.log"
  wrk -t2 -c"$CONNECTIONS" -d"${len}s" -s "$work/mixed.lua" "http://127.0.0.1:$LB" >"$work/wrk-kill.txt" 2>&1 &
  local wrk_pid=$!
  sleep 5
  kill -9 "$(cat "$work/app-$victim.pid")"; KILLED_AT=$(date +%s.%N)
  sleep 5
  start_instance "$victim" kp_multinode "${INSTANCE_SETTINGS[@]}"; local started=$(date +%s.%N)
  wait_ready "$victim"; BACK_AT=$(date +%s.%N)
  wait "$wrk_pid" || true
  sleep 1.5  # nginx flushes its access log each second
  KILL_LOAD=$(cat "$work/wrk-kill.txt")
  local up="127.0.0.1:$victim" log="$work/access.log"
  KILL_TOTAL=$(wc -l <"$log")
  # Field 3 lists every instance nginx tried for the request, in order ("A, B" = retried on B).
  KILL_TRIED_VICTIM=$(awk -F'|' -v up="$up" 'index($3, up) && $1 > k' k="$KILLED_AT" "$log" | wc -l)
  KILL_RETRIED=$(awk -F'|' '$3 ~ /, /' "$log" | wc -l)
  KILL_RETRIED_FROM_VICTIM=$(awk -F'|' -v up="$up" '$3 ~ /, / && index($3, up ",") == 1' "$log" | wc -l)
  KILL_FAILED=$(awk -F'|' '$2 >= 500' "$log" | wc -l)
  KILL_FAILED_ELSEWHERE=$(awk -F'|' -v up="$up" '$2 >= 500 && !index($3, up)' "$log" | wc -l)
  KILL_BEFORE=$(awk -F'|' -v k="$KILLED_AT" '$1 < k' "$log" | wc -l)
  # nginx's error log: requests that were on the victim when it died, and connects it refused while down.
  KILL_INFLIGHT=$(grep -F "$up" "$work/nginx-error.log" | grep -cE "prematurely closed|reset by peer|Broken pipe" || true)
  KILL_REFUSED=$(grep -F "$up" "$work/nginx-error.log" | grep -c "Connection refused" || true)
  KILL_AFTER_TOTAL=$(awk -F'|' -v t="$BACK_AT" '$1 > t' "$log" | wc -l)
  KILL_AFTER_VICTIM=$(awk -F'|' -v t="$BACK_AT" -v up="$up" '$1 > t && $3 == up' "$log" | wc -l)
  KILL_RESTART_S=$(awk -v a="$started" -v b="$BACK_AT" 'BEGIN {printf "%.1f", b - a}')
  # The rejoined instance also hears about changes: one more publish, timed on every instance.
  : >"$work/latencies-rejoin.txt"
  LAT_FILE=$work/latencies-rejoin.txt publish_once rejoin "${PORTS[@]}"
  KILL_REJOIN_SEEN="$(awk '{printf "%s %s ms; ", $1, $2}' "$work/latencies-rejoin.txt")$PUB_RESULT"
}
