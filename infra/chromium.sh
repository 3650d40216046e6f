#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests if it is missing. Playwright drives /usr/bin/chromium
# itself; no browser is downloaded with "playwright install".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/packages.sh" '/usr/bin/chromium=chromium'
