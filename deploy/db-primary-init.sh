#!/usr/bin/env bash
# docker-compose.yml's db, on a new volume (the postgres image runs /docker-entrypoint-initdb.d/ once): the
# role db-replica streams the WAL as, allowed to connect for replication from the compose network.
set -euo pipefail
: "${UADE_REPLICATION_PASSWORD:?set UADE_REPLICATION_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$UADE_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE uade_replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo 'host replication uade_replicator all scram-sha-256' >> "$PGDATA/pg_hba.conf"
