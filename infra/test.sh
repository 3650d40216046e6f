#!/usr/bin/env bash
# Runs the whole test suite. Starts the real servers the suites need itself, and ends with
# one line "N passed, N failed" (", N skipped" if any) counted from the test results.
set -euo pipefail
cd "$(dirname "$0")/.."

results=.tmp/test-results
rm -rf "$results"
mkdir -p "$results"

./infra/chromium.sh

# The servers start while the suite builds (each start script installs its server first, so one after the other).
servers=.tmp/servers
rm -rf "$servers"
mkdir -p "$servers"
trap 'wait; ./infra/postgres.sh stop; ./infra/rabbitmq.sh stop; ./infra/azurite.sh stop' EXIT
(./infra/postgres.sh start > "$servers/postgres" \
  && ./infra/rabbitmq.sh start > "$servers/rabbitmq" \
  && ./infra/azurite.sh start > "$servers/azurite") &
starting=$!

status=0
dotnet build Schuldketen.sln --configuration Release || status=$?
wait "$starting" || { echo "test.sh: a server did not start (its message is above); no test is run." >&2; status=1; }

# One test assembly at a time (-m:1): side by side on two cores each takes twice as long and the total is no shorter.
if [ "$status" -eq 0 ]; then
  SCHULDKETEN_TEST_POSTGRES=$(cat "$servers/postgres")
  SCHULDKETEN_TEST_RABBITMQ=$(cat "$servers/rabbitmq")
  SCHULDKETEN_TEST_AZURITE=$(cat "$servers/azurite")
  export SCHULDKETEN_TEST_POSTGRES SCHULDKETEN_TEST_RABBITMQ SCHULDKETEN_TEST_AZURITE
  dotnet test Schuldketen.sln --configuration Release --no-build -m:1 \
    --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=$?
fi

read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { print c["passed"] + 0, c["failed"] + 0, c["notExecuted"] + 0 }')

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=1 # the build or the test host failed before any test ran
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$status"
