#!/usr/bin/env bash
# The newsletter back-office at a realistic size, through its pages over HTTP (SQLite, one instance):
# two CSV imports of half the subscribers each, the subscriber list with its counts, a filtered list, the
# CSV export of everyone, the send page of an issue limited to themes (audience counted in memory),
# "send now" of an issue to everyone (the ledger rows are prepared; no relay listens, so the send pauses),
# the issue list over that ledger, and the GDPR export and erasure of one person. Prints the time of each
# request and the app's peak memory. Timings depend on machine load; they are reported, never asserted.
# Usage: scripts/bench-newsletter-admin.sh [subscribers]   (default 100000, an even number)
# KP_BENCH_WRAP: a command the measured part runs under (e.g. a lock that keeps other work off the machine);
# KP_BUILD_WRAP: one the build runs under.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-100000}
half=$((total / 2))
port=${KP_BENCH_PORT:-5501}
say() { echo "bench-newsletter-admin: $*" >&2; }

work=$(mktemp -d /tmp/kp-bench-nladmin-XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
${KP_BUILD_WRAP:-} dotnet build src/KnowledgePlatform.Web -c Release -v q -nologo >&2
app="dotnet src/KnowledgePlatform.Web/bin/Release/net10.0/KnowledgePlatform.Web.dll"
# Smtp:Port points at a port nothing listens on: "send now" prepares the send, the relay is down, the send pauses.
common=(--Storage:DataPath="$work/data" --Logging:LogLevel:Default=Warning --Smtp:Host=127.0.0.1 --Smtp:Port=9 --Smtp:UseStartTls=false
  --Newsletter:ImportMaxRows="$half")

# Subscribers as an editor's spreadsheet would hold them: a name, some a theme and a region, some "alles".
themes=$(grep -o '"slug": "[^"]*"' uSync/vocabularies/132b6328-001c-4a2a-9a56-6dee22d20f58.json | cut -d'"' -f4 | paste -sd' ')
regions=$(grep -o '"slug": "[^"]*"' uSync/vocabularies/f8101bdf-792c-4a7b-893b-6dea0fe1aabb.json | cut -d'"' -f4 | paste -sd' ')
for part in 1 2; do
  awk -v from=$(( (part - 1) * half )) -v n="$half" -v t="$themes" -v r="$regions" 'BEGIN {
    nt = split(t, T, " "); nr = split(r, R, " "); print "E-mailadres;Naam;Thema'"'"'s;Regio'"'"'s";
    for (i = from; i < from + n; i++) printf "lezer%d@example.nl;Lezer %d;%s;%s\n", i, i, (i % 3 ? T[i % nt + 1] : ""), (i % 3 ? R[i % nr + 1] : "") }' \
    >"$work/part$part.csv"
done
say "files: 2 × $half rows ($(du -k "$work/part1.csv" | cut -f1) kB each)"

admin="bench-$RANDOM@example.nl"; password="Bench-Paard-$RANDOM-Batterij"
echo "$password" | $app users create-admin --email "$admin" "${common[@]}" >"$work/admin.log" 2>&1 || { say "users create-admin failed"; cat "$work/admin.log" >&2; exit 1; }
ASPNETCORE_ENVIRONMENT=Production $app --urls "http://127.0.0.1:$port" "${common[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.5; done
curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" || { say "the app did not start"; cat "$work/app.log" >&2; exit 1; }

cookies_of() { grep -i '^set-cookie:' "$1" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]+).*/\1/' | paste -sd';' | sed 's/;/; /g'; }
token_in() { grep -oE '__RequestVerificationToken"[^>]*value="[^"]+"' "$1" | sed -E 's/.*value="//; s/"$//' | head -n1; }
# The cookies are Secure (a browser sends them over https only); on loopback http curl sends them as a header.
curl -s -D "$work/login.h" -o "$work/login.html" "http://127.0.0.1:$port/beheer/inloggen"
curl -s -o /dev/null -D "$work/session.h" -H "Cookie: $(cookies_of "$work/login.h")" --data-urlencode "Email=$admin" \
  --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$(token_in "$work/login.html")" "http://127.0.0.1:$port/beheer/inloggen"
session="$(cookies_of "$work/login.h"); $(cookies_of "$work/session.h")"
base="http://127.0.0.1:$port"
get() { curl -s -H "Cookie: $session" "$@"; }
# An issue whose two sections are limited to a theme and a region: its audience is counted subscriber by subscriber.
get -o "$work/form.html" "$base/beheer/nieuwsbrief/bewerken"
limited=$(get -o /dev/null -w '%{redirect_url}' --data-urlencode "__RequestVerificationToken=$(token_in "$work/form.html")" \
  --data-urlencode "Form.Title=Alleen voor sommigen" --data-urlencode "Form.Sections[0].Title=Thema" \
  --data-urlencode "Form.Sections[0].Items=0727fffe-e079-454b-813f-243f64ca4861" --data-urlencode "Form.Sections[0].Terms=1efa7c62-cd1a-4c52-9d94-d04a9e3612ac" \
  --data-urlencode "Form.Sections[1].Title=Regio" --data-urlencode "Form.Sections[1].Items=5a293f29-eb81-4db9-8208-d4892a65b630" \
  --data-urlencode "Form.Sections[1].Terms=49f4e1bd-b088-40f8-a0be-563883c3bb96" "$base/beheer/nieuwsbrief/bewerken" | sed -E 's#.*/##')
[[ $limited =~ ^[0-9a-f-]{36}$ ]] || { say "composing the limited issue failed"; exit 1; }
demo=da8dc263-c57f-4248-aecd-6bf1667f726c

cat >"$work/measure.sh" <<'MEASURE'
set -euo pipefail
tok() { grep -oE '__RequestVerificationToken"[^>]*value="[^"]+"' "$1" | sed -E 's/.*value="//; s/"$//' | head -n1; }
timed() { # label, then curl arguments; prints a table row and keeps the answer in $work/last
  local t; t=$(curl -s -o "$work/last" -w '%{http_code} %{time_total}' -H "Cookie: $session" "${@:2}")
  printf '| %s | %s |\n' "$1" "$(awk '{printf "%.2f s (HTTP %s)", $2, $1}' <<<"$t")"
}
note() { sed 's/^/  /' >&2; }
import() { # csv file
  curl -s -o "$work/import.html" -H "Cookie: $session" "$base/beheer/nieuwsbrief/abonnees/importeren"
  timed "import $(basename "$1") ($half rows)" -F "__RequestVerificationToken=$(tok "$work/import.html")" \
    -F "ConsentSource=Benchmark: aanmeldlijsten met toestemmingstekst" -F "Upload=@$1;type=text/csv" "$base/beheer/nieuwsbrief/abonnees/importeren"
  grep -o 'Geïmporteerd: [^<]*' "$work/last" | head -n1 | note
}
echo "| step | time |"
echo "|---|---:|"
import "$work/part1.csv"
import "$work/part2.csv"
timed "subscriber list: counts per status and topic, first page" "$base/beheer/nieuwsbrief/abonnees"
grep -o '[0-9]* abonnees gevonden' "$work/last" | note
timed "subscriber list filtered on a theme and a region" "$base/beheer/nieuwsbrief/abonnees?thema=1efa7c62-cd1a-4c52-9d94-d04a9e3612ac&regio=49f4e1bd-b088-40f8-a0be-563883c3bb96"
grep -o '[0-9]* abonnees gevonden' "$work/last" | note
timed "CSV export of everyone" "$base/beheer/nieuwsbrief/abonnees?handler=Csv"
echo "export: $(wc -l <"$work/last") lines, $(du -k "$work/last" | cut -f1) kB" | note
timed "send page of an issue limited to a theme and a region (audience counted)" "$base/beheer/nieuwsbrief/verzenden/$limited"
grep -o 'gaat nu naar <strong>[0-9]* abonnees' "$work/last" | note
curl -s -o "$work/send.html" -H "Cookie: $session" "$base/beheer/nieuwsbrief/verzenden/$demo"
timed "send now to everyone (publish + PrepareSend: one ledger row each)" --data-urlencode "__RequestVerificationToken=$(tok "$work/send.html")" \
  --data-urlencode "Version=1" "$base/beheer/nieuwsbrief/verzenden/$demo?handler=Send"
timed "issue list (counts over the ledger)" "$base/beheer/nieuwsbrief"
timed "send page with progress and problem rows" "$base/beheer/nieuwsbrief/verzenden/$demo"
grep -oE 'data-field="(recipients|remaining)">[0-9]+' "$work/last" | note
curl -s -o "$work/person.html" -H "Cookie: $session" "$base/beheer/nieuwsbrief/abonnees/persoonsgegevens"
timed "GDPR export of one person (JSON)" --data-urlencode "__RequestVerificationToken=$(tok "$work/person.html")" \
  --data-urlencode "Email=lezer4242@example.nl" "$base/beheer/nieuwsbrief/abonnees/persoonsgegevens?handler=Export"
echo "export: $(grep -c '"kind"' "$work/last") mail(s), $(wc -c <"$work/last") bytes" | note
timed "GDPR erasure of one person" --data-urlencode "__RequestVerificationToken=$(tok "$work/person.html")" \
  --data-urlencode "Email=lezer4242@example.nl" --data-urlencode "zeker=true" "$base/beheer/nieuwsbrief/abonnees/persoonsgegevens?handler=Erase"
MEASURE

say "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "Newsletter back-office, $total subscribers, SQLite, one instance — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
export work session base half limited demo
${KP_BENCH_WRAP:-} bash "$work/measure.sh"
echo "peak memory of the app (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$app_pid/status")"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
