#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL, NATS JetStream, the Temporal dev server,
# the Temporal time-skipping test server and Chromium. Test servers use their own ports, a
# fresh database and fresh JetStream storage, so they never touch a running dev system.
set -euo pipefail
source "$(dirname "$0")/lib/infra.sh"

# Two runs at once need their own ports, database and state: set TEST_NATS_PORT,
# TEST_TEMPORAL_PORT and TEST_DATABASE (the state folder follows the database name).
TEST_DATABASE="${TEST_DATABASE:-cobranza_test}"
STATE="$REPO_ROOT/.run/$TEST_DATABASE"
rm -rf "$STATE"
mkdir -p "$STATE"
TEST_NATS_PORT="${TEST_NATS_PORT:-4322}"
TEST_TEMPORAL_PORT="${TEST_TEMPORAL_PORT:-7333}"
cleanup() {
  stop_pidfile "$STATE/nats.pid"
  stop_pidfile "$STATE/temporal.pid"
}
trap cleanup EXIT

ensure_apt_packages postgresql chromium libxml2-utils
ensure_chromium
ensure_nats_server
ensure_temporal_cli
ensure_temporal_test_server
ensure_node_modules
# TEST_SKIP_BUILD=1 skips the whole-tree compile and type-check (jest compiles what it runs), so
# a focused run is not blocked by unfinished work elsewhere in the tree. CI never sets it.
if [[ "${TEST_SKIP_BUILD:-}" != 1 ]]; then
  build_project
  log "type-checking the tests"
  (cd "$REPO_ROOT" && npx tsc -p tsconfig.test.json) || fail "the tests do not type-check" "fix the errors shown above"
fi

start_postgres
provision_database "$TEST_DATABASE" recreate
port_open "$TEST_NATS_PORT" && fail "port $TEST_NATS_PORT is taken" "stop whatever listens there or set TEST_NATS_PORT"
port_open "$TEST_TEMPORAL_PORT" && fail "port $TEST_TEMPORAL_PORT is taken" "stop whatever listens there or set TEST_TEMPORAL_PORT"
start_nats "$STATE" "$TEST_NATS_PORT"
start_temporal "$STATE" "$TEST_TEMPORAL_PORT" headless

export DATABASE_URL="postgres://127.0.0.1:5432/$TEST_DATABASE"
export NATS_URL="nats://127.0.0.1:$TEST_NATS_PORT"
export TEMPORAL_ADDRESS="127.0.0.1:$TEST_TEMPORAL_PORT"
export TEMPORAL_TEST_SERVER_PATH CHROMIUM_PATH
export LOG_LEVEL="${LOG_LEVEL:-warn}"

log "running jest"
set +e
(cd "$REPO_ROOT" && npx jest --runInBand --json --outputFile="$STATE/jest.json" "$@")
status=$?
set -e
node -e '
  const r = require(process.argv[1]);
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$STATE/jest.json" 2>/dev/null || true
exit $status
