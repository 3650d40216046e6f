#!/usr/bin/env bash
# The bus on a throwaway RabbitMQ: the relay draining a backlog against a raw AMQPNetLite publish
# baseline, and intake-to-bus latency; on SQLite and on a throwaway PostgreSQL.
# Last line per run: bus rabbitmq events_per_s=… raw_publish_per_s=… ratio=… p99_ms=…
# Extra arguments go to the driver: --journeys 2000 --load 500.
set -euo pipefail
cd "$(dirname "$0")/.."
export SCHULDKETEN_SERVERS_DIR=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers-bench}
export SCHULDKETEN_PG_PORT=${SCHULDKETEN_PG_PORT:-55434} SCHULDKETEN_RMQ_PORT=${SCHULDKETEN_RMQ_PORT:-56750}
postgres=$(./infra/postgres.sh start)
rabbitmq=$(./infra/rabbitmq.sh start)
trap './infra/postgres.sh stop; ./infra/rabbitmq.sh stop' EXIT
dotnet build -c Release bench/Schuldketen.Bench >/dev/null
dotnet bench/Schuldketen.Bench/bin/Release/net10.0/Schuldketen.Bench.dll bus --rabbitmq "$rabbitmq" "$@"
dotnet bench/Schuldketen.Bench/bin/Release/net10.0/Schuldketen.Bench.dll bus --rabbitmq "$rabbitmq" --postgres "$postgres" "$@"
