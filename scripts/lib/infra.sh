# shellcheck shell=bash
# Provisions and starts the real infrastructure the system needs: PostgreSQL, NATS JetStream,
# the Temporal dev server, the Temporal time-skipping test server and Chromium.
# Idempotent: whatever is already installed or built is reused. Slow one-time builds live in a
# tools cache outside the clone (TOOLS_DIR), keyed by version, so every clone and CI reuse them.

NATS_SERVER_VERSION="${NATS_SERVER_VERSION:-v2.12.0}"
TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEMPORAL_TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.31.0}"
TOOLS_DIR="${COBRANZA_TOOLS_DIR:-$HOME/.cache/cobranza-tools}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DB_SERVICES=(clients billing documents notifications)

log() { printf '\033[1m[infra]\033[0m %s\n' "$*" >&2; }
fail() {
  printf '\n\033[31m[infra] FAILED: %s\033[0m\n' "$1" >&2
  [ -n "${2:-}" ] && printf '\033[31m[infra] How to fix: %s\033[0m\n' "$2" >&2
  exit 1
}

as_postgres() { PGOPTIONS='-c client_min_messages=warning' runuser -u postgres -- "$@"; }

ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "Debian packages missing: ${missing[*]}" "run as root, or: sudo apt-get install -y ${missing[*]}"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/tmp/cobranza-apt.log 2>&1 \
    || fail "apt-get could not install ${missing[*]} (log: /tmp/cobranza-apt.log)" "check the Debian mirror, then re-run"
}

ensure_node_modules() {
  mkdir -p "$REPO_ROOT/.run"
  local stamp="$REPO_ROOT/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$REPO_ROOT/package-lock.json" -nt "$stamp" ]; then
    log "installing npm dependencies (npm ci)"
    if ! (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error 2>"$REPO_ROOT/.run/npm-ci.log"); then
      # npm 11's ci rejects a lock file that lacks optional binaries for other platforms, which a
      # registry mirror may not serve (jest's unrs-resolver). `npm install --no-save` installs the
      # same locked versions without rewriting package-lock.json.
      grep -q 'Missing: @unrs/resolver-binding' "$REPO_ROOT/.run/npm-ci.log" \
        || { cat "$REPO_ROOT/.run/npm-ci.log" >&2; fail "npm ci failed" "check the npm registry and package-lock.json"; }
      log "npm ci refused only other platforms' optional binaries; installing the locked versions with npm install --no-save"
      (cd "$REPO_ROOT" && npm install --no-save --no-audit --no-fund --loglevel=error) || fail "npm install failed" "check the npm registry"
    fi
  fi
}

build_project() {
  log "compiling TypeScript (tsc -b)"
  (cd "$REPO_ROOT" && npx tsc -b tsconfig.build.json) || fail "TypeScript compilation failed" "fix the type errors shown above"
}

# NATS server: built from the Go module proxy, Debian's nats-server as the fallback.
ensure_nats_server() {
  local dir="$TOOLS_DIR/nats-server-$NATS_SERVER_VERSION"
  if [ -n "${NATS_SERVER_BIN:-}" ]; then return 0; fi
  if [ ! -x "$dir/nats-server" ]; then
    log "building nats-server $NATS_SERVER_VERSION into $dir (one time)"
    mkdir -p "$dir"
    if ! GOBIN="$dir" GOFLAGS=-mod=mod go install "github.com/nats-io/nats-server/v2@$NATS_SERVER_VERSION" >"$dir.build.log" 2>&1; then
      log "go install of nats-server failed (see $dir.build.log); falling back to Debian's nats-server"
      ensure_apt_packages nats-server
      NATS_SERVER_BIN="$(command -v nats-server)" || fail "no nats-server available" "install Go or the Debian package nats-server"
      export NATS_SERVER_BIN
      return 0
    fi
  fi
  export NATS_SERVER_BIN="$dir/nats-server"
}

ensure_temporal_cli() {
  local dir="$TOOLS_DIR/temporal-cli-$TEMPORAL_CLI_VERSION"
  if [ ! -x "$dir/temporal" ]; then
    log "building the Temporal CLI $TEMPORAL_CLI_VERSION into $dir (one time, several minutes)"
    mkdir -p "$dir"
    GOBIN="$dir" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >"$dir.build.log" 2>&1 \
      || fail "could not build the Temporal CLI (log: $dir.build.log)" "make sure Go >= 1.23 is installed and the Go module proxy is reachable"
  fi
  export TEMPORAL_CLI_BIN="$dir/temporal"
}

# The official Java time-skipping test server from Maven Central, wrapped in an executable that
# passes its arguments (the port chosen by @temporalio/testing) through unchanged.
ensure_temporal_test_server() {
  local dir="$TOOLS_DIR/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION"
  if [ ! -x "$dir/temporal-test-server" ]; then
    command -v java >/dev/null || fail "java is not installed" "apt-get install -y openjdk-17-jre-headless"
    command -v mvn >/dev/null || fail "maven is not installed" "apt-get install -y maven"
    log "resolving io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION with Maven (one time)"
    mkdir -p "$dir"
    cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.cobranza</groupId><artifactId>temporal-test-server-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>$TEMPORAL_TEST_SERVER_VERSION</version></dependency>
  </dependencies>
</project>
POM
    (cd "$dir" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime >"$dir/build.log" 2>&1) \
      || fail "Maven could not resolve the Temporal test server (log: $dir/build.log)" "check that Maven Central is reachable"
    cat >"$dir/temporal-test-server.tmp" <<WRAP
#!/bin/sh
# Temporal time-skipping test server (io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION).
exec java -cp "$dir/lib/*" io.temporal.testserver.TestServer "\$@"
WRAP
    chmod +x "$dir/temporal-test-server.tmp"
    mv "$dir/temporal-test-server.tmp" "$dir/temporal-test-server"
  fi
  export TEMPORAL_TEST_SERVER_PATH="$dir/temporal-test-server"
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  ensure_apt_packages chromium
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] || fail "Chromium not found at $CHROMIUM_PATH" "apt-get install -y chromium, or set CHROMIUM_PATH"
}

# PostgreSQL 15 from Debian, started with pg_ctlcluster.
start_postgres() {
  if [ -n "${DATABASE_ADMIN_URL:-}" ]; then return 0; fi  # an external server: nothing to start
  ensure_apt_packages postgresql
  local ver
  ver="$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1}')"
  if [ -z "$ver" ]; then
    ver="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
    log "creating PostgreSQL $ver cluster"
    pg_createcluster "$ver" main >/dev/null || fail "pg_createcluster failed" "check /var/log/postgresql"
  fi
  if ! pg_lsclusters -h | awk '$2=="main"{print $4}' | grep -q online; then
    log "starting PostgreSQL $ver"
    pg_ctlcluster "$ver" main start || fail "PostgreSQL did not start" "read /var/log/postgresql/postgresql-$ver-main.log"
  fi
  local i
  for i in $(seq 1 50); do
    as_postgres psql -qAtc 'select 1' >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  fail "PostgreSQL is not accepting connections" "read /var/log/postgresql/postgresql-$ver-main.log"
}

# One login role and one schema per service: the role owns its schema and nothing else, so
# schema ownership is enforced by the database, not only agreed.
provision_database() {
  local db="$1" recreate="${2:-no}"
  if [ "$recreate" = "recreate" ]; then
    as_postgres psql -qv ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null \
      || fail "could not drop database $db"
  fi
  if ! as_postgres psql -qAtc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    as_postgres psql -qv ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null || fail "could not create database $db"
  fi
  local svc role
  for svc in "${DB_SERVICES[@]}"; do
    role="svc_$svc"
    as_postgres psql -qv ON_ERROR_STOP=1 -d "$db" >/dev/null <<SQL || fail "could not provision role $role and schema $svc in $db"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$role';
  END IF;
END \$\$;
GRANT CONNECT ON DATABASE "$db" TO $role;
CREATE SCHEMA IF NOT EXISTS $svc AUTHORIZATION $role;
REVOKE ALL ON SCHEMA public FROM $role;
ALTER ROLE $role SET search_path = $svc;
SQL
  done
  as_postgres psql -qv ON_ERROR_STOP=1 -d "$db" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC; REVOKE ALL ON DATABASE \"$db\" FROM PUBLIC" >/dev/null
}

wait_for_port() {
  local port="$1" what="$2" logfile="$3" i
  for i in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.2
  done
  fail "$what did not open port $port" "read $logfile"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_nats STATE_DIR PORT [MONITOR_PORT]
start_nats() {
  local state="$1" port="$2" monitor="${3:-}"
  if port_open "$port"; then log "NATS already listening on $port"; return 0; fi
  ensure_nats_server
  mkdir -p "$state/nats"
  local args=(-a 127.0.0.1 -p "$port" -js -sd "$state/nats")
  [ -n "$monitor" ] && args+=(-m "$monitor")
  log "starting NATS JetStream on 127.0.0.1:$port"
  nohup "$NATS_SERVER_BIN" "${args[@]}" >"$state/nats.log" 2>&1 &
  echo $! >"$state/nats.pid"
  wait_for_port "$port" "NATS" "$state/nats.log"
}

search_attribute_flags() {
  grep -v '^#' "$REPO_ROOT/deploy/temporal/search-attributes.txt" | grep . | sed 's/^/--search-attribute /' | tr '\n' ' '
}

# start_temporal STATE_DIR PORT UI_PORT|headless [DB_FILE]
start_temporal() {
  local state="$1" port="$2" ui="$3" dbfile="${4:-}"
  if port_open "$port"; then log "Temporal already listening on $port"; ensure_temporal_cli; register_search_attributes "$port"; return 0; fi
  ensure_temporal_cli
  mkdir -p "$state"
  local args=(server start-dev --ip 127.0.0.1 --port "$port" --log-level warn)
  if [ "$ui" = "headless" ]; then args+=(--headless); else args+=(--ui-port "$ui"); fi
  [ -n "$dbfile" ] && args+=(--db-filename "$dbfile")
  # shellcheck disable=SC2207
  args+=($(search_attribute_flags))
  log "starting the Temporal dev server on 127.0.0.1:$port"
  nohup "$TEMPORAL_CLI_BIN" "${args[@]}" >"$state/temporal.log" 2>&1 &
  echo $! >"$state/temporal.pid"
  wait_for_port "$port" "the Temporal dev server" "$state/temporal.log"
  # The frontend opens its port before the namespace is ready: wait until it answers.
  local i
  for i in $(seq 1 100); do
    if "$TEMPORAL_CLI_BIN" operator namespace describe --address "127.0.0.1:$port" -n default >/dev/null 2>&1; then
      register_search_attributes "$port"
      return 0
    fi
    sleep 0.3
  done
  fail "the Temporal dev server is not answering on $port" "read $state/temporal.log"
}

# The start flags register search attributes only in a new database: a dev database kept from
# an older version of the list gets the ones added since.
register_search_attributes() {
  local port="$1" known line name type
  known="$("$TEMPORAL_CLI_BIN" operator search-attribute list --address "127.0.0.1:$port" -n default 2>/dev/null)"
  while IFS= read -r line; do
    [[ -z "$line" || "$line" == \#* ]] && continue
    name="${line%%=*}"; type="${line#*=}"
    grep -qw "$name" <<<"$known" && continue
    log "registering search attribute $name ($type)"
    "$TEMPORAL_CLI_BIN" operator search-attribute create --address "127.0.0.1:$port" -n default --name "$name" --type "$type" >/dev/null \
      || fail "search attribute $name could not be registered" "check deploy/temporal/search-attributes.txt"
  done <"$REPO_ROOT/deploy/temporal/search-attributes.txt"
}

stop_pidfile() {
  local f="$1"
  [ -f "$f" ] || return 0
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}
