#!/usr/bin/env bash
# test.sh — the ONE command that runs every Beacon test.
#
#   ./test.sh                      # everything
#   ./test.sh --filter Category=X  # extra args are passed to `dotnet test`
#
# What it does:
#   1. installs missing system deps from Debian packages (chromium, postgresql,
#      nodejs/npm) — apt-get update runs once, and only if something is missing;
#   2. starts a throwaway PostgreSQL cluster (trust auth, 127.0.0.1, free port)
#      and exports BEACON_TEST_POSTGRES; it is stopped and deleted on exit;
#   3. exports BEACON_TEST_CHROMIUM=/usr/bin/chromium;
#   4. runs `dotnet test Beacon.slnx` and prints, as the very last line,
#      `Tests: N passed, N failed, N skipped` aggregated over all assemblies.
# Exit code: dotnet test's exit code; 1 if zero tests ran.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE="${DOTNET_SKIP_FIRST_TIME_EXPERIENCE:-1}"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }

IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1
SUDO=()
if [[ $IS_ROOT -eq 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is not available"
  SUDO=(sudo -n)
fi

# ---------------------------------------------------------------------------
# 1. System dependencies (Debian packages), only when missing.
# ---------------------------------------------------------------------------
CHROMIUM_BIN=/usr/bin/chromium

find_pg_bindir() {
  # Prefer PostgreSQL 15 (Debian 12), otherwise the newest installed version.
  if [[ -x /usr/lib/postgresql/15/bin/initdb && -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
    echo /usr/lib/postgresql/15/bin; return 0
  fi
  local d best=""
  while read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
  done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4n)
  [[ -n "$best" ]] && echo "$best"
}

missing=()
[[ -x "$CHROMIUM_BIN" ]] || missing+=(chromium fonts-liberation)  # fonts: readable headless rendering
find_pg_bindir >/dev/null || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if (( ${#missing[@]} > 0 )); then
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and apt-get is not available"
  apt_log="$(mktemp "${TMPDIR:-/tmp}/beacon-apt.XXXXXX.log")"
  log "installing missing packages: ${missing[*]} (log: $apt_log)"
  # Wait for a concurrently running apt/dpkg instead of failing on its lock.
  apt_opts=(-o DPkg::Lock::Timeout=900 -o Dpkg::Use-Pty=0)
  if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -q \
        >>"$apt_log" 2>&1 </dev/null \
     || ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -q \
        --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1 </dev/null; then
    tail -n 40 "$apt_log" >&2 || true
    die "apt-get failed installing: ${missing[*]}"
  fi
  rm -f "$apt_log"
fi

[[ -x "$CHROMIUM_BIN" ]] || die "$CHROMIUM_BIN not found after install"
PG_BIN="$(find_pg_bindir)" || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
command -v npm >/dev/null 2>&1 || die "npm not found after install"
command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster.
# ---------------------------------------------------------------------------
PG_TMP=""
PG_STARTED=0
RESULTS_DIR=""
DOTNET_PID=""
TEE_PID=""

# Run a PostgreSQL binary as the cluster owner (postgres when we are root).
as_pg() {
  if [[ $IS_ROOT -eq 1 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$PG_TMP" && runuser -u postgres -- env LC_ALL=C "$@")
    else
      local q; printf -v q '%q ' "$@"
      (cd "$PG_TMP" && su postgres -s /bin/sh -c "LC_ALL=C $q")
    fi
  else
    (cd "$PG_TMP" && env LC_ALL=C "$@")
  fi
}

stop_postgres() {
  if [[ $PG_STARTED -eq 1 && -n "$PG_TMP" && -f "$PG_TMP/data/postmaster.pid" ]]; then
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 60 stop >/dev/null 2>&1; then
      # Last resort: kill the postmaster we started (and only it), by pid.
      local pid
      pid="$(head -n1 "$PG_TMP/data/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]]; then
        kill -QUIT "$pid" 2>/dev/null || true
        sleep 2
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  PG_STARTED=0
}

stop_dotnet() {
  if [[ -n "$DOTNET_PID" ]] && kill -0 "$DOTNET_PID" 2>/dev/null; then
    log "stopping dotnet test (process group $DOTNET_PID)"
    kill -TERM -- "-$DOTNET_PID" 2>/dev/null || kill -TERM "$DOTNET_PID" 2>/dev/null
    local i
    for i in $(seq 1 20); do
      kill -0 -- "-$DOTNET_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$DOTNET_PID" 2>/dev/null
  fi
  DOTNET_PID=""
  [[ -n "$TEE_PID" ]] && kill "$TEE_PID" 2>/dev/null
  TEE_PID=""
}

cleanup() {
  local rc=$?
  set +e
  stop_dotnet
  stop_postgres
  [[ -n "$PG_TMP" && -d "$PG_TMP" ]] && rm -rf -- "$PG_TMP"
  [[ -n "$RESULTS_DIR" && -d "$RESULTS_DIR" ]] && rm -rf -- "$RESULTS_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

pick_port() {
  local p
  if command -v python3 >/dev/null 2>&1; then
    p="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)"
    if [[ "$p" =~ ^[0-9]+$ ]]; then echo "$p"; return 0; fi
  fi
  local i
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"; return 0
    fi
  done
  return 1
}

if [[ $IS_ROOT -eq 1 ]]; then
  getent passwd postgres >/dev/null || die "OS user 'postgres' does not exist (is the postgresql package installed?)"
  PG_TMP="$(mktemp -d /tmp/beacon-pg.XXXXXX)"
  chown postgres: "$PG_TMP"
else
  PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/beacon-pg.XXXXXX")"
fi
chmod 700 "$PG_TMP"

log "initialising throwaway PostgreSQL cluster ($PG_BIN) in $PG_TMP"
if ! as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$PG_TMP/initdb.log" 2>&1 </dev/null; then
  rm -rf -- "${PG_TMP:?}/data"
  as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --no-locale \
      --no-sync >"$PG_TMP/initdb.log" 2>&1 </dev/null \
    || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }
fi
# --auth=trust already makes every pg_hba line trust; state it explicitly anyway.
cat >"$PG_TMP/data/pg_hba.conf" <<'EOF'
# Throwaway test cluster: trust everything local.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
local   replication all           trust
host    replication all 127.0.0.1/32 trust
EOF
[[ $IS_ROOT -eq 1 ]] && chown postgres: "$PG_TMP/data/pg_hba.conf"

PG_PORT=""
for attempt in 1 2 3 4 5; do
  port="$(pick_port)" || die "could not find a free TCP port"
  # Set before starting: a signal during `pg_ctl start` must still stop the server.
  PG_STARTED=1
  # Test-only tuning: durability off (the cluster is thrown away), room for parallel tests.
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
       -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
       start >/dev/null 2>&1 </dev/null; then
    PG_PORT="$port"
    break
  fi
  log "PostgreSQL did not start on port $port (attempt $attempt); retrying"
  tail -n 5 "$PG_TMP/postgres.log" >&2 2>/dev/null || true
  # make sure a half-started server from this attempt is gone
  stop_postgres
done
[[ -n "$PG_PORT" ]] || { cat "$PG_TMP/postgres.log" >&2 2>/dev/null || true; die "could not start PostgreSQL"; }

export BEACON_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
log "PostgreSQL listening on 127.0.0.1:$PG_PORT (BEACON_TEST_POSTGRES exported)"

# ---------------------------------------------------------------------------
# 3. Browser.
# ---------------------------------------------------------------------------
export BEACON_TEST_CHROMIUM="$CHROMIUM_BIN"

# ---------------------------------------------------------------------------
# 4. dotnet test.
# ---------------------------------------------------------------------------
RESULTS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/beacon-test-results.XXXXXX")"
console_log="$RESULTS_DIR/console.log"

log "running: dotnet test Beacon.slnx $*"
# No LogFileName: with several test assemblies a fixed name makes them overwrite
# each other's TRX; the default names are unique per assembly.
# --blame-hang-*: a hung test (e.g. a stuck browser) is killed and named after
# 20 minutes instead of silently eating the whole CI budget.
# dotnet runs in its own session (setsid) in the background so that a signal to
# this script is handled at once: cleanup() stops dotnet, its build nodes and
# test hosts (that process group only), then PostgreSQL.
mkfifo "$RESULTS_DIR/console.fifo"
tee "$console_log" <"$RESULTS_DIR/console.fifo" &
TEE_PID=$!
setsid dotnet test Beacon.slnx \
  --logger "trx" \
  --results-directory "$RESULTS_DIR/trx" \
  --blame-hang-timeout 20m --blame-hang-dump-type none \
  "$@" </dev/null >"$RESULTS_DIR/console.fifo" 2>&1 &
DOTNET_PID=$!
test_rc=0
wait "$DOTNET_PID" || test_rc=$?
DOTNET_PID=""
wait "$TEE_PID" || true
TEE_PID=""

# Aggregate counts: primarily from the TRX <Counters> of every assembly.
passed=0; failed=0; skipped=0; total=0
shopt -s nullglob globstar
trx_files=("$RESULTS_DIR"/trx/**/*.trx)
shopt -u globstar
if (( ${#trx_files[@]} > 0 )); then
  read -r passed failed skipped total < <(
    for f in "${trx_files[@]}"; do
      tr '\n' ' ' <"$f" | grep -o '<Counters[^>]*>' || true
    done | awk '
      function attr(s, name,   m) {
        if (match(s, " " name "=\"[0-9]+\"")) {
          m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0
        }
        return 0
      }
      {
        p += attr($0, "passed")
        f += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
        # xUnit skips are not counted in notExecuted; they show up as total - executed.
        ne = attr($0, "notExecuted") + attr($0, "inconclusive") + attr($0, "notRunnable")
        un = attr($0, "total") - attr($0, "executed")
        s += (un > ne ? un : ne)
        t += attr($0, "total")
      }
      END { printf "%d %d %d %d\n", p, f, s, t }')
else
  # Fallback: the per-assembly "Passed!/Failed!  - Failed: X, Passed: Y, Skipped: Z" lines.
  read -r passed failed skipped total < <(
    grep -E '^(Passed|Failed)! +- +Failed: ' "$console_log" | awk -F'[:,]' '
      { f += $2; p += $4; s += $6; t += $8 }
      END { printf "%d %d %d %d\n", p, f, s, t }')
fi

# Stop PostgreSQL now (quietly) so nothing is printed after the summary line.
stop_postgres

ran=$(( passed + failed + skipped ))
rc=$test_rc
if (( ran == 0 )); then
  log "FAILURE: zero tests ran (dotnet test exit code $test_rc)"
  (( rc == 0 )) && rc=1
elif (( failed > 0 && rc == 0 )); then
  rc=1
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
