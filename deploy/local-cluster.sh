#!/usr/bin/env bash
# The topology of deploy/compose.yaml on this machine, without Docker: PostgreSQL (Debian's
# `postgresql`, a private port and data directory), a Prefect server on it, the `chusho` work pool
# with a process worker, a Dask scheduler and two single-threaded Dask workers, and the deployments
# of prefect.yaml deployed with its container paths mapped to this machine:
#   /app                      -> this repository
#   /data                     -> DIR/data (outputs, and the task cache in DIR/data/cache)
#   tcp://dask-scheduler:8786 -> the local Dask scheduler
#
# Usage: deploy/local-cluster.sh [--dir DIR] [-- COMMAND [ARG...]]
#   With a COMMAND, runs it once everything is up (with PREFECT_API_URL and DASK_SCHEDULER_ADDRESS
#   set), then stops everything and exits with its status. Without, stays up until Ctrl-C/SIGTERM.
#   For example:
#     deploy/local-cluster.sh -- prefect deployment run chusho-extract-on/manual --watch \
#         --param inputs='["samples/000_okaya.html"]' --param out=/tmp/manual-out
# DIR (default: a new temporary folder, removed at the end) holds the database (DIR/postgres), the
# logs (DIR/logs/*.log), the generated prefect.yaml and DIR/env (the addresses, written once ready).
# A DIR given with --dir is kept. Everything the script started is stopped when it exits, on
# failure too. Python is $PYTHON, else .venv/bin/python, else python3.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="" KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; KEEP=1; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
PY="${PYTHON:-}"
[ -n "$PY" ] || { [ -x "$ROOT/.venv/bin/python" ] && PY="$ROOT/.venv/bin/python"; } || PY=python3
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL not found: apt-get install postgresql (scripts/setup.sh)" >&2; exit 1; }
if [ -z "$DIR" ]; then DIR="$(mktemp -d -t chusho-cluster.XXXXXX)"; fi
mkdir -p "$DIR/logs" "$DIR/data/cache" "$DIR/prefect-home"
DIR="$(cd "$DIR" && pwd)"
LOGS="$DIR/logs" PGHOME="$DIR/postgres"
rm -f "$DIR/env"

# PostgreSQL refuses to run as root: as root (CI), run it as the `postgres` user Debian's package
# creates (or `nobody`), in a folder that user owns: DIR/postgres, or, when that user cannot reach
# DIR (a parent folder closed to others, as pytest's tmp_path), a private temporary folder.
PGUSER_OS="" PGHOME_PRIVATE=0
if [ "$(id -u)" = "0" ]; then
  PGUSER_OS="$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)"
  chmod 755 "$DIR"   # mktemp makes DIR 700
  if ! runuser -u "$PGUSER_OS" -- test -x "$DIR"; then
    PGHOME="$(mktemp -d -t chusho-cluster-pg.XXXXXX)" PGHOME_PRIVATE=1
  fi
fi
as_pg() { if [ -n "$PGUSER_OS" ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi; }
PGDATA="$PGHOME/data" PGSOCK="$PGHOME/socket"

PIDS=() NAMES=()   # process groups started here (and their names), stopped in reverse order
PG_STARTED=0 CMD_PID="" IDLE_PID=""
say() { echo "[${SECONDS}s] $*"; }
running() {  # the names of the services whose process group still has a process
  local i
  for i in "${!PIDS[@]}"; do if kill -0 -- "-${PIDS[i]}" 2>/dev/null; then echo "${NAMES[i]}"; fi; done
}
signal_all() {  # signal_all SIGNAL: every process group still running
  local i
  for i in "${!PIDS[@]}"; do kill "-$1" -- "-${PIDS[i]}" 2>/dev/null || true; done
}
wait_stopped() {  # wait_stopped SECONDS: true once no group has a process left
  local n
  for ((n = 0; n < $1 * 5; n++)); do [ -z "$(running)" ] && return 0; sleep 0.2; done
  return 1
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local left
  if [ -n "$CMD_PID" ]; then kill -TERM "$CMD_PID" 2>/dev/null || true; fi
  if [ -n "$IDLE_PID" ]; then kill "$IDLE_PID" 2>/dev/null || true; fi  # the idle loop's sleep, else left behind
  if [ ${#PIDS[@]} -gt 0 ]; then
    # All at once (nothing needs the others to shut down). A second SIGTERM is Prefect's own
    # escalation (its CLI then SIGKILLs itself): `prefect worker start` 3.8.8 answers the first by
    # cancelling its main task, and that cancellation never ends.
    signal_all TERM
    if ! wait_stopped 8; then
      left="$(running | tr '\n' ' ')"
      say "sending a second SIGTERM to: $left"
      signal_all TERM
      if ! wait_stopped 7; then
        say "killing (still running 15 s after SIGTERM): $(running | tr '\n' ' ')"
        signal_all KILL
      fi
    fi
    wait "${PIDS[@]}" 2>/dev/null || true
    say "stopped ${NAMES[*]}"
  fi
  if [ "$PG_STARTED" = 1 ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 && say "stopped postgres" || true
  fi
  cp "$PGHOME/postgres.log" "$LOGS/postgres.log" 2>/dev/null || true
  if [ "$PGHOME_PRIVATE" = 1 ]; then rm -rf "$PGHOME"; fi
  if [ "$KEEP" = 0 ]; then rm -rf "$DIR"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo "local-cluster.sh: failed at line $LINENO; logs in $LOGS" >&2' ERR
trap 'exit 143' TERM
trap 'exit 130' INT

# Each service in its own process group (setsid), so stopping it stops what it spawned
# (flow-run processes of the worker, the Dask nanny's worker process).
start() {  # start NAME COMMAND...: output to DIR/logs/NAME.log
  local name="$1"; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  PIDS+=("$!") NAMES+=("$name")
  say "started $name (pid $!)"
}
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for WHAT SECONDS COMMAND...: retry COMMAND until it succeeds
  local what="$1" secs="$2"; shift 2
  local until=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$until" ]; then
      echo "timed out after ${secs}s waiting for $what; logs in $LOGS" >&2
      tail -n 30 "$LOGS"/*.log >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  say "$what is up"
}

# Every process imports this repository's code and keeps Prefect's files inside DIR.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export PREFECT_HOME="$DIR/prefect-home" CHUSHO_CACHE_DIR="$DIR/data/cache"
export PREFECT_SERVER_ANALYTICS_ENABLED=false OMP_THREAD_LIMIT=1
unset PREFECT_API_URL PREFECT_API_KEY PREFECT_PROFILE

# PostgreSQL, as compose's `postgres` service (user and database `prefect`), on 127.0.0.1 and a
# private port, with a password made for this run (kept in PGHOME, readable by its owner only).
PG_PORT="$(free_port)" PREFECT_PORT="$(free_port)" DASK_PORT="$(free_port)"
mkdir -p "$PGHOME" "$PGDATA" "$PGSOCK"
chmod 700 "$PGHOME" "$PGDATA"
if [ ! -s "$PGHOME/password" ]; then
  (umask 077; "$PY" -c 'import secrets; print(secrets.token_hex(16))' >"$PGHOME/password")
fi
export PGPASSWORD; PGPASSWORD="$(cat "$PGHOME/password")"
touch "$PGHOME/postgres.log"
if [ -n "$PGUSER_OS" ]; then chown -R "$PGUSER_OS" "$PGHOME"; fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U prefect --pwfile="$PGHOME/password" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1
fi
PG_STARTED=1
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGHOME/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -k $PGSOCK -c listen_addresses=127.0.0.1" start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U prefect -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'prefect'" | grep -q 1 \
  || "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U prefect prefect
say "postgres is up (127.0.0.1:$PG_PORT, data in $PGDATA)"

# The Prefect server on it, as compose's `prefect-server`.
export PREFECT_API_DATABASE_CONNECTION_URL="postgresql+asyncpg://prefect:$PGPASSWORD@127.0.0.1:$PG_PORT/prefect"
start prefect-server "$PY" -m prefect server start --host 127.0.0.1 --port "$PREFECT_PORT" --no-ui
unset PREFECT_API_DATABASE_CONNECTION_URL PGPASSWORD   # only the server talks to the database
export PREFECT_API_URL="http://127.0.0.1:$PREFECT_PORT/api"
wait_for "prefect server" 180 curl -fsS "$PREFECT_API_URL/health"

# The Dask cluster, as compose's `dask-scheduler` and two `dask-worker` containers.
export DASK_SCHEDULER_ADDRESS="tcp://127.0.0.1:$DASK_PORT"
start dask-scheduler "$PY" -m dask scheduler --host 127.0.0.1 --port "$DASK_PORT" --dashboard-address :0
for n in 1 2; do
  start "dask-worker-$n" "$PY" -m dask worker "$DASK_SCHEDULER_ADDRESS" --nworkers 1 --nthreads 1 \
    --memory-limit 3GB --name "worker-$n"
done

# The deployments of prefect.yaml, with the container paths mapped here, as compose's `deploy`.
"$PY" - "$ROOT/prefect.yaml" "$DIR/prefect.yaml" "$ROOT" "$DIR/data" "$DASK_SCHEDULER_ADDRESS" <<'EOF'
import sys
import yaml

src, dst, app, data, dask = sys.argv[1:]
mapping = {"/app": app, "/data": data, "tcp://dask-scheduler:8786": dask}
seen = set()

def local(value):
    if isinstance(value, dict):
        return {k: local(v) for k, v in value.items()}
    if isinstance(value, list):
        return [local(v) for v in value]
    if isinstance(value, str):
        for old, new in mapping.items():
            if value == old or value.startswith(old + "/"):
                seen.add(old)
                return new + value[len(old):]
    return value

spec = yaml.safe_load(open(src, encoding="utf-8"))
spec = {k: (local(v) if k in ("pull", "deployments") else v) for k, v in spec.items()}
missing = set(mapping) - seen
if missing:  # prefect.yaml changed: this mapping must change with it
    sys.exit(f"prefect.yaml no longer uses {sorted(missing)}: update deploy/local-cluster.sh")
yaml.safe_dump(spec, open(dst, "w", encoding="utf-8"), allow_unicode=True, sort_keys=False)
EOF
"$PY" -m prefect work-pool create chusho --type process >"$LOGS/deploy.log" 2>&1
(cd "$ROOT" && "$PY" -m prefect --no-prompt deploy --all --prefect-file "$DIR/prefect.yaml") >>"$LOGS/deploy.log" 2>&1 \
  || { cat "$LOGS/deploy.log" >&2; exit 1; }
say "deployments created (prefect.yaml mapped to $DIR/prefect.yaml)"

# The Prefect worker pulling from the pool, as compose's `prefect-worker`; it asks for runs every
# 2 s here instead of every 10 s, so a run starts soon after it is triggered.
PREFECT_WORKER_QUERY_SECONDS=2 start prefect-worker "$PY" -m prefect worker start --pool chusho --type process
wait_for "2 dask workers" 180 "$PY" -c "
import sys
from distributed import Client
with Client('$DASK_SCHEDULER_ADDRESS', timeout=10) as c:
    sys.exit(len(c.scheduler_info(n_workers=-1)['workers']) < 2)"
wait_for "prefect worker" 120 grep -q "started" "$LOGS/prefect-worker.log"

cat >"$DIR/env" <<EOF
PREFECT_API_URL=$PREFECT_API_URL
DASK_SCHEDULER_ADDRESS=$DASK_SCHEDULER_ADDRESS
CHUSHO_CLUSTER_DATA=$DIR/data
CHUSHO_CLUSTER_LOGS=$LOGS
CHUSHO_CLUSTER_POSTGRES=127.0.0.1:$PG_PORT
EOF
say "ready: $DIR/env"

if [ $# -gt 0 ]; then
  "$@" &
  CMD_PID=$!
  wait "$CMD_PID"
else
  echo "Ctrl-C stops everything."
  while :; do sleep 3600 & IDLE_PID=$!; wait "$IDLE_PID"; done
fi
