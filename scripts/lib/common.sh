# shellcheck shell=bash
# Shared helpers for scripts/run and scripts/test. Source it; do not execute it.
#
# Conventions:
#   - callers use `set -euo pipefail`;
#   - every message goes to stderr, prefixed with the calling script's name;
#   - PostgreSQL refuses to run as root, so when we are root every server-side
#     PostgreSQL command runs as the `postgres` user (see pg_as_owner).

if [[ -n "${_MINDPEEKER_COMMON_SH:-}" ]]; then return 0; fi
_MINDPEEKER_COMMON_SH=1

MP_SCRIPT_NAME="$(basename "${0:-mindpeeker}")"
# shellcheck disable=SC2034 # used by the scripts that source this file
MP_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"

# ---------------------------------------------------------------- logging ---

log() { printf '[%s] %s\n' "$MP_SCRIPT_NAME" "$*" >&2; }
warn() { printf '[%s] warning: %s\n' "$MP_SCRIPT_NAME" "$*" >&2; }
die() {
  printf '[%s] error: %s\n' "$MP_SCRIPT_NAME" "$*" >&2
  exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# ------------------------------------------------------------------- apt ---

_MP_APT_UPDATED=""

# Installed (not merely known/removed) according to dpkg?
apt_package_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == "installed" ]]
}

# ensure_apt_packages PKG... — install whichever of PKG are missing.
# Runs `apt-get update` at most once per process, and only when something is
# actually missing, so a warm machine pays nothing.
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    apt_package_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  if ! is_root; then
    die "missing Debian packages: ${missing[*]}. Install them with:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get on this machine"

  local started=$SECONDS
  # Wait for the dpkg lock instead of failing: two scripts/test runs started
  # together on a fresh machine would otherwise race on apt.
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300)
  if [[ -z "$_MP_APT_UPDATED" ]]; then
    log "apt-get update (needed for: ${missing[*]})"
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >&2 || die "apt-get update failed"
    _MP_APT_UPDATED=1
  fi
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]} failed"
  log "installed ${missing[*]} in $((SECONDS - started))s"
}

# ---------------------------------------------------------------- dotnet ---

# ensure_dotnet — dotnet on PATH with an SDK that global.json accepts
# (10.0.401, rollForward latestFeature: any 10.0.4xx >= 401 or a later 10.0 band).
ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    # A per-user install (dotnet-install.sh) is not on PATH by default.
    local candidate
    for candidate in "${DOTNET_ROOT:-}" "${HOME:-/nonexistent}/.dotnet" /usr/share/dotnet /usr/lib/dotnet; do
      if [[ -n "$candidate" && -x "$candidate/dotnet" ]]; then
        export PATH="$candidate:$PATH"
        break
      fi
    done
  fi
  local hint=".NET SDK 10.0.4xx is required (global.json pins 10.0.401 with rollForward=latestFeature).
    Install it, e.g. from Microsoft's Debian 12 package feed (packages-microsoft-prod.deb, then
    'apt-get install dotnet-sdk-10.0') or with dotnet-install.sh --channel 10.0, and put 'dotnet' on PATH."
  command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found on PATH. $hint"

  local sdks
  sdks="$(dotnet --list-sdks 2>/dev/null | awk '{print $1}')" || true
  if ! awk -F. '$1 == 10 && $2 == 0 && ($3 + 0) >= 401 { ok = 1 } END { exit !ok }' <<<"$sdks"; then
    local found="${sdks//$'\n'/, }"
    die "no suitable .NET SDK (found: ${found:-none}). $hint"
  fi
  # Keep CI logs free of the first-run banner and telemetry notice (user settings win).
  export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
  export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
}

# ------------------------------------------------------------------ node ---

# ensure_node — node and npm on PATH: the build runs `npm ci` for ONNX Runtime and the
# SignalR client, and the end-to-end test and benchmarks run Node scripts.
# Installs Debian's nodejs and npm when missing (as root).
ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    return 0
  fi
  ensure_apt_packages nodejs npm
  command -v npm >/dev/null 2>&1 || die "npm is still not on PATH after installing nodejs and npm"
}

# ----------------------------------------------------------------- ports ---

# port_in_use PORT — is something accepting TCP connections on 127.0.0.1:PORT?
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port — print a TCP port on 127.0.0.1 that nothing listens on.
# Prefer the kernel's choice (bind to port 0): it rotates through the
# ephemeral range, so two concurrent runs practically never get the same one.
# Callers still retry on a bind failure, because nothing can reserve a port.
free_port() {
  local py port i
  for py in /usr/bin/python3 "$(command -v python3 2>/dev/null || true)"; do
    [[ -n "$py" && -x "$py" ]] || continue
    if port="$("$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])' 2>/dev/null)" && [[ "$port" =~ ^[0-9]+$ ]] && ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  # No python: probe random ports below the ephemeral range.
  for ((i = 0; i < 200; i++)); do
    port=$((15000 + RANDOM % 15000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "could not find a free TCP port on 127.0.0.1"
}

# ------------------------------------------------------------ postgresql ---

# Does any PostgreSQL server installation exist (initdb + pg_ctl + postgres)?
_pg_bindir_ok() { [[ -x "$1/initdb" && -x "$1/pg_ctl" && -x "$1/postgres" ]]; }

# have_pg_binaries — true when find_pg_bindir would succeed without apt.
have_pg_binaries() { _find_pg_bindir_noinstall >/dev/null; }

_find_pg_bindir_noinstall() {
  local dir
  # pg_config may come from libpq-dev without the matching server, so check it.
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" ]] && _pg_bindir_ok "$dir"; then
      echo "$dir"
      return 0
    fi
  fi
  # Debian layout: /usr/lib/postgresql/<major>/bin; take the newest major.
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
  if [[ -n "$dir" ]] && _pg_bindir_ok "$dir"; then
    echo "$dir"
    return 0
  fi
  return 1
}

# find_pg_bindir — print the directory holding initdb/pg_ctl/postgres/psql,
# installing Debian's `postgresql` package when there is none.
find_pg_bindir() {
  _find_pg_bindir_noinstall && return 0
  ensure_apt_packages postgresql
  _find_pg_bindir_noinstall || die "PostgreSQL server binaries not found even after installing 'postgresql'"
}

# The OS user that owns and runs our clusters.
pg_os_user() {
  if is_root; then echo postgres; else id -un; fi
}

# pg_as_owner CMD... — run CMD as the cluster owner. From / because the
# postgres user usually cannot read our working directory (e.g. under /root).
# fd 9 is closed so the server never inherits a caller's lock (see scripts/run).
pg_as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@" 9>&-)
  else
    (cd / && "$@" 9>&-)
  fi
}

# When root: make sure the `postgres` system user exists (Debian's package
# creates it; a hand-built PostgreSQL might not have).
_pg_ensure_os_user() {
  is_root || return 0
  getent passwd postgres >/dev/null && return 0
  log "creating system user 'postgres' to own PostgreSQL clusters"
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

# pg_owner_can_traverse DIR — can the cluster owner reach DIR (all parents +x)?
pg_owner_can_traverse() {
  pg_as_owner test -x "$1"
}

# PID of the postmaster running on DATA_DIR, empty when it is not running.
_pg_running_pid() {
  local data_dir="$1" bindir="$2"
  [[ -f "$data_dir/PG_VERSION" ]] || return 0
  if pg_as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    head -n 1 "$data_dir/postmaster.pid" 2>/dev/null || true
  fi
}

# pg_start DATA_DIR PORT [POSTGRES_OPTION...]
# e.g. pg_start /tmp/x/pg 54321 -c fsync=off -c max_connections=300
# Creates the cluster when DATA_DIR is empty, starts it on 127.0.0.1:PORT with
# its unix socket inside DATA_DIR, waits until it accepts connections and
# creates database `mindpeeker`. A cluster already running on DATA_DIR (left by
# a crashed run) is restarted so that PORT and the options apply.
# Returns 1 (does not exit) when the server cannot start, so callers may retry
# on another port; dies on setup errors.
pg_start() {
  local data_dir="$1" port="$2"
  shift 2
  local extra="$*"
  # Callers use `pg_start ... || ...`, which turns off errexit in here, so
  # every step checks its own status.
  local bindir
  bindir="$(find_pg_bindir)" || die "no PostgreSQL server binaries"
  _pg_ensure_os_user || die "could not create the 'postgres' system user"
  case "$data_dir" in
    /*) ;;
    *) die "pg_start: DATA_DIR must be absolute: $data_dir" ;;
  esac
  # pg_ctl hands -o to /bin/sh, so the path is single-quoted there.
  [[ "$data_dir" != *"'"* ]] || die "pg_start: DATA_DIR must not contain a single quote: $data_dir"

  mkdir -p "$data_dir" || die "cannot create $data_dir"
  if is_root && [[ ! -f "$data_dir/PG_VERSION" ]]; then
    chown postgres:postgres "$data_dir" || die "cannot chown $data_dir to postgres"
  fi
  chmod 0700 "$data_dir" 2>/dev/null || true
  pg_owner_can_traverse "$data_dir" \
    || die "user '$(pg_os_user)' cannot reach $data_dir (a parent directory is not traversable)"

  if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    if [[ -n "$(ls -A "$data_dir")" ]]; then
      die "$data_dir is neither empty nor a PostgreSQL data directory; move it away"
    fi
    local t0=$SECONDS out
    out="$(pg_as_owner "$bindir/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 2>&1)" || { printf '%s\n' "$out" >&2; die "initdb failed for $data_dir"; }
    log "created PostgreSQL cluster in $data_dir ($((SECONDS - t0))s)"
  fi

  local pid
  pid="$(_pg_running_pid "$data_dir" "$bindir")"
  if [[ -n "$pid" ]]; then
    log "PostgreSQL (pid $pid) is still running on $data_dir from an earlier run; restarting it"
    pg_stop "$data_dir"
  fi

  if port_in_use "$port"; then
    warn "port $port on 127.0.0.1 is already in use by another program"
    return 1
  fi

  # Unix socket paths are limited to ~107 bytes; beyond that, TCP only.
  local socket_opt="-k '$data_dir'"
  if ((${#data_dir} + 16 > 100)); then
    socket_opt="-c unix_socket_directories=''"
  fi
  local logfile="$data_dir/server.log"
  if ! pg_as_owner "$bindir/pg_ctl" -D "$data_dir" -l "$logfile" -w -t 120 \
    -o "-c listen_addresses=127.0.0.1 -p $port $socket_opt $extra" start >/dev/null; then
    warn "PostgreSQL failed to start on port $port; last lines of $logfile:"
    tail -n 15 "$logfile" >&2 2>/dev/null || true
    # A half-started server must not outlive us.
    pg_stop "$data_dir" || true
    return 1
  fi

  local psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
  local exists
  exists="$(PGCONNECT_TIMEOUT=10 "${psql[@]}" -d postgres -tAc \
    "select 1 from pg_database where datname = 'mindpeeker'")" \
    || { warn "cannot connect to PostgreSQL on 127.0.0.1:$port"; pg_stop "$data_dir" || true; return 1; }
  if [[ "$exists" != "1" ]]; then
    "${psql[@]}" -d postgres -c "create database mindpeeker" \
      || { warn "could not create database mindpeeker"; pg_stop "$data_dir" || true; return 1; }
  fi
  log "PostgreSQL $("$bindir/postgres" -V | awk '{print $3}') ready on 127.0.0.1:$port (data: $data_dir)"
}

# pg_stop DATA_DIR — stop the cluster on DATA_DIR if it runs; idempotent.
# Fast shutdown first (rolls back sessions), immediate if that hangs.
pg_stop() {
  local data_dir="$1" bindir
  [[ -f "$data_dir/PG_VERSION" ]] || return 0
  bindir="$(_find_pg_bindir_noinstall)" || return 0
  pg_as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1 || return 0
  log "stopping PostgreSQL ($data_dir)"
  if ! pg_as_owner "$bindir/pg_ctl" -D "$data_dir" -m fast -w -t 60 stop >/dev/null 2>&1; then
    warn "PostgreSQL on $data_dir did not stop in 60s; using immediate shutdown"
    pg_as_owner "$bindir/pg_ctl" -D "$data_dir" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
}

# ----------------------------------------------------------------- redis ---

# ensure_redis — redis-server and redis-cli on PATH (Debian's redis-server
# package brings redis-tools along).
ensure_redis() {
  local pkgs=()
  command -v redis-server >/dev/null 2>&1 || pkgs+=(redis-server)
  command -v redis-cli >/dev/null 2>&1 || pkgs+=(redis-tools)
  ((${#pkgs[@]} == 0)) || ensure_apt_packages "${pkgs[@]}"
}

# start_redis DIR PORT — daemonized, nothing persisted, loopback only, its
# pidfile and log in DIR. Returns 1 when it does not answer PING (e.g. the port
# got taken). fd 9 is closed so the server never holds a caller's lock.
start_redis() {
  local dir="$1" port="$2" i
  mkdir -p "$dir" || return 1
  # --daemonize detaches (setsid, stdio to /dev/null), so it never holds our
  # output pipe open; its pidfile is how we stop it.
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null 9>&- || return 1
  for ((i = 0; i < 100; i++)); do
    if [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)" == PONG ]]; then
      return 0
    fi
    sleep 0.1
  done
  warn "Redis did not answer on port $port; last lines of $dir/redis.log:"
  tail -n 10 "$dir/redis.log" >&2 2>/dev/null || true
  stop_redis "$dir"
  return 1
}

# stop_redis DIR — stop the redis-server whose pidfile is in DIR; idempotent.
stop_redis() {
  local dir="$1" pid i
  [[ -f "$dir/redis.pid" ]] || return 0
  pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  # Only signal the pid if it still is a redis-server (pids get reused).
  grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# ------------------------------------------------------- child processes ---

# run_supervised CMD... — run CMD in the background and wait for it, so that
# SIGINT/SIGTERM reach this shell's trap at once (bash defers traps while a
# foreground child runs). The first INT/TERM is forwarded to CMD as SIGTERM
# (background children of a non-interactive shell ignore SIGINT, and .NET
# hosts shut down gracefully on SIGTERM); a second signal, or
# MP_STOP_TIMEOUT seconds (default 30) without exiting, sends SIGKILL.
# Sets MP_CHILD_RC to CMD's exit status and MP_INTERRUPTED to INT/TERM/"".
# shellcheck disable=SC2034 # read by the scripts that source this file
MP_CHILD_PID="" MP_CHILD_RC=0 MP_INTERRUPTED=""

_mp_on_signal() {
  local sig="$1"
  if [[ -z "$MP_CHILD_PID" ]] || ! kill -0 "$MP_CHILD_PID" 2>/dev/null; then
    # Nothing to forward to (e.g. during setup): leave; the EXIT trap cleans up.
    log "received SIG$sig, exiting"
    if [[ "$sig" == INT ]]; then exit 130; else exit 143; fi
  fi
  if [[ -n "$MP_INTERRUPTED" ]]; then
    log "received SIG$sig again, killing pid $MP_CHILD_PID"
    kill -KILL "$MP_CHILD_PID" 2>/dev/null || true
    return 0
  fi
  MP_INTERRUPTED="$sig"
  log "received SIG$sig, stopping pid $MP_CHILD_PID (SIGTERM)"
  kill -TERM "$MP_CHILD_PID" 2>/dev/null || true
}

run_supervised() {
  trap '_mp_on_signal INT' INT
  trap '_mp_on_signal TERM' TERM
  MP_INTERRUPTED=""
  "$@" 9>&- &
  MP_CHILD_PID=$!
  local rc=0 deadline=""
  while :; do
    if [[ -z "$MP_INTERRUPTED" ]]; then
      rc=0
      wait "$MP_CHILD_PID" || rc=$?
      # `wait` also returns (>128) when a trapped signal arrives: if the
      # child is still there, go round again.
      kill -0 "$MP_CHILD_PID" 2>/dev/null && continue
      break
    fi
    # Shutting down: poll instead of blocking so the timeout can be enforced.
    # (bash reaps its children itself, so kill -0 fails once the child is gone.)
    [[ -n "$deadline" ]] || deadline=$((SECONDS + ${MP_STOP_TIMEOUT:-30}))
    if ! kill -0 "$MP_CHILD_PID" 2>/dev/null; then
      rc=0
      wait "$MP_CHILD_PID" || rc=$?
      break
    fi
    if ((SECONDS >= deadline)); then
      warn "pid $MP_CHILD_PID still running ${MP_STOP_TIMEOUT:-30}s after SIGTERM; killing it"
      kill -KILL "$MP_CHILD_PID" 2>/dev/null || true
      deadline=$((SECONDS + 3600))
    fi
    sleep 0.2
  done
  # shellcheck disable=SC2034 # read by the caller
  MP_CHILD_RC="$rc"
  MP_CHILD_PID=""
  # Back to "exit on signal" for the teardown that follows.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  return 0
}
