#!/usr/bin/env bash
# The training batch of issue 5 at a size this machine seeds in minutes (not a test): N fills over 100 positions
# through the real command path into a scratch database, the query side in its own JVM projecting them into
# position_timeline, then ROWS training rows (CSV in, NDJSON out) timed with curl. Everything on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-pm_bench_history}
FILLS=${FILLS:-100000}
ROWS=${ROWS:-1000000}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
./mvnw -B -q -pl bench exec:java -Dexec.mainClass=com.ytrader.positionmanager.bench.CommandPathBenchmark \
    -Dfills="$FILLS" -Dassets=100 -Dexec.args="--POSTGRES_DB=$DB --position-manager.ingest.enabled=false --position-manager.fanout.enabled=false" \
    | grep "command path"
EVENTS=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM domain_event_entry")
echo "seeded $EVENTS events"

POSTGRES_DB=$DB POSITION_MANAGER_API_KEY=bench-key POSITION_MANAGER_API_RATE_LIMIT=1000000000 \
    java -Xmx1g -jar query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar > bench/history/query-side.log 2>&1 &
QUERY_SIDE=$!
trap 'kill $QUERY_SIDE; wait $QUERY_SIDE || true' EXIT
until curl -sf http://127.0.0.1:4800/health > /dev/null; do sleep 1; done
start=$(date +%s.%N)
until [ "$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM position_timeline" 2>/dev/null || echo 0)" -ge "$EVENTS" ]; do
    sleep 1
done
echo "timeline projected $EVENTS events in $(echo "$(date +%s.%N) - $start" | bc) s"

# ROWS requests: random positions of the seeded ones, random instants across the seeded span
"${PSQL[@]}" -d "$DB" -c "COPY (
    WITH positions AS (SELECT array_agg(DISTINCT asset) AS assets FROM position_timeline),
         span AS (SELECT min(business_time) AS first, max(business_time) AS last FROM position_timeline)
    SELECT assets[1 + floor(random() * array_length(assets, 1))::int], 'one-way',
           to_char((first + random() * (last - first)) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')
    FROM positions, span, generate_series(1, $ROWS)) TO STDOUT WITH CSV" > /tmp/training-rows.csv
echo "requests: $(wc -l < /tmp/training-rows.csv) rows, $(du -h /tmp/training-rows.csv | cut -f1)"

/usr/bin/time -f "curl: %e s" curl -sf -X POST "http://127.0.0.1:4800/api/v1/training/position-states?inclusive=false" \
    -H "X-API-Key: bench-key" -H "Content-Type: text/csv" --data-binary @/tmp/training-rows.csv \
    -o /tmp/training-states.ndjson
echo "answers: $(wc -l < /tmp/training-states.ndjson) rows"
echo "query side peak RSS: $(grep VmHWM /proc/$QUERY_SIDE/status | awk '{print $2, $3}')"
