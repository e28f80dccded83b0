#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL with a 'parkwatch' user and database for the tests, then
# prints the JDBC URL the tests read from PARKWATCH_TEST_POSTGRES_URL.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
pg_ctlcluster $cluster start >&2 2>/dev/null || true
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -qtA -c \"SELECT 1 FROM pg_roles WHERE rolname='parkwatch'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE USER parkwatch PASSWORD 'parkwatch'\"" >&2
su postgres -c "psql -qtA -c \"SELECT 1 FROM pg_database WHERE datname='parkwatch'\"" | grep -q 1 \
  || su postgres -c "createdb -O parkwatch parkwatch" >&2
echo "jdbc:postgresql://127.0.0.1:5432/parkwatch?user=parkwatch&password=parkwatch"
