# Publish-to-visible of scripts/multinode.sh: under read load an editor publishes one item every
# few seconds (`content touch` on the command line, a process of its own); each instance is polled
# directly, from before the publish, until it serves the new title.
background_load() { # rounds of wrk through nginx until $work/stop-load exists → file
  ( while [[ ! -f $work/stop-load && ! -f $work/stop-all ]]; do wrk -t2 -c"$CONNECTIONS" -d10s -s "$work/mixed.lua" "http://127.0.0.1:$LB" 2>&1; done ) >"$1" &
  load_pid=$!
}
stop_background_load() { touch "$work/stop-load"; wait "$load_pid" || true; rm -f "$work/stop-load"; }

# The editor: one `content touch --title -` process for the whole run, publishing each title it is
# sent (starting a process per publish takes seconds on a loaded machine and would hide the figure).
# A first publish before anything is measured: it waits for the process to be up.
start_editor() {
  coproc EDITOR { cli content touch --slug "$TOUCH_SLUG" --title - 2>>"$work/touch-errors.txt"; }
  echo "Multinode opwarmen $RANDOM" >&"${EDITOR[1]}"
  local line; read -r -t 300 line <&"${EDITOR[0]}" || { say "the editor process did not answer"; exit 1; }
  sleep 2  # the eviction of that publish reaches every instance
}
stop_editor() { local fd=${EDITOR[1]}; eval "exec $fd>&-"; wait "$EDITOR_PID" || true; }

# One publish, timed on every instance; appends "port ms" lines to ${LAT_FILE:-$work/latencies.txt}.
# Sets PUB_RESULT: "refused" when the publish was refused, else "missed N" (instances that did not
# show it within 15 s).
publish_once() { # label, ports…
  local label=$1; shift
  local title="Multinode $label $RANDOM$RANDOM" pollers=() line committed="" port what seen missed=0
  for port in "$@"; do  # one keep-alive connection each: a process per request would time the poller
    "$PYTHON" scripts/multinode/poll.py "$port" "/agenda/$TOUCH_SLUG" "$title" "$work/stop-$label" "$work/stop-all" >"$work/seen-$label-$port.txt" &
    pollers+=($!)
  done
  sleep 0.3  # the pollers are up and see the old page
  echo "$title" >&"${EDITOR[1]}"
  if read -r -t 240 line <&"${EDITOR[0]}" && [[ $line == gepubliceerd* ]]; then committed=$(awk '{print $2}' <<<"$line"); fi
  [[ -n $committed ]] || touch "$work/stop-$label"
  ( sleep 15; touch "$work/stop-$label" ) >/dev/null 2>&1 & local stopper=$!
  wait "${pollers[@]}"
  kill "$stopper" 2>/dev/null || true
  [[ -n $committed ]] || { PUB_RESULT=refused; return; }
  for port in "$@"; do
    read -r what _ seen <"$work/seen-$label-$port.txt"
    if [[ $what == seen ]]; then echo "$port $((seen - committed))" >>"${LAT_FILE:-$work/latencies.txt}"; else missed=$((missed + 1)); fi
  done
  PUB_RESULT="missed $missed"
}

pct() { sort -n | awk -v p="$1" '{v[NR] = $1} END {i = int((NR * p + 99) / 100); if (i < 1) i = 1; print v[i]}'; }  # nearest rank

# Without read load first (what the mechanism itself takes), then under load (the figure asked for).
publish_idle() {
  : >"$work/latencies-idle.txt"
  for i in $(seq 1 10); do LAT_FILE=$work/latencies-idle.txt publish_once "idle$i" "${PORTS[@]}"; sleep 1; done
  IDLE_N=$(wc -l <"$work/latencies-idle.txt")
  IDLE_P50=$(awk '{print $2}' "$work/latencies-idle.txt" | pct 50); IDLE_MAX=$(awk '{print $2}' "$work/latencies-idle.txt" | sort -n | tail -n1)
}

publish_to_visible() {
  nginx_for "${PORTS[@]}"
  publish_idle
  background_load "$work/wrk-publish.txt"
  : >"$work/latencies.txt"; PUB_MISSES=0; PUB_REFUSED=0
  for i in $(seq 1 "$PUBLISHES"); do
    publish_once "p$i" "${PORTS[@]}"; read -r what n <<<"$PUB_RESULT"
    [[ $what == refused ]] && PUB_REFUSED=$((PUB_REFUSED + 1))
    [[ $what == missed ]] && PUB_MISSES=$((PUB_MISSES + n))
    sleep 2
  done
  stop_background_load
  PUB_LOAD=$(cat "$work/wrk-publish.txt")
  PUB_N=$(wc -l <"$work/latencies.txt")
  PUB_P50=$(awk '{print $2}' "$work/latencies.txt" | pct 50); PUB_P99=$(awk '{print $2}' "$work/latencies.txt" | pct 99)
  PUB_MAX=$(awk '{print $2}' "$work/latencies.txt" | sort -n | tail -n1)
  PUB_OVER=$(awk '$2 > 1000' "$work/latencies.txt" | wc -l)
  PUB_PER=$(for port in "${PORTS[@]}"; do
    printf '%s: p50 %s ms, max %s ms; ' "$port" "$(awk -v p="$port" '$1 == p {print $2}' "$work/latencies.txt" | pct 50)" \
      "$(awk -v p="$port" '$1 == p {print $2}' "$work/latencies.txt" | sort -n | tail -n1)"; done)
}
