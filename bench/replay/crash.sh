#!/usr/bin/env bash
# SIGKILL in the middle of a replay, then a restart (not a test): the dropped indexes stay recorded, the next start
# builds them before its processors go on with the replay, and the result is the digest bench/replay/compare.sh prints.
# Usage: bench/replay/crash.sh QUERY-SIDE.jar, on the database bench/replay/compare.sh seeded (300,000 events).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=pm_bench_history; KEY=bench-admin-key; PORT=4810; JAR=$1
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt -d $DB)
idx() { "${PSQL[@]}" -c "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'idx_%' AND tablename = ANY ('{positions,position_orders,position_snapshots,position_timeline,aged_positions,aged_positions_history}')"; }
start() { POSTGRES_DB=$DB POSITION_MANAGER_ADMIN_API_KEY=$KEY POSITION_MANAGER_PORT=$PORT java -Xmx1g -jar $JAR >> bench/replay/query-side-crash.log 2>&1 & echo $!; }
echo "before: secondary indexes $(idx), recorded $("${PSQL[@]}" -c 'SELECT count(*) FROM read_model_deferred_indexes')"
pid=$(start)
until curl -sf http://127.0.0.1:$PORT/health > /dev/null; do sleep 1; done
curl -sf -X POST -H "X-API-Key: $KEY" http://127.0.0.1:$PORT/api/v1/admin/replay > /dev/null
until [ "$("${PSQL[@]}" -c 'SELECT count(*) FROM position_timeline')" -ge 60000 ]; do sleep 1; done
kill -9 $pid; wait $pid 2>/dev/null || true
echo "after SIGKILL at $("${PSQL[@]}" -c 'SELECT count(*) FROM position_timeline') timeline rows: secondary indexes $(idx), recorded: $("${PSQL[@]}" -c 'SELECT string_agg(index_name, $$,$$ ORDER BY index_name) FROM read_model_deferred_indexes')"
echo "tables readable: $("${PSQL[@]}" -c 'SELECT (SELECT count(*) FROM positions) || $$ positions, $$ || (SELECT count(*) FROM position_orders) || $$ links$$')"
t0=$(date +%s.%N)
pid=$(start)
until curl -sf http://127.0.0.1:$PORT/health > /dev/null; do sleep 1; done
echo "restarted ($(echo "$(date +%s.%N) - $t0" | bc) s to /health): secondary indexes $(idx), recorded $("${PSQL[@]}" -c 'SELECT count(*) FROM read_model_deferred_indexes')"
grep "Index .* built" bench/replay/query-side-crash.log | tail -20 | sed 's/.*DeferredIndexes *: //'
until [ "$("${PSQL[@]}" -c 'SELECT count(*) FROM position_timeline')" -ge "$("${PSQL[@]}" -c "SELECT max(global_index) FROM domain_event_entry")" ]; do sleep 2; done
sleep 3
"${PSQL[@]}" -f bench/replay/digest.sql
kill $pid; wait $pid 2>/dev/null || true
