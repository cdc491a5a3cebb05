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
# Before the first round every instance gets WARM seconds of the read load directly, so that each
# has run every measured path often enough to be fully compiled (tiered JIT) before anything is timed.
warm_each() { for p in "${PORTS[@]}"; do wrk -t2 -c"$CONNECTIONS" -d"${WARM:-5}s" -s "$work/mixed.lua" "http://127.0.0.1:$p" >/dev/null 2>&1; done; }
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
# Where the CPU goes (clock ticks, from /proc): the instances (all three, also the idle ones in a
# 1-instance round), nginx's workers, and the whole machine (busy = not idle/iowait), plus context
# switches machine-wide. Read before and after a round; the difference per request is the figure.
proc_ticks() { local t=0 p f; for p in "$@"; do f=$(cut -d')' -f2 "/proc/$p/stat" 2>/dev/null) && t=$((t + $(awk '{print $12 + $13}' <<<"$f"))); done; echo "$t"; }
app_pids() { local port; for port in "${PORTS[@]}"; do [[ -f $work/app-$port.pid ]] && cat "$work/app-$port.pid"; done; }
nginx_pids() { pgrep -P "$(cat "$work/nginx.pid")" 2>/dev/null || true; }
cpu_now() { # app ticks, nginx ticks, machine busy ticks, context switches
  echo "$(proc_ticks $(app_pids)) $(proc_ticks $(nginx_pids)) $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8} /^ctxt/ {c = $2} END {print c}' /proc/stat | paste -sd' ')"
}
xacts_now() { sql "SELECT xact_commit + xact_rollback || ' ' || tup_returned || ' ' || tup_fetched FROM pg_stat_database WHERE datname = 'kp_multinode'"; }

# Requests/s through nginx with 1 and with 3 instances, alternating, ROUNDS rounds each.
throughput() {
  declare -gA RPS ERR QPR MSPR XPR P50 P99 SPREAD MISSES APPUS NGXUS BUSYUS CTXPR
  declare -A reqs calls ms xacts outs cpu_app cpu_ngx cpu_busy ctx miss
  warm_each
  for round in $(seq 1 "$ROUNDS"); do
    for n in 1 3; do
      nginx_for "${PORTS[@]:0:$n}"; warm "${PORTS[@]:0:$n}"; wrk_run 3 >/dev/null
      sleep 1.2; : >"$work/access.log"  # after nginx flushed the warm-up's lines
      stats_reset; sleep 1.5; read -r x0 _ _ <<<"$(xacts_now)"
      read -r a0 g0 b0 s0 <<<"$(cpu_now)"
      out=$(wrk_run "$DURATION")
      read -r a1 g1 b1 s1 <<<"$(cpu_now)"
      cpu_app[$n]=$(( ${cpu_app[$n]:-0} + a1 - a0 )); cpu_ngx[$n]=$(( ${cpu_ngx[$n]:-0} + g1 - g0 ))
      cpu_busy[$n]=$(( ${cpu_busy[$n]:-0} + b1 - b0 )); ctx[$n]=$(( ${ctx[$n]:-0} + s1 - s0 ))
      sleep 1.5  # pg_stat_database is flushed about once a second
      read -r c m <<<"$(stats_total)"; read -r x1 _ _ <<<"$(xacts_now)"
      r=$(requests_of "$out")
      reqs[$n]=$(( ${reqs[$n]:-0} + r )); calls[$n]=$(( ${calls[$n]:-0} + c )); xacts[$n]=$(( ${xacts[$n]:-0} + x1 - x0 ))
      ms[$n]=$(awk -v a="${ms[$n]:-0}" -v b="$m" 'BEGIN {print a + b}')
      outs[$n]+="$out"$'\n'
      sleep 1.2  # the access log is flushed each second
      # A page served from an instance's output cache carries Age; one without it was rendered.
      miss[$n]=$(( ${miss[$n]:-0} + $(awk -F'|' '$5 == "-" || $5 == "" {m++} END {print m + 0}' "$work/access.log") ))
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
    MISSES[$n]=${miss[$n]}
    local hz; hz=$(getconf CLK_TCK)
    APPUS[$n]=$(awk -v t="${cpu_app[$n]}" -v h="$hz" -v r="${reqs[$n]}" 'BEGIN {printf "%.1f", t / h * 1e6 / r}')
    NGXUS[$n]=$(awk -v t="${cpu_ngx[$n]}" -v h="$hz" -v r="${reqs[$n]}" 'BEGIN {printf "%.1f", t / h * 1e6 / r}')
    BUSYUS[$n]=$(awk -v t="${cpu_busy[$n]}" -v h="$hz" -v r="${reqs[$n]}" 'BEGIN {printf "%.1f", t / h * 1e6 / r}')
    CTXPR[$n]=$(awk -v c="${ctx[$n]}" -v r="${reqs[$n]}" 'BEGIN {printf "%.2f", c / r}')
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
