#!/usr/bin/env bash
# Development WhatsApp Cloud API stand-in: compiles it and runs it in the foreground.
#   WHATSAPP_STANDIN_PORT (default 8089), WHATSAPP_STANDIN_TOKEN, WHATSAPP_STANDIN_TEMPLATES
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
(cd "$ROOT" && npx tsc -p scripts/dev/tsconfig.json)
exec node "$ROOT/test-support/dist/dev/whatsapp-standin.main.js"
