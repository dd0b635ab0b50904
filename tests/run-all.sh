#!/usr/bin/env bash
# `npm test`: every check a change must pass, cheapest first.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== typecheck"; npx next typegen >/dev/null; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings=0
echo "== migration drift"; bash tests/check-drift.sh
echo "== unit + integration"; npx vitest run --project unit --project integration
echo "== browser"; npx vitest run --project e2e
