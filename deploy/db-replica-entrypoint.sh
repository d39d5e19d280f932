#!/usr/bin/env bash
# docker-compose.yml's db-replica: on a new volume, a base backup of db taken with pg_basebackup (-R writes
# standby.signal and primary_conninfo); then the postgres image's own entrypoint, which finds a data folder
# and starts the server, a hot standby streaming from db.
set -euo pipefail
: "${UADE_REPLICATION_PASSWORD:?set UADE_REPLICATION_PASSWORD}"
PGDATA="${PGDATA:-/var/lib/postgresql/18/docker}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "db-replica: copying db with pg_basebackup…"
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  # Retried while db finishes its first start (its init scripts run on a server that refuses TCP).
  until gosu postgres env PGPASSWORD="$UADE_REPLICATION_PASSWORD" pg_basebackup \
      --host=db --username=uade_replicator --pgdata="$PGDATA" \
      --wal-method=stream --write-recovery-conf --checkpoint=fast --progress; do
    echo "db-replica: pg_basebackup failed, trying again in 5 s…"
    rm -rf "${PGDATA:?}"/*
    sleep 5
  done
fi
exec docker-entrypoint.sh "$@"
