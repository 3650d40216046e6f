#!/usr/bin/env bash
# Runs the store benchmark and then the same journeys over HTTP through the real hub, on SQLite and
# on a throwaway PostgreSQL it starts itself. The last lines, one per provider, are the http figures.
# Extra arguments go to the load driver, e.g. --trajectories 20000 --clients 1024 --connections 8; --http-clients
# (default: --clients) sets the concurrent HTTP partner systems, and each client's connection limit.
set -euo pipefail
cd "$(dirname "$0")/.."
# Its own PostgreSQL, so a test run starting or stopping the default one does not pull it away mid-run.
export SCHULDKETEN_SERVERS_DIR=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers-bench}
export SCHULDKETEN_PG_PORT=${SCHULDKETEN_PG_PORT:-55433}
SCHULDKETEN_BENCH_POSTGRES=$(./infra/postgres.sh start)
export SCHULDKETEN_BENCH_POSTGRES
trap './infra/postgres.sh stop' EXIT
dotnet run -c Release --project bench/Schuldketen.Bench -- http "$@"
