# Sign in through instance A; use that session and its antiforgery tokens through B and C
# (scripts/multinode.sh). The cookies are Secure: a browser sends them over https only; here each
# instance is reached over http on loopback, so curl sends them as a plain header from a jar file.
jar_remember() { # response headers → the jar ("name value" lines; an emptied cookie is dropped)
  tr -d '\r' <"$1" | grep -i '^set-cookie:' | sed -E 's/^[^:]+: *([^=]+)=([^;]*).*/\1 \2/' | while read -r name value; do
    grep -vF "$name " "$work/jar" >"$work/jar.new" || true
    [[ -n $value ]] && echo "$name $value" >>"$work/jar.new"
    mv "$work/jar.new" "$work/jar"
  done
}
jar_header() { awk '{printf "%s%s=%s", (NR > 1 ? "; " : ""), $1, $2}' "$work/jar"; }
page() { # port, path → body; cookies remembered
  curl -s -D "$work/h" -H "Cookie: $(jar_header)" "http://127.0.0.1:$1$2"; jar_remember "$work/h"
}
form_post() { # port, path, field=value… → HTTP status; the Location header in $work/location
  local port=$1 path=$2 args=() status; shift 2
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  status=$(curl -s -o "$work/post.html" -D "$work/h" -w '%{http_code}' -H "Cookie: $(jar_header)" "${args[@]}" "http://127.0.0.1:$port$path")
  jar_remember "$work/h"
  tr -d '\r' <"$work/h" | awk 'tolower($1) == "location:" {print $2}' >"$work/location"
  echo "$status"
}
token_of() { grep -oE 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -n1 | sed -E 's/.*value="//; s/"$//'; }

sign_in_and_spread() {
  local a=${PORTS[0]} admin="multinode-$RANDOM@example.nl" password="Multinode-Paard-$RANDOM-Batterij" token
  echo "$password" | cli users create-admin --email "$admin" >/dev/null 2>>"$work/cli-errors.txt" || say "users create-admin failed"
  : >"$work/jar"
  token=$(page "$a" /beheer/inloggen | token_of)
  SESSION_LOGIN=$(form_post "$a" /beheer/inloggen "Email=$admin" "Password=$password" "__RequestVerificationToken=$token")
  SESSION_LOGIN+=" → $(cat "$work/location")"
  SESSION_GETS=""
  for port in "${PORTS[@]}"; do
    SESSION_GETS+="$port $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(jar_header)" "http://127.0.0.1:$port/beheer"); "
  done
  SESSION_ANON=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORTS[1]}/beheer")
}

# SCHEDULED drafts made through B and C (the form read on one, posted to the other), each scheduled
# for the same Amsterdam minute the same way; then every POST without a token must be refused.
make_scheduled_drafts() {
  local b=${PORTS[1]} c=${PORTS[2]} i from to token status key
  SCHED_AT_EPOCH=$(( ( $(date +%s) + 60 ) / 60 * 60 + 60 ))  # a whole minute, 1–2 minutes away
  SCHED_DATE=$(TZ=Europe/Amsterdam date -d "@$SCHED_AT_EPOCH" +%F); SCHED_TIME=$(TZ=Europe/Amsterdam date -d "@$SCHED_AT_EPOCH" +%H:%M)
  SCHED_RUN="mn$RANDOM"; : >"$work/scheduled-keys.txt"; : >"$work/post-statuses.txt"
  for i in $(seq 1 "$SCHEDULED"); do
    if (( i % 2 )); then from=$b to=$c; else from=$c to=$b; fi
    token=$(page "$from" "/beheer/inhoud/bewerken?type=Event" | token_of)
    status=$(form_post "$to" "/beheer/inhoud/bewerken?type=Event" "__RequestVerificationToken=$token" \
      "Form.Title=Gepland $SCHED_RUN nummer $i" "Form.StartDate=2031-05-14" "Form.StartTime=14:00" "Form.EndTime=17:00" \
      "Form.VenueName=Stadhuis" "Form.VenueCity=Utrecht" "Form.Summary=Een geplande bijeenkomst." "Form.Body=<p>Gepland.</p>")
    key=$(sed -E 's|.*/||' "$work/location")
    echo "create $status" >>"$work/post-statuses.txt"
    [[ $status == 302 && $key =~ ^[0-9a-f-]{36}$ ]] || { say "draft $i: HTTP $status"; continue; }
    echo "$key" >>"$work/scheduled-keys.txt"
    token=$(page "$to" "/beheer/inhoud/bewerken/$key" | token_of)
    status=$(form_post "$from" "/beheer/inhoud/bewerken/$key?handler=Schedule" "__RequestVerificationToken=$token" \
      "PublishDate=$SCHED_DATE" "PublishTime=$SCHED_TIME")
    echo "schedule $status" >>"$work/post-statuses.txt"
  done
  SCHED_SAVED_BEFORE=$(( $(date +%s) < SCHED_AT_EPOCH ))
  SCHED_POSTS=$(awk '{n[$1 " " $2]++} END {for (k in n) printf "%s: %d; ", k, n[k]}' "$work/post-statuses.txt")
  SCHED_NO_TOKEN=$(form_post "$b" "/beheer/inhoud/bewerken?type=Event" "Form.Title=Zonder token" "Form.StartDate=2031-05-14")
}

# Waits for the minute and for every draft to be published (or 120 s after the minute), then counts.
check_scheduled() {
  local quoted
  quoted=$(sed "s/.*/'&'/" "$work/scheduled-keys.txt" | paste -sd,)
  [[ -n $quoted ]] || { SCHED_RESULT="no drafts were made"; return; }
  SCHED_KEYS=$(wc -l <"$work/scheduled-keys.txt")
  while (( $(date +%s) < SCHED_AT_EPOCH + 120 )); do
    (( $(DB=kp_multinode sql "SELECT count(*) FROM \"ContentItems\" WHERE \"Key\"::text IN ($quoted) AND \"Status\" = 'Published'") == SCHED_KEYS )) && break
    sleep 1
  done
  sleep 3  # a late second publish would show up here
  SCHED_PUBLISHED=$(DB=kp_multinode sql "SELECT count(*) FROM \"ContentItems\" WHERE \"Key\"::text IN ($quoted) AND \"Status\" = 'Published' AND \"LiveVersion\" = 1")
  SCHED_AUDIT=$(DB=kp_multinode sql "SELECT count(*) || ' entries; per item min ' || coalesce(min(n), 0) || ', max ' || coalesce(max(n), 0) || ' over ' || count(*) || ' items'
    FROM (SELECT count(*) n FROM \"AuditEntries\" WHERE \"Action\" = 'content.publish-scheduled' AND \"TargetId\" IN ($quoted) GROUP BY \"TargetId\") x")
  SCHED_OUTBOX=$(DB=kp_multinode sql "SELECT coalesce(sum(n), 0) || ' rows; per item min ' || coalesce(min(n), 0) || ', max ' || coalesce(max(n), 0)
    FROM (SELECT count(*) n FROM \"Outbox\" WHERE \"Kind\" = 'content.published' AND \"ContentKey\"::text IN ($quoted) GROUP BY \"ContentKey\") x")
  SCHED_VERSIONS=$(DB=kp_multinode sql "SELECT count(*) || ' versions for ' || count(DISTINCT \"ContentKey\") || ' items' FROM \"ContentVersions\" WHERE \"ContentKey\"::text IN ($quoted)")
  SCHED_BY=$(DB=kp_multinode sql "SELECT app || ': ' || count(*) FROM bench_scheduled_publishes WHERE target IN ($quoted) GROUP BY app ORDER BY app" | paste -sd' ')
  SCHED_LAST=$(DB=kp_multinode sql "SELECT round(extract(epoch FROM max(at)) - $SCHED_AT_EPOCH, 1) || ' s' FROM bench_scheduled_publishes WHERE target IN ($quoted)")
  SCHED_FAILED=$(DB=kp_multinode sql "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'content.publish-scheduled-failed' AND \"TargetId\" IN ($quoted)")
}

# Which instance's session wrote each scheduled publish: a trigger on the audit trail, in the
# benchmark's database only, notes application_name (each instance has its own) in the same transaction.
note_publishers() {
  DB=kp_multinode sql "CREATE TABLE IF NOT EXISTS bench_scheduled_publishes (target text, app text, at timestamptz DEFAULT clock_timestamp())"
  DB=kp_multinode sql "CREATE OR REPLACE FUNCTION bench_note_publisher() RETURNS trigger LANGUAGE plpgsql AS \$\$
    BEGIN INSERT INTO bench_scheduled_publishes (target, app) VALUES (NEW.\"TargetId\", current_setting('application_name')); RETURN NEW; END \$\$"
  DB=kp_multinode sql "CREATE OR REPLACE TRIGGER bench_note_publisher AFTER INSERT ON \"AuditEntries\" FOR EACH ROW
    WHEN (NEW.\"Action\" = 'content.publish-scheduled') EXECUTE FUNCTION bench_note_publisher()"
}
