#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots: runs the browser tests (which write a screenshot of
# every page they visit under their output folder) and copies a few of them.
set -euo pipefail
cd "$(dirname "$0")/.."
./infra/chromium.sh
dotnet test tests/Schuldketen.Browser.Tests --configuration Release
shots=tests/Schuldketen.Browser.Tests/bin/Release/net10.0/screenshots
mkdir -p docs/screenshots
for name in bewoner-traject bewoner-360-mijn-schuldhulp-traject werkplek-risico ketenoverzicht; do
  cp "$shots/$name.png" "docs/screenshots/$name.png"
done
ls -l docs/screenshots
