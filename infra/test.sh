#!/usr/bin/env bash
# Runs the whole test suite. Starts the real servers the suites need itself, and ends with
# one line "N passed, N failed" (", N skipped" if any) counted from the test results.
set -euo pipefail
cd "$(dirname "$0")/.."

results=.tmp/test-results
rm -rf "$results"
mkdir -p "$results"

./infra/chromium.sh

SCHULDKETEN_TEST_POSTGRES=$(./infra/postgres.sh start)
SCHULDKETEN_TEST_RABBITMQ=$(./infra/rabbitmq.sh start)
SCHULDKETEN_TEST_AZURITE=$(./infra/azurite.sh start)
export SCHULDKETEN_TEST_POSTGRES SCHULDKETEN_TEST_RABBITMQ SCHULDKETEN_TEST_AZURITE
trap './infra/postgres.sh stop; ./infra/rabbitmq.sh stop; ./infra/azurite.sh stop' EXIT

status=0
dotnet test Schuldketen.sln --configuration Release \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

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
