#!/usr/bin/env bash
# A throwaway RabbitMQ with its AMQP 1.0 plugin on 127.0.0.1, for tests and local runs.
#   infra/rabbitmq.sh start    installs RabbitMQ if needed, starts a fresh instance (or reuses the one running),
#                              prints its AMQP URI (AMQP 0-9-1 and 1.0 share the port)
#   infra/rabbitmq.sh resume   starts the stopped instance again with its queues and messages
#   infra/rabbitmq.sh stop
# Ports: SCHULDKETEN_RMQ_PORT (56720); distribution, epmd and management ports follow from it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers}/rmq
port=${SCHULDKETEN_RMQ_PORT:-56720}

export HOME=$base ERL_EPMD_PORT=$((port - 12351)) ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_NODENAME=hub$port@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
  RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$((port + 1)) \
  RABBITMQ_MNESIA_BASE=$base/mnesia RABBITMQ_LOG_BASE=$base/log \
  RABBITMQ_PID_FILE=$base/rabbit.pid RABBITMQ_CONFIG_FILE=$base/rabbitmq \
  RABBITMQ_ENABLED_PLUGINS_FILE=$base/enabled_plugins PATH=/usr/lib/rabbitmq/bin:$PATH
uri="amqp://guest:guest@127.0.0.1:$port"
cd /tmp # RabbitMQ's tools drop crash dumps into the folder they run in

running() { [ -f "$base/rabbit.pid" ] && rabbitmqctl -q status >/dev/null 2>&1; }

launch() {
  rabbitmq-server -detached >/dev/null 2>&1
  for _ in $(seq 60); do
    rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1 && return 0
    sleep 1 # await_startup fails at once while the node is still booting
  done
  echo "RabbitMQ did not start; see $base/log" >&2
  return 1
}

case "${1:-start}" in
  start)
    "$here/packages.sh" '/usr/lib/rabbitmq/bin/rabbitmq-server=rabbitmq-server' >&2
    if running; then echo "$uri"; exit 0; fi
    rabbitmqctl stop >/dev/null 2>&1 || true
    rm -rf "$base"
    mkdir -p "$base/mnesia" "$base/log"
    echo '[rabbitmq_amqp1_0,rabbitmq_management].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
    printf 'loopback_users = none\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' $((port - 1048)) > "$base/rabbitmq.conf"
    head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9 > "$HOME/.erlang.cookie"
    chmod 400 "$HOME/.erlang.cookie"
    launch
    echo "$uri"
    ;;
  resume)
    running || launch
    echo "$uri"
    ;;
  stop)
    if running; then rabbitmqctl stop >/dev/null; fi
    epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|resume|stop" >&2
    exit 2
    ;;
esac
