#!/usr/bin/env bash
# Runs the store benchmark on SQLite and on a throwaway PostgreSQL it starts itself.
# Extra arguments go to the load driver, e.g. --trajectories 20000 --clients 1024 --connections 8.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHULDKETEN_BENCH_POSTGRES=$(./infra/postgres.sh start)
export SCHULDKETEN_BENCH_POSTGRES
trap './infra/postgres.sh stop' EXIT
dotnet run -c Release --project bench/Schuldketen.Bench -- store "$@"
