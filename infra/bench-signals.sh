#!/usr/bin/env bash
# Bulk signal import on the embedded default (SQLite): a municipality uploads a CSV platform export of N signals
# (one household each) to a fresh hub; the clock runs from the POST until the import resource says done.
# Last line per size: signals rows=… seconds=… rows_per_s=… accepted=… peak_rss_mb=…
# Sizes: SIGNAL_SIZES="10000 100000" (the default); the hub's peak resident memory (VmHWM) is read after each import.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIGNAL_SIZES:-10000 100000}
port=${SIGNAL_BENCH_PORT:-5097}
dotnet build -c Release functions/Schuldketen.Functions >/dev/null
hub=functions/Schuldketen.Functions/bin/Release/net10.0/schuldketen.dll
work=$(mktemp -d)
pid=""
stop_hub() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap 'stop_hub; rm -rf "$work"' EXIT

for rows in $sizes; do
  data="$work/data-$rows"
  file="$work/signals-$rows.csv"
  awk -v rows="$rows" 'BEGIN {
    print "ID,bedrag,ontstaansdatum,signaaldatum,signaalpartner.type,signaalpartner.Organisatienaam,client.Voorletters,client.Achternaam,client.Postcode,client.Huisnummer,client.Plaatsnaam"
    for (i = 1; i <= rows; i++) {
      printf "bench-%d,%d,2026-01-05,2026-02-20,Huur,Woonstichting Bench,A.,Achternaam%d,%d%s,%d,Utrecht\n", i, 100 + i % 900, i, 3500 + i % 100, (i % 2 ? "AB" : "CD"), 1 + int(i / 200)
    }
  }' > "$file"
  Schuldketen__DataDirectory="$data" dotnet "$hub" --urls "http://127.0.0.1:$port" > "$work/hub-$rows.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    token=$(awk '$1=="gemeente"{print $3; exit}' "$work/hub-$rows.log")
    if [ -n "$token" ] && curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; then break; fi
    sleep 0.5
  done
  [ -n "$token" ] || { echo "The hub did not start; see its log:" >&2; tail -20 "$work/hub-$rows.log" >&2; exit 1; }
  start=$(date +%s.%N)
  location=$(curl -sf -D - -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/signals" \
    -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$file" | awk 'tolower($1)=="location:"{print $2}' | tr -d '\r')
  until curl -sf "http://127.0.0.1:$port$location" -H "Authorization: Bearer $token" > "$work/import.json" && grep -q '"done":true' "$work/import.json"; do
    sleep 0.2
  done
  end=$(date +%s.%N)
  accepted=$(grep -o '"accepted":[0-9]*' "$work/import.json" | cut -d: -f2)
  peak_kb=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
  awk -v rows="$rows" -v s="$start" -v e="$end" -v a="$accepted" -v kb="$peak_kb" \
    'BEGIN { printf "signals rows=%d seconds=%.1f rows_per_s=%.0f accepted=%d peak_rss_mb=%.0f\n", rows, e - s, rows / (e - s), a, kb / 1024 }'
  stop_hub
done
