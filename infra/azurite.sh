#!/usr/bin/env bash
# A throwaway Azurite blob service (Microsoft's Azure Storage emulator) on 127.0.0.1, for tests: Blob Storage
# is where the hub keeps what several instances share in Azure (ASP.NET data-protection keys).
#   infra/azurite.sh start   installs the pinned Azurite once into .tmp/azurite, starts a fresh instance (or reuses
#                            the one running), prints the blob endpoint of its well-known development account
#   infra/azurite.sh stop
# Port: SCHULDKETEN_AZURITE_PORT (56710).
set -euo pipefail
version=3.37.0
here=$(cd "$(dirname "$0")" && pwd)
prefix="$here/../.tmp/azurite"
azurite="$prefix/node_modules/.bin/azurite-blob"
base=${SCHULDKETEN_SERVERS_DIR:-/tmp/schuldketen-servers}/azurite
port=${SCHULDKETEN_AZURITE_PORT:-56710}
endpoint="http://127.0.0.1:$port/devstoreaccount1"

installed() {
  [ -x "$azurite" ] && grep -q "\"version\": \"$version\"" "$prefix/node_modules/azurite/package.json" 2>/dev/null
}

running() { [ -f "$base/pid" ] && kill -0 "$(cat "$base/pid")" 2>/dev/null; }

answers() { curl -s -o /dev/null "http://127.0.0.1:$port/devstoreaccount1?comp=list"; }

case "${1:-start}" in
  start)
    if running && answers; then echo "$endpoint"; exit 0; fi
    if ! command -v npm >/dev/null 2>&1; then
      echo "azurite.sh: Node.js and npm are required to run Azurite; install them (e.g. apt-get install nodejs npm)." >&2
      exit 127
    fi
    if ! installed; then
      mkdir -p "$prefix"
      exec 9>"$prefix.lock"
      flock 9 # one install at a time when several runs start together
      installed || npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "azurite@$version" >&2
      flock -u 9
    fi
    rm -rf "$base"
    mkdir -p "$base/data"
    # --skipApiVersionCheck: the Azure SDK may speak a newer storage API version than this Azurite knows.
    nohup "$azurite" --blobHost 127.0.0.1 --blobPort "$port" --location "$base/data" --skipApiVersionCheck --silent \
      >"$base/azurite.log" 2>&1 &
    echo $! >"$base/pid"
    for _ in $(seq 100); do
      if answers; then echo "$endpoint"; exit 0; fi
      running || break
      sleep 0.2 # Node is still starting
    done
    echo "Azurite did not start; see $base/azurite.log" >&2
    exit 1
    ;;
  stop)
    if running; then kill "$(cat "$base/pid")"; fi
    rm -f "$base/pid"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
