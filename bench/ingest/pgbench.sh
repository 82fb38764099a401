#!/usr/bin/env bash
# Raw PostgreSQL limit for one-row insert transactions, 1 and 8 clients (CLIENTS="1 8"), on a scratch database.
set -euo pipefail
HOST=${POSTGRES_HOST:-127.0.0.1}
PORT=${POSTGRES_PORT:-5432}
USER=${POSTGRES_USER:-postgres}
DB=pm_bench_pgbench
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
here=$(cd "$(dirname "$0")" && pwd)
psql -h "$HOST" -p "$PORT" -U "$USER" -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql -h "$HOST" -p "$PORT" -U "$USER" -d "$DB" -qc "
  CREATE SEQUENCE bench_event_seq;
  CREATE TABLE bench_event (
    global_index BIGINT PRIMARY KEY DEFAULT nextval('bench_event_seq'),
    event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL, type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL,
    payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA,
    UNIQUE (aggregate_identifier, sequence_number));"
for clients in ${CLIENTS:-1 8}; do
  echo "== $clients client(s), ${SECONDS_PER_RUN}s"
  pgbench -h "$HOST" -p "$PORT" -U "$USER" -n -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" \
    -T "$SECONDS_PER_RUN" -f "$here/pgbench-insert.sql" "$DB" | grep -E "^tps|latency average"
done
psql -h "$HOST" -p "$PORT" -U "$USER" -d postgres -qc "DROP DATABASE $DB"
