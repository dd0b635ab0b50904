#!/usr/bin/env bash
# Fails when a schema and its committed migrations disagree, for either provider:
#   prisma/schema.prisma           vs prisma/migrations           (SQLite, the embedded default)
#   prisma/postgres/schema.prisma  vs prisma/postgres/migrations  (PostgreSQL)
# and when the two schema files differ in anything but their generator/datasource blocks.
# The PostgreSQL diff replays the migrations into a shadow database, so it needs a server: the one
# DATABASE_URL names when that is postgresql://, else a throwaway one (tests/pg/with-postgres.sh).
# Without PostgreSQL installed that part is skipped loudly (CI=true does not allow the skip).
set -euo pipefail
cd "$(dirname "$0")/.."

pg_drift() {
  if ! out=$(npx prisma migrate diff --config prisma/postgres/prisma.config.ts --from-migrations prisma/postgres/migrations --to-schema-datamodel prisma/postgres/schema.prisma --exit-code 2>&1); then
    echo "$out"
    echo "Migration drift: prisma/postgres/schema.prisma differs from prisma/postgres/migrations. Add a PostgreSQL migration (see README)." >&2
    exit 1
  fi
  echo "PostgreSQL migrations match the PostgreSQL schema"
}

if [ "${1:-}" = "--postgres-only" ]; then pg_drift; exit 0; fi

if ! out=$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --exit-code 2>&1); then
  echo "$out"
  echo "Migration drift: the schema differs from prisma/migrations. Add a migration (see README)." >&2
  exit 1
fi
echo "migrations match the schema"

node tests/pg/schema-twins.mjs

if [[ "${DATABASE_URL:-}" =~ ^postgres(ql)?:// ]]; then
  pg_drift
elif ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${PG_BIN:-}" ]; then
  bash tests/pg/with-postgres.sh bash tests/check-drift.sh --postgres-only
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL drift check needs PostgreSQL (apt-get install -y postgresql); CI=true does not allow skipping it" >&2
  exit 1
else
  echo "!!! PostgreSQL migration drift NOT checked: PostgreSQL is not installed (apt-get install -y postgresql) !!!" >&2
fi
