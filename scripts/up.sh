#!/usr/bin/env bash
# Brings the whole system up on this machine: infrastructure, migrations, every service, the
# worker and demo data. Re-running it reuses what is already running. Stop with scripts/down.sh.
set -euo pipefail
source "$(dirname "$0")/lib/infra.sh"

STATE="$REPO_ROOT/.run/dev"
LOGS="$STATE/logs"
mkdir -p "$LOGS"
export DATABASE_URL="${DATABASE_URL:-postgres://127.0.0.1:5432/cobranza}"
export NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
GATEWAY_PORT="${GATEWAY_PORT:-3000}"
# Without NOTIFICATIONS_SECRET_KEY, notifications uses its published development key (never in
# production, where it refuses to start without one: docs/notifications.md).

ensure_apt_packages postgresql chromium libxml2-utils
ensure_chromium
ensure_node_modules
build_project
start_postgres
provision_database cobranza
start_nats "$STATE" 4222 8222
start_temporal "$STATE" 7233 8233 "$STATE/temporal.db"

for svc in "${DB_SERVICES[@]}"; do
  node "$REPO_ROOT/services/$svc/dist/migrate.js" up >"$LOGS/migrate-$svc.log" 2>&1 \
    || fail "migrations of $svc failed" "read $LOGS/migrate-$svc.log"
done
log "migrations applied"

start_process() {
  local name="$1" port="$2" entry="$3"
  if [ -f "$STATE/$name.pid" ] && kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
    log "$name already running"; return 0
  fi
  HTTP_PORT="$port" nohup node "$REPO_ROOT/$entry" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
}
# Development stand-ins for the outside world: a real SMTP server that keeps every message as an
# .eml file, and a local server speaking the WhatsApp Cloud API (the demo tenant uses both).
(cd "$REPO_ROOT" && npx tsc -p scripts/dev/tsconfig.json) || fail "the development sinks do not compile" "fix the errors shown above"
mkdir -p "$STATE/mail"
SMTP_SINK_PORT=2525 SMTP_SINK_DIR="$STATE/mail" start_process smtp-sink 0 test-support/dist/dev/smtp-sink.main.js
WHATSAPP_STANDIN_PORT=8089 WHATSAPP_STANDIN_TOKEN=demo-whatsapp-token start_process whatsapp-standin 0 test-support/dist/dev/whatsapp-standin.main.js

start_process clients 3001 services/clients/dist/main.js
start_process billing 3002 services/billing/dist/main.js
start_process documents 3003 services/documents/dist/main.js
start_process notifications 3004 services/notifications/dist/main.js
start_process worker 3005 workflows/dist/main.js
start_process gateway "$GATEWAY_PORT" services/gateway/dist/main.js

# Every process answers /health/ready once its database, NATS, Temporal or Chromium work.
for port in 3001 3002 3003 3004 3005 "$GATEWAY_PORT"; do
  for i in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    [ "$i" -eq 150 ] && fail "the process on port $port did not become ready" "read the logs in $LOGS and: curl http://127.0.0.1:$port/health/ready"
    sleep 0.2
  done
done

node "$REPO_ROOT/services/gateway/dist/cli/seed-demo.js" "$STATE/demo-tenant.json" || fail "demo data could not be created" "read the message above"

cat <<MSG

Cobranza is up.
  API:            http://localhost:$GATEWAY_PORT/v1/clients  (header Authorization: Bearer <demo API key above>)
  OpenAPI docs:   http://localhost:$GATEWAY_PORT/docs   (document: /docs/openapi.json)
  Temporal UI:    http://localhost:8233
  Mail (SMTP sink on :2525): every message the demo tenant sends is saved in $STATE/mail
  WhatsApp Cloud API stand-in: http://127.0.0.1:8089 (requests it took: /_standin/requests)
  Logs:           $LOGS
  Stop:           bash scripts/down.sh
MSG
