#!/usr/bin/env bash
# Development SMTP sink: compiles the test-support sink and runs it in the foreground.
#   SMTP_SINK_PORT (default 2525), SMTP_SINK_HOST (127.0.0.1), SMTP_SINK_DIR (save .eml files there)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
(cd "$ROOT" && npx tsc -p scripts/dev/tsconfig.json)
exec node "$ROOT/test-support/dist/dev/smtp-sink.main.js"
