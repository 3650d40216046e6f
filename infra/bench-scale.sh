#!/usr/bin/env bash
# Reads at national volume: seeds a throwaway PostgreSQL it starts itself (and SQLite with --providers sqlite,postgresql)
# with --trajectories (default 100000) through the store's batch apply, starts the hub on it and reads each kind at
# --rate (default 50) requests/s for --seconds (default 30). Lines `scale <provider> reads=<name> ... p50_ms= p99_ms=`.
# E.g. ./infra/bench-scale.sh --trajectories 1000000; smoke: --trajectories 20000 --seconds 5.
set -euo pipefail
cd "$(dirname "$0")/.."
export SCHULDKETEN_SERVERS_DIR=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers-bench}
export SCHULDKETEN_PG_PORT=${SCHULDKETEN_PG_PORT:-55433}
SCHULDKETEN_BENCH_POSTGRES=$(./infra/postgres.sh start)
export SCHULDKETEN_BENCH_POSTGRES
trap './infra/postgres.sh stop' EXIT
dotnet run -c Release --project bench/Schuldketen.Bench -- scale "$@"
