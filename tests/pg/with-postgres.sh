#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#
#   bash tests/pg/with-postgres.sh <command…>
#
# initdb's a new cluster in a folder outside the project tree (/tmp/kubecards-pg-<pid>-…), starts it
# on 127.0.0.1 and a free port (socket in /tmp), creates the database "kubecards", exports
#   DATABASE_URL  postgresql://kubecards:…@127.0.0.1:<port>/kubecards
#   PG_TEST_URL   the same server's "postgres" database (tests create their own databases through it)
# runs the command, and always stops the server and removes the folder, whatever the command did.
# The command's exit code is the script's. Needs Debian's PostgreSQL (apt-get install -y postgresql);
# as root the server runs as the `postgres` OS user, since initdb refuses to run as root.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 <command…>" >&2; exit 2; }

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install -y postgresql, or set PG_BIN)" >&2
  exit 1
fi

# As root, run the server as `postgres`; otherwise as whoever we are.
as_pg() { "$@"; }
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  owner=postgres
  if command -v runuser >/dev/null 2>&1; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }; fi
fi

dir=$(mktemp -d "/tmp/kubecards-pg-$$-XXXXXX")
chmod 755 "$dir"
data="$dir/data"
log="$dir/server.log"
password="kc-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
started=""

cleanup() {
  local rc=$?
  if [ -n "$started" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

printf '%s\n' "$password" >"$dir/pwfile"
[ "$owner" = "$(id -un)" ] || chown -R "$owner" "$dir"

# UTF8 (the deck is Chinese and English) and the C collation (byte order, as SQLite compares text).
as_pg "$PG_BIN/initdb" -D "$data" -U kubecards --pwfile="$dir/pwfile" --auth=scram-sha-256 \
  -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# A throwaway cluster: durability settings off (a crash loses nothing we keep), TCP on loopback only.
# The server time zone is deliberately far from UTC: nothing may depend on it (timestamps are UTC).
for attempt in 1 2 3; do
  port=$(free_port)
  if as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 30 \
    -o "-k /tmp -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c TimeZone=Pacific/Chatham" \
    start >/dev/null; then
    started=1
    break
  fi
  [ "$attempt" = 3 ] && { cat "$log" >&2; exit 1; }
done

export PGPASSWORD="$password"
"$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U kubecards -d postgres -c 'CREATE DATABASE kubecards' >/dev/null
unset PGPASSWORD

export DATABASE_URL="postgresql://kubecards:$password@127.0.0.1:$port/kubecards"
export PG_TEST_URL="postgresql://kubecards:$password@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$port (data in $dir)" >&2

set +e
"$@"
rc=$?
set -e
exit "$rc"
