#!/usr/bin/env bash
# `npm test`: every check a change must pass, cheapest first.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# The PostgreSQL runs need Debian's PostgreSQL server binaries (a throwaway cluster per run, see
# tests/pg/with-postgres.sh). Without them they are skipped loudly; CI=true does not allow that.
with_pg=""
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${PG_BIN:-}" ]; then
  with_pg=1
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql); CI=true does not allow skipping its tests" >&2
  exit 1
else
  echo "!!! PostgreSQL tests skipped: install postgresql (apt-get install -y postgresql) !!!" >&2
fi

echo "== typecheck"; npx next typegen >/dev/null; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings=0
echo "== migration drift"; bash tests/check-drift.sh
echo "== unit + integration"; npx vitest run --project unit --project integration
if [ -n "$with_pg" ]; then echo "== integration on PostgreSQL"; npm run --silent test:integration:pg; fi
echo "== browser"; npx vitest run --project e2e
if [ -n "$with_pg" ]; then echo "== two servers on PostgreSQL"; bash tests/pg/with-postgres.sh npx vitest run --project e2e tests/e2e/two-servers-pg.test.ts; fi
echo "== crash safety (10 s)"; npm run --silent chaos -- --seconds 10
echo "== benchmark smoke run (figures only, no thresholds)"
if [ -n "$with_pg" ]; then bash tests/pg/with-postgres.sh npm run --silent bench -- --quick; else npm run --silent bench -- --quick; fi
