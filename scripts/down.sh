#!/usr/bin/env bash
# Stops what scripts/up.sh started (PostgreSQL, a system service, is left running).
set -uo pipefail
source "$(dirname "$0")/lib/infra.sh"
STATE="$REPO_ROOT/.run/dev"
for name in gateway worker clients billing documents notifications smtp-sink whatsapp-standin temporal nats; do
  stop_pidfile "$STATE/$name.pid"
done
log "stopped"
