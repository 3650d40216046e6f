#!/usr/bin/env bash
# Installs Debian/Ubuntu packages that are missing: infra/packages.sh <command-to-check>=<package> ...
set -euo pipefail
missing=()
for pair in "$@"; do
  check=${pair%%=*}
  package=${pair#*=}
  if ! compgen -G "$check" >/dev/null && ! command -v "$check" >/dev/null 2>&1; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
