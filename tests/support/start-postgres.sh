#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the API test matrix and prints its URL.
# Usage: eval "$(tests/support/start-postgres.sh)"  → exports SHIFTDESK_TEST_DATABASE_URL
set -euo pipefail
port="${SHIFTDESK_TEST_PG_PORT:-55432}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "echo 'PostgreSQL is not installed (apt-get install postgresql)' >&2; false"
  exit 1
fi
dir=$(mktemp -d /tmp/shiftdesk-pg.XXXXXX)
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run "'$bin/initdb' -D '$dir/data' -A trust -U postgres --no-sync" >"$dir/initdb.log" 2>&1
run "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >&2
run "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres shiftdesk_test" >&2
echo "export SHIFTDESK_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/shiftdesk_test"
echo "export SHIFTDESK_TEST_PG_DIR=$dir"
