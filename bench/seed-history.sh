#!/usr/bin/env bash
# Makes database $1 hold at least $2 events over $3 positions, written by HistorySeeder through the batched command
# path; a database that already holds them is left as it is. Used by bench/history and bench/replay.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$1 EVENTS=$2 ASSETS=$3
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

stored=$("${PSQL[@]}" -d "$DB" -c "SELECT COALESCE(max(global_index), 0) FROM domain_event_entry" 2>/dev/null || echo 0)
if [ "$stored" -lt "$EVENTS" ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
    ./mvnw -B -q -pl bench exec:java -Dexec.mainClass=com.ytrader.positionmanager.bench.HistorySeeder \
        -Devents="$EVENTS" -Dassets="$ASSETS" \
        -Dexec.args="--POSTGRES_DB=$DB --position-manager.ingest.enabled=false --position-manager.fanout.enabled=false --position-manager.aged.enabled=false" \
        | grep seeded
fi
