#!/usr/bin/env bash
# The processes of scripts/cluster, run by scripts/run once PostgreSQL is up
# (ConnectionStrings__MindPeeker is exported). Waits until every process is
# ready, then until one exits or SIGTERM arrives; then stops the front ends
# first and the silos one after another, each with SIGTERM (graceful drain).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="$MP_REPO_ROOT/src/Silo/bin/Release/net10.0"
LOGS="${MINDPEEKER_LOG_DIR:-$MP_REPO_ROOT/.data/cluster-logs}"
CLUSTER_ID="${MINDPEEKER_CLUSTER_ID:-local}"
mkdir -p "$LOGS"

SILO_PIDS=()
FRONTEND_PIDS=()

start_silo() { # name role silo-port http-port
  local name="$1" role="$2" silo_port="$3" http_port="$4"
  (cd "$OUT" && Silo__ClusterId="$CLUSTER_ID" Silo__SiloName="$name" \
    Silo__Endpoints__SiloPort="$silo_port" Silo__Endpoints__ListenAddress=127.0.0.1 \
    exec dotnet MindPeeker.Silo.dll --urls "http://127.0.0.1:$http_port" --role "$role" --no-frontend) \
    >"$LOGS/$name.log" 2>&1 &
  SILO_PIDS+=("$!")
  log "silo $name (role $role): silo port $silo_port, health http://127.0.0.1:$http_port/health/ready, log $LOGS/$name.log"
}

start_frontend() { # name http-port
  local name="$1" http_port="$2"
  (cd "$OUT" && Cluster__ClusterId="$CLUSTER_ID" exec dotnet MindPeeker.ApiFrontend.dll --urls "http://127.0.0.1:$http_port") \
    >"$LOGS/$name.log" 2>&1 &
  FRONTEND_PIDS+=("$!")
  log "front end $name: http://127.0.0.1:$http_port, log $LOGS/$name.log"
}

wait_ready() { # url pid
  local url="$1" pid="$2" deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || die "process $pid for $url exited; see its log in $LOGS"
    ((SECONDS < deadline)) || die "$url did not become ready within 120 s; see $LOGS"
    sleep 0.5
  done
}

stop_all() {
  trap - TERM INT EXIT
  log "stopping front ends"
  for pid in "${FRONTEND_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${FRONTEND_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  log "stopping silos one by one (each drains its grains)"
  for pid in "${SILO_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  log "cluster stopped"
}
trap 'stop_all; exit 0' TERM INT
trap stop_all EXIT

start_silo silo-cpu-1 cpu 11111 5091
wait_ready http://127.0.0.1:5091 "${SILO_PIDS[0]}"
start_silo silo-cpu-2 cpu 11112 5092
start_silo silo-gpu-1 gpu 11113 5093
start_frontend frontend-1 5080
start_frontend frontend-2 5081
wait_ready http://127.0.0.1:5092 "${SILO_PIDS[1]}"
wait_ready http://127.0.0.1:5093 "${SILO_PIDS[2]}"
wait_ready http://127.0.0.1:5080 "${FRONTEND_PIDS[0]}"
wait_ready http://127.0.0.1:5081 "${FRONTEND_PIDS[1]}"
log "cluster ready: front ends http://127.0.0.1:5080 and http://127.0.0.1:5081 (Ctrl-C to stop)"

# Until any process exits (then stop the rest) or a signal arrives.
wait -n "${SILO_PIDS[@]}" "${FRONTEND_PIDS[@]}" || true
warn "a process exited; stopping the cluster"
