#!/usr/bin/env bash
# Runs every test on SQLite and PostgreSQL. Installs (as root, from Debian packages and npm) or checks
# what the tests need, starts PostgreSQL on 127.0.0.1, builds warning-free, and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Every test host (and app process) would watch its appsettings files: one inotify instance each, and
# root has 128 by default. The tests never edit settings files, so no host watches them.
export DOTNET_hostBuilder__reloadConfigOnChange=false
say() { echo "test.sh: $*" >&2; }
die() { say "$*"; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux-debian"
[[ $(dotnet --version) == 10.* ]] || die "the .NET 10 SDK is needed (found $(dotnet --version))."
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js 20+ and npm are needed for the front end: apt-get install -y nodejs npm"
(( $(node -p 'process.versions.node.split(".")[0]') >= 20 )) || die "Node.js 20 or newer is needed (found $(node --version))."

# The quality tests (tests/…/Quality) drive Debian's chromium and run the Nu HTML Checker on Java.
missing=()
[[ -x ${KP_CHROMIUM:-/usr/bin/chromium} ]] || missing+=(chromium)
[[ -x ${KP_JAVA:-/usr/bin/java} ]] || missing+=(default-jre-headless)
# The media library renders derivatives with libvips; its tests make fixtures with the vips command.
compgen -G '/usr/lib/*/libvips.so.42' >/dev/null || missing+=(libvips42)
command -v vips >/dev/null || missing+=(libvips-tools)
# The mail tests send to Postfix's smtp-sink. Installed as "No configuration", so the package neither sets
# up nor starts a system mail server.
[[ -x /usr/sbin/smtp-sink ]] || missing+=(postfix)
# A private Postfix smtpd (tests/…/Infrastructure/PostfixRelay) authenticates with Cyrus SASL; saslpasswd2 makes its user database.
[[ -x /usr/sbin/saslpasswd2 ]] || missing+=(sasl2-bin)
if (( ${#missing[@]} > 0 )); then
  (( $(id -u) == 0 )) || die "the tests need Debian packages that are missing: sudo apt-get install -y ${missing[*]}"
  say "installing ${missing[*]} from Debian packages…"
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } >&2 \
    || die "could not install ${missing[*]} with apt-get (is a Debian package mirror reachable?)"
fi
command -v python3 >/dev/null || die "the mail tests parse messages with Python's email package: apt-get install -y python3"

# The npm test tools (ical.js, axe-core, vnu-jar), installed when node_modules is missing or the lockfile
# changed since. No install scripts: vnu-jar's would download a Java runtime; the system's is used.
tools=tests/tools
stamp=$tools/node_modules/.npm-ci.stamp
if [[ ! -f $stamp || $tools/package-lock.json -nt $stamp || $tools/package.json -nt $stamp ]]; then
  say "installing the npm test tools in $tools…"
  npm ci --prefix "$tools" --ignore-scripts --no-audit --no-fund --loglevel=error >&2 \
    || die "npm ci in $tools failed; see the message above."
  touch "$stamp"
fi

# PostgreSQL: scripts/postgres.sh installs the Debian packages when missing and starts a private
# server on 127.0.0.1 (data in /tmp, removed by 'scripts/postgres.sh stop').
KP_TEST_POSTGRES=$(scripts/postgres.sh start) || die "PostgreSQL could not be started; see the message above."
export KP_TEST_POSTGRES
say "PostgreSQL ready on 127.0.0.1 ($(echo "$KP_TEST_POSTGRES" | sed -E 's/.*Port=([0-9]+).*/port \1/'))"

dotnet build KnowledgePlatform.sln -c Release -warnaserror 2>&1 | tail -n 3
results=$(mktemp -d)
set +e
say "running the tests (output in $results/output.txt)…"
dotnet test KnowledgePlatform.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory "$results" \
  > "$results/output.txt" 2>&1
status=$?
set -e

if grep -qE '^\s+Failed [A-Za-z]' "$results/output.txt"; then
  echo "--- failures ---"
  sed -n -E '/^\s+Failed [A-Za-z]/,/Stack Trace:/p' "$results/output.txt"
fi

# The console logger ends each test project with "Passed: N", "Failed: N", "Skipped: N" lines.
count() { { grep -E "^\s+$1: [0-9]+$" "$results/output.txt" || true; } | awk '{n+=$2} END {print n+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
if (( passed + failed == 0 )); then
  say "no tests ran; full output in $results/output.txt"
  tail -n 30 "$results/output.txt" >&2
  exit 1
fi
echo "Full output: $results/output.txt"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
