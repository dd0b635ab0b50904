#!/usr/bin/env bash
# Fails when prisma/schema.prisma and the committed migrations disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! out=$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --exit-code 2>&1); then
  echo "$out"
  echo "Migration drift: the schema differs from prisma/migrations. Add a migration (see README)." >&2
  exit 1
fi
echo "migrations match the schema"
