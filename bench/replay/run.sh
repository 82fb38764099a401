#!/usr/bin/env bash
# Replay rate of issue 5 (not a test): EVENTS events (default 1,000,000) over 100 positions written through the
# batched command path into a scratch database (skipped when it already holds them), the query side in its own JVM
# projecting them once, then POST /api/v1/admin/replay rebuilding positions and position_timeline from the first
# event, its progress polled until it completes. Extra arguments go to the query side (Spring Boot settings).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-pm_bench_history}
EVENTS=${EVENTS:-1000000}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
KEY=bench-admin-key

bench/seed-history.sh "$DB" "$EVENTS" 100
EVENTS=$("${PSQL[@]}" -d "$DB" -c "SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")

POSTGRES_DB=$DB POSITION_MANAGER_ADMIN_API_KEY=$KEY \
    java -Xmx1g -jar query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar "$@" > bench/replay/query-side.log 2>&1 &
QUERY_SIDE=$!
trap 'kill $QUERY_SIDE; wait $QUERY_SIDE || true' EXIT
until curl -sf http://127.0.0.1:4800/health > /dev/null; do sleep 1; done
projected() {
    "${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM position_timeline" 2>/dev/null || echo 0
}
until [ "$(projected)" -ge "$EVENTS" ]; do sleep 2; done
echo "first projection done: $(projected) timeline rows"

curl -sf -X POST -H "X-API-Key: $KEY" http://127.0.0.1:4800/api/v1/admin/replay > /dev/null
while true; do
    sleep 5
    progress=$(curl -sf -H "X-API-Key: $KEY" http://127.0.0.1:4800/api/v1/admin/replay)
    echo "$progress"
    case "$progress" in *'"status":"running"'*) ;; *) break ;; esac
done
echo "query side peak RSS: $(grep VmHWM /proc/$QUERY_SIDE/status | awk '{print $2, $3}')"
