# The read load of scripts/multinode.sh: the paths, wrk helpers, requests/s with 1 and 3 instances
# behind nginx, and the database work per request (pg_stat_statements, pg_stat_database).
api_paths() { # type, count → site paths of the newest published items of that type
  curl -fs "http://127.0.0.1:${PORTS[0]}/api/v1/content?type=$1&sort=-published&pageSize=$2" \
    | { grep -oE '"url":"http://[^/]+[^"]+"' || true; } | sed -E 's/"url":"http:\/\/[^/]+//; s/"$//'
}
make_load() {
  { printf '%s\n' / /agenda /verslagen /dossiers /zoeken?q=jeugd
    api_paths event 8; api_paths meetingReport 6; api_paths dossier 4; api_paths dossierArticle 4; } >"$work/paths.txt"
  { echo 'local paths = {'; sed 's/.*/  "&",/' "$work/paths.txt"; echo '}'
    echo 'local i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } >"$work/mixed.lua"
}
warm() { for p in "$@"; do while read -r path; do curl -fs -o /dev/null "http://127.0.0.1:$p$path" || true; done <"$work/paths.txt"; done; }
wrk_run() { wrk -t2 -c"$CONNECTIONS" -d"${1}s" --latency -s "$work/mixed.lua" "http://127.0.0.1:$LB" 2>&1; }
rps_of() { awk '/Requests\/sec/ {s += $2; n++} END {printf "%.1f", (n ? s / n : 0)}' <<<"$1"; }  # mean over rounds
requests_of() { awk '/requests in/ {s += $1} END {print s + 0}' <<<"$1"; }
errors_of() { # non-2xx/3xx responses + socket errors (connect, read, write, timeout)
  local non2xx sock
  non2xx=$(awk '/Non-2xx/ {s += $NF} END {print s + 0}' <<<"$1")
  sock=$(awk '/Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} END {print s + 0}' <<<"$1")
  echo $((non2xx + sock))
}
p_of() { awk -v p="$2" '$1 == p"%" {print $2}' <<<"$1" | paste -sd/; }  # latency percentile per round

stats_reset() { DB=kp_multinode sql "SELECT pg_stat_statements_reset()" >/dev/null; }
stats_total() { # statements and their execution ms in the measured database since the reset
  DB=kp_multinode sql "SELECT coalesce(sum(calls), 0) || ' ' || round(coalesce(sum(total_exec_time), 0)::numeric, 1)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kp_multinode')
    AND query NOT ILIKE '%pg_stat_%'"
}
xacts_now() { sql "SELECT xact_commit + xact_rollback || ' ' || tup_returned || ' ' || tup_fetched FROM pg_stat_database WHERE datname = 'kp_multinode'"; }

# Requests/s through nginx with 1 and with 3 instances, alternating, ROUNDS rounds each.
throughput() {
  declare -gA RPS ERR QPR MSPR XPR P50 P99 SPREAD
  declare -A reqs calls ms xacts outs
  for round in $(seq 1 "$ROUNDS"); do
    for n in 1 3; do
      nginx_for "${PORTS[@]:0:$n}"; warm "${PORTS[@]:0:$n}"; wrk_run 3 >/dev/null
      sleep 1.2; : >"$work/access.log"  # after nginx flushed the warm-up's lines
      stats_reset; sleep 1.5; read -r x0 _ _ <<<"$(xacts_now)"
      out=$(wrk_run "$DURATION")
      sleep 1.5  # pg_stat_database is flushed about once a second
      read -r c m <<<"$(stats_total)"; read -r x1 _ _ <<<"$(xacts_now)"
      r=$(requests_of "$out")
      reqs[$n]=$(( ${reqs[$n]:-0} + r )); calls[$n]=$(( ${calls[$n]:-0} + c )); xacts[$n]=$(( ${xacts[$n]:-0} + x1 - x0 ))
      ms[$n]=$(awk -v a="${ms[$n]:-0}" -v b="$m" 'BEGIN {print a + b}')
      outs[$n]+="$out"$'\n'
      sleep 1.2  # the access log is flushed each second
      SPREAD[$n]=$(awk -F'|' '{split($3, a, ", "); n[a[1]]++} END {for (u in n) printf "%s %d; ", u, n[u]}' "$work/access.log")
      echo "--- round $round, $n instance(s) ---"; echo "$out"
    done
  done
  for n in 1 3; do
    RPS[$n]=$(rps_of "${outs[$n]}"); ERR[$n]=$(errors_of "${outs[$n]}")
    P50[$n]=$(p_of "${outs[$n]}" 50); P99[$n]=$(p_of "${outs[$n]}" 99)
    QPR[$n]=$(awk -v c="${calls[$n]}" -v r="${reqs[$n]}" 'BEGIN {printf "%.3f", c / r}')
    MSPR[$n]=$(awk -v t="${ms[$n]}" -v r="${reqs[$n]}" 'BEGIN {printf "%.4f", t / r}')
    XPR[$n]=$(awk -v x="${xacts[$n]}" -v r="${reqs[$n]}" 'BEGIN {printf "%.3f", x / r}')
  done
  DB=kp_multinode sql "SELECT calls || ' calls, ' || round(total_exec_time::numeric, 1) || ' ms: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 140)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kp_multinode') AND query NOT ILIKE '%pg_stat_%'
    ORDER BY total_exec_time DESC LIMIT 8" >"$work/top-statements.txt"
}

# What three idle instances ask of the database per second (their polls): the floor per instance.
idle_cost() {
  stats_reset; sleep 20
  read -r IDLE_CALLS IDLE_MS <<<"$(stats_total)"
  DB=kp_multinode sql "SELECT calls || ' calls, ' || round(total_exec_time::numeric, 1) || ' ms: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 140)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kp_multinode') AND query NOT ILIKE '%pg_stat_%'
    ORDER BY calls DESC LIMIT 8" >"$work/idle-statements.txt"
}
