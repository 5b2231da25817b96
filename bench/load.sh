#!/usr/bin/env bash
# The load run: starts Beacon (Release build, Production settings) against the database its switches name,
# drives a fixed mix of pages with wrk at 1, 10 and 100 connections, and prints the table and the app's peak memory.
#
#   bench/load.sh [Beacon switches...] [-- load options...]
#
# e.g. on a generated SQLite database:
#   dotnet run --project src/Beacon.Web -- generate --children 100000 --ConnectionStrings:Beacon="Data Source=/tmp/volume.db"
#   bench/load.sh --ConnectionStrings:Beacon="Data Source=/tmp/volume.db"
# and on PostgreSQL:
#   bench/load.sh --Beacon:Database:Provider=Postgres --ConnectionStrings:Beacon="Host=...;Database=...;Username=..." -- --duration 5
set -euo pipefail
cd "$(dirname "$0")/.."

app_args=(); load_args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; load_args=("$@"); break; fi
  app_args+=("$1"); shift
done

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)..."
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

port="${BEACON_LOAD_PORT:-5099}"
dotnet build -c Release -v q --nologo src/Beacon.Web >/dev/null || { echo "Building Beacon failed"; exit 1; }
dotnet build -c Release -v q --nologo bench/Beacon.Load >/dev/null || { echo "Building the load tool failed"; exit 1; }

log="$(mktemp)"; mem="$(mktemp)"
# Started from the project folder (its content root), so its appsettings.json and wwwroot are the ones used.
(cd src/Beacon.Web && exec env ASPNETCORE_ENVIRONMENT=Production dotnet bin/Release/net10.0/Beacon.Web.dll \
  --urls "http://127.0.0.1:$port" --Beacon:DemoData=false --Beacon:Security:FailedSignInsPerQuarterHour=1000 \
  --Beacon:Audit:CheckpointMinutes=0 "${app_args[@]}") >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; kill $sampler 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/Account/Login" 2>/dev/null && break
  kill -0 $app 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done

# The app's resident memory, sampled every second: all of it, and its own (anonymous) part. The rest is mapped files:
# the runtime's libraries and, on SQLite, the pages of the database read through its memory map, which are the
# operating system's file cache (shared, and given back under memory pressure), not memory Beacon holds.
( while kill -0 $app 2>/dev/null; do awk '/VmRSS/ {r=$2} /RssAnon/ {a=$2} END {print r, a}' /proc/$app/status 2>/dev/null >>"$mem" || true; sleep 1; done ) &
sampler=$!

status=0
dotnet bench/Beacon.Load/bin/Release/net10.0/Beacon.Load.dll --url "http://127.0.0.1:$port" "${load_args[@]}" || status=$?
peak=$(awk '{print $1}' "$mem" | sort -n | tail -1)
own=$(awk '{print $2}' "$mem" | sort -n | tail -1)
echo
echo "Peak resident memory of Beacon during the run: $((peak / 1024)) MB; peak of its own (not mapped files): $((own / 1024)) MB"
echo "Log lines written by Beacon during the run: $(wc -l <"$log") (warnings: $(grep -c '^warn' "$log" || true), errors: $(grep -c '^fail' "$log" || true))"
if grep -qE '^(warn|fail)' "$log"; then
  echo "Most frequent warnings and errors:"
  grep -A1 -E '^(warn|fail)' "$log" | grep -vE '^(warn|fail|--)' | sed 's/^ *//' | cut -c1-160 | sort | uniq -c | sort -rn | head -5
fi
rm -f "$log" "$mem"
exit $status
