#!/usr/bin/env bash
# Lints an OpenAPI document with Logius' API Design Rules ruleset (../shared/adr/linter.yaml).
#   infra/spectral.sh openapi.json [spectral options, e.g. --format json]
# Installs the pinned Spectral CLI once into .tmp/spectral; later runs work offline.
# Exits non-zero when the document has errors (Spectral's own exit code).
set -euo pipefail
version=6.16.3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
prefix="$root/.tmp/spectral"
spectral="$prefix/node_modules/.bin/spectral"

if [ $# -lt 1 ]; then
  echo "usage: $0 <openapi.json> [spectral options]" >&2
  exit 2
fi
document=$1
shift

installed() {
  [ -x "$spectral" ] && grep -q "\"version\": \"$version\"" "$prefix/node_modules/@stoplight/spectral-cli/package.json" 2>/dev/null
}

shared=$(cd "$here/../../shared" 2>/dev/null && pwd) || shared="$here/../../shared"
ruleset="$shared/adr/linter.yaml"
if [ ! -f "$ruleset" ]; then
  echo "spectral.sh: no ruleset at $ruleset; the shared folder belongs beside the repository." >&2
  exit 2
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "spectral.sh: Node.js and npm are required to run Spectral; install them (e.g. apt-get install nodejs npm)." >&2
  exit 127
fi

if ! installed; then
  mkdir -p "$prefix"
  # One install at a time when several runs start together.
  exec 9>"$prefix.lock"
  flock 9
  if ! installed; then
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@$version" >&2
  fi
  flock -u 9
fi

exec "$spectral" lint --ruleset "$ruleset" "$@" "$document"
