#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for tests and local runs.
#   infra/postgres.sh start   installs PostgreSQL if needed, starts an instance (or reuses the one running),
#                             prints its connection string; tests and benchmarks make their own databases in it
#   infra/postgres.sh resume  starts the stopped instance again with its data (a database restart)
#   infra/postgres.sh stop
# PostgreSQL refuses to run as root, so its binaries run as the postgres user.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers}/pg
port=${SCHULDKETEN_PG_PORT:-55432}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=50"

launch() {
  as_postgres "$1/pg_ctl" -D "$base/data" -l "$base/pg.log" -w \
    -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=on -c synchronous_commit=on" start >/dev/null
}

case "${1:-start}" in
  start)
    "$here/packages.sh" '/usr/lib/postgresql/*/bin/initdb=postgresql' >&2
    bin=$(pgbin)
    if [ -f "$base/data/postmaster.pid" ] && "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      echo "$connection"
      exit 0
    fi
    if [ -f "$base/data/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$base"
    mkdir -p "$base"
    chown postgres:postgres "$base"
    as_postgres "$bin/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    launch "$bin"
    echo "$connection"
    ;;
  resume)
    bin=$(pgbin)
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || launch "$bin"
    echo "$connection"
    ;;
  stop)
    bin=$(pgbin)
    [ -n "$bin" ] && [ -f "$base/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$base/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|resume|stop" >&2
    exit 2
    ;;
esac
