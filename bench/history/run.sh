#!/usr/bin/env bash
# The training batch of issue 5 (not a test): EVENTS events (default 1,000,000) over ASSETS positions (default 100)
# seeded by HistorySeeder into a scratch database (skipped when it already holds them), the query side in its own JVM
# projecting them (waited for until every processor has caught up), then ROWS training rows (CSV in, NDJSON out)
# timed with curl, RUNS times (default 3). Everything on 127.0.0.1; the query side listens on PORT (default 4800), its
# heap is HEAP (default 1g).
# Extra arguments go to the query side (Spring Boot settings).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-pm_bench_history}
PORT=${PORT:-4800}
EVENTS=${EVENTS:-1000000}
ASSETS=${ASSETS:-100}
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-1g}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
URL=http://127.0.0.1:$PORT

bench/seed-history.sh "$DB" "$EVENTS" "$ASSETS"
EVENTS=$("${PSQL[@]}" -d "$DB" -c "SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")
echo "events in the store: $EVENTS"

POSTGRES_DB=$DB POSITION_MANAGER_PORT=$PORT POSITION_MANAGER_API_KEY=bench-key \
    POSITION_MANAGER_API_RATE_LIMIT=1000000000 \
    java -Xmx"$HEAP" -jar query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar "$@" > bench/history/query-side.log 2>&1 &
QUERY_SIDE=$!
trap 'kill $QUERY_SIDE; wait $QUERY_SIDE || true' EXIT
until curl -sf "$URL/health" > /dev/null; do sleep 1; done
projected() {
    "${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM position_timeline" 2>/dev/null || echo 0
}
# every read model caught up (lag 0 on all processors), so that no projection competes with the batch for the CPU
caught_up() {
    curl -sf "$URL/actuator/prometheus" \
        | awk '/^position_manager_processor_lag_events/ { n++; if ($2 != "0.0") behind = 1 } END { exit (n == 0 || behind) }'
}
start=$(date +%s.%N)
until [ "$(projected)" -ge "$EVENTS" ] && caught_up; do sleep 2; done
echo "timeline: $(projected) rows, all processors caught up (waited $(echo "$(date +%s.%N) - $start" | bc) s)"

# ROWS requests: random positions of the seeded ones, random instants across the seeded span (fixed seed)
"${PSQL[@]}" -d "$DB" -c "SELECT setseed(0.5)" -c "COPY (
    WITH positions AS (SELECT array_agg(DISTINCT asset ORDER BY asset) AS assets FROM position_timeline),
         span AS (SELECT min(business_time) AS first, max(business_time) AS last FROM position_timeline)
    SELECT assets[1 + floor(random() * array_length(assets, 1))::int], 'one-way',
           to_char((first + random() * (last - first)) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')
    FROM positions, span, generate_series(1, $ROWS)) TO STDOUT WITH CSV" | grep -v "^$" > /tmp/training-rows.csv
echo "requests: $(wc -l < /tmp/training-rows.csv) rows, $(du -h /tmp/training-rows.csv | cut -f1)"

for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "run $run: %e s" curl -sf -X POST "$URL/api/v1/training/position-states?inclusive=false" \
        -H "X-API-Key: bench-key" -H "Content-Type: text/csv" --data-binary @/tmp/training-rows.csv \
        -o /tmp/training-states.ndjson
done
echo "answers: $(wc -l < /tmp/training-states.ndjson) rows, $(grep -c '"found":true' /tmp/training-states.ndjson) found"
echo "query side peak RSS: $(grep VmHWM /proc/$QUERY_SIDE/status | awk '{print $2, $3}')"
