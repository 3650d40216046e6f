#!/usr/bin/env bash
# Intake to a local webhook receiver at a fixed offered load, on SQLite and on a throwaway PostgreSQL
# it starts itself. Last line per run: webhook events_per_s=… p50_ms=… p99_ms=… load_per_s=…
# Extra arguments go to the driver: --load 1000 --seconds 10.
set -euo pipefail
cd "$(dirname "$0")/.."
export SCHULDKETEN_SERVERS_DIR=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers-bench}
export SCHULDKETEN_PG_PORT=${SCHULDKETEN_PG_PORT:-55433}
postgres=$(./infra/postgres.sh start)
trap './infra/postgres.sh stop' EXIT
dotnet build -c Release bench/Schuldketen.Bench >/dev/null
dotnet bench/Schuldketen.Bench/bin/Release/net10.0/Schuldketen.Bench.dll webhook "$@"
dotnet bench/Schuldketen.Bench/bin/Release/net10.0/Schuldketen.Bench.dll webhook --postgres "$postgres" "$@"
