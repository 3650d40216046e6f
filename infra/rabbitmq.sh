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

# The node's own Erlang process, not rabbitmqctl: each rabbitmqctl call boots an Erlang VM, seconds on a busy machine.
beam() { [ "$(cat "/proc/$1/comm" 2>/dev/null)" = beam.smp ]; }
running() { [ -f "$base/rabbit.pid" ] && beam "$(cat "$base/rabbit.pid")"; }

# Started when its log says so: cheaper than rabbitmqctl await_startup, which boots a VM per try.
launch() {
  local log="$base/log/$RABBITMQ_NODENAME.log" before
  before=$(started "$log")
  rabbitmq-server -detached >/dev/null 2>&1
  for _ in $(seq 600); do
    [ "$(started "$log")" -gt "$before" ] && return 0
    sleep 0.1
  done
  echo "RabbitMQ did not start within 60 s; see $base/log" >&2
  return 1
}

started() {
  local count
  count=$(grep -c "Server startup complete" "$1" 2>/dev/null || true)
  echo "${count:-0}" # no log yet
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
    if running; then
      # SIGTERM stops the node as rabbitmqctl stop does (Erlang's init:stop), without booting a VM to ask it.
      pid=$(cat "$base/rabbit.pid")
      kill -TERM "$pid"
      for _ in $(seq 600); do beam "$pid" || break; sleep 0.1; done # the node removes its pid file as it begins to stop
      if beam "$pid"; then echo "RabbitMQ did not stop within 60 s; see $base/log" >&2; exit 1; fi
      rm -f "$base/rabbit.pid"
    fi
    epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|resume|stop" >&2
    exit 2
    ;;
esac
