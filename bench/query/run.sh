#!/usr/bin/env bash
# Query-side benchmark: 10,000 positions, wrk against three endpoints beside pgbench reading the same rows (the raw
# limit), then the fill-to-read-model lag at LAG_RATE fills/s (default 1,000) appended by another process (pgbench),
# the query side in its own JVM. JAVA_OPTS go to the query side (a JFR recording, say). Local only.
set -euo pipefail
cd "$(dirname "$0")"
DB=${BENCH_DB:-pm_bench}
LAG_RATE=${LAG_RATE:-1000}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
JAR=${QUERY_SIDE_JAR:-../../query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar}

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
POSTGRES_DB=$DB POSITION_MANAGER_API_KEY=bench-key POSITION_MANAGER_API_RATE_LIMIT=1000000000 \
    java ${JAVA_OPTS:-} -Xmx512m -jar "$JAR" > query-side.log 2>&1 &
QUERY_SIDE=$!
trap 'kill $QUERY_SIDE; wait $QUERY_SIDE || true' EXIT
until curl -sf http://127.0.0.1:4800/health > /dev/null; do sleep 1; done
# CPU seconds used so far by the query side's JVM and by the database's backends (the two sides of each request)
jvm_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$QUERY_SIDE/stat"; }
db_cpu() {
    ps -eo times,args | awk -v db=" $DB " 'index($0, "postgres:") && index($0, db) {s += $1} END {print s + 0}'
}

"${PSQL[@]}" -d "$DB" -f fill-event.sql -f lag-setup.sql
start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" -f seed.sql > /dev/null
until [ "$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM positions")" -ge 10000 ]; do sleep 0.2; done
echo "seeded and projected 10,000 positions in $(echo "$(date +%s.%N) - $start" | bc) s"
# the integration-events processor publishes the 10,000 changes too: let it finish before measuring reads
until [ "$("${PSQL[@]}" -d "$DB" -Atc "SELECT bool_and((convert_from(token, 'UTF8')::json->>'index')::bigint
        >= (SELECT max(global_index) FROM domain_event_entry)) FROM token_entry")" = "t" ]; do sleep 0.5; done
echo "integration events published after $(echo "$(date +%s.%N) - $start" | bc) s"

wrk -t2 -c8 -d"${WARMUP:-15s}" -s random-asset.lua http://127.0.0.1:4800 > /dev/null   # warm-up (JIT)
echo "== raw limit: pgbench, the same point lookup, 8 clients"
raw=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 8 -j 2 -T 30 -f point-lookup.pgbench "$DB" \
    | awk '/^tps/ {print $3}')
echo "point lookups/s: $raw"
echo "== GET /api/v1/positions/{asset}"
jvm_before=$(jvm_cpu); db_before=$(db_cpu)
wrk -t2 -c8 -d30s --latency -s random-asset.lua http://127.0.0.1:4800 | tee wrk-position.out
jvm_after=$(jvm_cpu); db_after=$(db_cpu)
served=$(awk '/^Requests\/sec/ {print $2}' wrk-position.out)
requests=$(awk '/requests in/ {print $1}' wrk-position.out)
rm -f wrk-position.out
echo "ratio GET /positions/{asset} / raw point lookup: $(echo "scale=2; $served / $raw" | bc)"
echo "CPU per request: query side $(echo "scale=1; ($jvm_after - $jvm_before) * 1000000 / $requests" | bc) us," \
    "database backends $(echo "scale=1; ($db_after - $db_before) * 1000000 / $requests" | bc) us"
echo "== GET /api/v1/portfolio"
wrk -t2 -c8 -d30s --latency -H "X-API-Key: bench-key" http://127.0.0.1:4800/api/v1/portfolio
echo "== GET /api/v1/portfolio, Accept-Encoding: gzip"
wrk -t2 -c8 -d30s --latency -H "X-API-Key: bench-key" -H "Accept-Encoding: gzip" \
    http://127.0.0.1:4800/api/v1/portfolio
echo "== GET /api/v1/portfolio/exposure"
wrk -t2 -c8 -d30s --latency -H "X-API-Key: bench-key" http://127.0.0.1:4800/api/v1/portfolio/exposure

echo "== lag at $LAG_RATE fills/s for 30 s"
pgbench -h 127.0.0.1 -U postgres -n -c 4 -j 2 -R "$LAG_RATE" -T 30 -f lag.pgbench "$DB" | grep -E "tps|latency average"
sleep 2
"${PSQL[@]}" -d "$DB" -f lag-report.sql
