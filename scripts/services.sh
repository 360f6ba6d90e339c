#!/usr/bin/env bash
# Project-local PostgreSQL 15 and Redis 7, so a fresh clone needs no system services.
# Idempotent: "up" on running services is a no-op; stale pid files left by a crash are cleared.
# DATABASE_URL / REDIS_URL in the environment mean "use that external server" and skip the local one.
set -euo pipefail
STEP_TAG=services
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${GD_LOCAL_DIR:-$ROOT/.local}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${GD_PG_PORT:-54329}"
REDIS_PORT="${GD_REDIS_PORT:-63799}"
PG_DATA="$LOCAL/pg/data"
PG_RUN="$LOCAL/pg/run"
PG_LOG="$LOCAL/pg/server.log"
PG_DB="${GD_PG_DB:-grievance_desk}"
REDIS_DIR="$LOCAL/redis"

log() { printf '[services] %s\n' "$*" >&2; }

as_pg() {
  # PostgreSQL refuses to run as root; run its binaries as the postgres user then.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_postgres_user() {
  [ "$(id -u)" = "0" ] || return 0
  id postgres >/dev/null 2>&1 && return 0
  log "creating system user postgres"
  useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
}

# A live process, not a zombie: containers often have no init reaping a killed postmaster.
pid_alive() { [ -n "$1" ] && [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; }

pg_running() {
  local pid
  pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  pid_alive "$pid" && grep -q '^postgres' "/proc/$pid/comm" 2>/dev/null
}

clear_stale_pg_pid() {
  local lock pid
  # postgres guards both its data folder and its socket with a lock file naming the postmaster pid.
  for lock in "$PG_DATA/postmaster.pid" "$PG_RUN/.s.PGSQL.$PG_PORT.lock"; do
    [ -f "$lock" ] || continue
    pid="$(head -n 1 "$lock" 2>/dev/null || true)"
    if pid_alive "$pid" && grep -q '^postgres' "/proc/$pid/comm" 2>/dev/null; then continue; fi
    log "removing stale $lock (pid ${pid:-?} is not a running postgres)"
    rm -f "$lock"
  done
}

pg_up() {
  if [ -n "${DATABASE_URL:-}" ]; then log "DATABASE_URL set: using external PostgreSQL"; return 0; fi
  [ -x "$PG_BIN/initdb" ] || { log "PostgreSQL 15 binaries not found in $PG_BIN (set PG_BIN)"; exit 1; }
  ensure_postgres_user
  mkdir -p "$LOCAL/pg"
  if [ "$(id -u)" = "0" ]; then
    install -d -o postgres -g postgres -m 700 "$PG_DATA"
    install -d -o postgres -g postgres -m 755 "$PG_RUN"
    chown postgres:postgres "$LOCAL/pg"
    touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
    # The postgres user must be able to reach the data folder through every parent.
    if ! runuser -u postgres -- test -w "$PG_DATA"; then
      log "user postgres cannot write $PG_DATA (a parent folder is not traversable); set GD_LOCAL_DIR elsewhere"
      exit 1
    fi
  else
    mkdir -p "$PG_DATA" "$PG_RUN" && chmod 700 "$PG_DATA"
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "initdb $PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if pg_running; then
    log "postgres already running on 127.0.0.1:$PG_PORT"
  else
    clear_stale_pg_pid
    local opts="-p $PG_PORT -k $PG_RUN -c listen_addresses=127.0.0.1 -c max_connections=200"
    # Test runs trade durability for speed; a developer's database keeps it.
    if [ "${GD_PG_FAST:-0}" = "1" ]; then opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
    log "starting postgres on 127.0.0.1:$PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$opts" -w -t 60 start >/dev/null
  fi
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    log "creating database $PG_DB"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
  fi
}

pg_down() {
  [ -f "$PG_DATA/PG_VERSION" ] || return 0
  if pg_running; then
    log "stopping postgres"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  fi
}

ensure_redis_installed() {
  command -v redis-server >/dev/null 2>&1 && return 0
  log "redis-server missing: installing the Debian package"
  local sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  # The package may start a system instance on 6379; ours runs on its own port, so leave that one alone.
}

redis_ping() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

redis_up() {
  if [ -n "${REDIS_URL:-}" ]; then log "REDIS_URL set: using external Redis"; return 0; fi
  ensure_redis_installed
  mkdir -p "$REDIS_DIR"
  if redis_ping; then log "redis already running on 127.0.0.1:$REDIS_PORT"; return 0; fi
  local pidfile="$REDIS_DIR/redis.pid"
  if [ -f "$pidfile" ] && ! pid_alive "$(cat "$pidfile")"; then
    log "removing stale $pidfile"
    rm -f "$pidfile"
  fi
  local appendonly="yes"
  [ "${GD_REDIS_EPHEMERAL:-0}" = "1" ] && appendonly="no"
  cat >"$REDIS_DIR/redis.conf" <<CONF
bind 127.0.0.1
protected-mode yes
port $REDIS_PORT
daemonize yes
pidfile $pidfile
logfile $REDIS_DIR/redis.log
dir $REDIS_DIR
appendonly $appendonly
appendfsync everysec
maxmemory-policy noeviction
hz 100
save ""
CONF
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server "$REDIS_DIR/redis.conf"
  for _ in $(seq 1 50); do redis_ping && return 0; sleep 0.1; done
  log "redis did not answer on port $REDIS_PORT; see $REDIS_DIR/redis.log"
  exit 1
}

redis_down() {
  if redis_ping; then
    log "stopping redis"
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
  fi
}

# Development secrets (JWT, PII keys) for `npm start`; production sets its own and never reads this file.
ensure_dev_keys() {
  local file="$LOCAL/dev-keys.env"
  [ -f "$file" ] && return 0
  mkdir -p "$LOCAL"
  log "generating development keys into $file"
  umask 077
  {
    echo "# Generated by scripts/services.sh for local development only. Never use in production."
    echo "JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n=+/')"
    echo "PII_KEYS=dev1:$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
    echo "PII_ACTIVE_KEY_ID=dev1"
    echo "PII_HMAC_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  } >"$file"
}

case "${1:-up}" in
  up) pg_up; redis_up; ensure_dev_keys ;;
  down) redis_down; pg_down ;;
  status)
    if pg_running && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then echo "postgres: up (127.0.0.1:$PG_PORT)"; else echo "postgres: down"; fi
    if redis_ping; then echo "redis: up (127.0.0.1:$REDIS_PORT)"; else echo "redis: down"; fi
    ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
