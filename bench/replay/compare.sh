#!/usr/bin/env bash
# Replay rate of query-side builds on the same seeded database, alternated (A B A B ...: the machine is shared, so
# each round sees about the same noise): not a test. Usage: ROUNDS=2 bench/replay/compare.sh A.jar B.jar [C.jar ...]
# The database is seeded as bench/replay/run.sh does (EVENTS, default 1,000,000); the first start projects it once.
# Each run starts the jar in its own JVM, replays through POST /api/v1/admin/replay until it completes (indexes
# built), then reads: the rate the endpoint reports, CPU seconds of the JVM and of the PostgreSQL cluster (every
# process of the postmaster, exited ones through its cumulative children time) over the replay, WAL bytes written,
# and an md5 of every read-model table in primary-key order (equal digests: byte-identical read models; positions
# without written_xid, the transaction that wrote the row, which no replay reproduces).
# WARMUP=1 replays once unmeasured in each JVM before the measured replay (JIT compilation out of the figures).
# JAVA_OPTS are added to each JVM (e.g. a JFR recording, %s in it is replaced by the run's label).
set -euo pipefail
cd "$(dirname "$0")/../.."
JARS=("$@")
ROUNDS=${ROUNDS:-2}
DB=${BENCH_DB:-pm_bench_history}
EVENTS=${EVENTS:-1000000}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)
KEY=bench-admin-key
PORT=${POSITION_MANAGER_PORT:-4800}
TICKS=$(getconf CLK_TCK)
OUT=bench/replay/compare.log

bench/seed-history.sh "$DB" "$EVENTS" 100
EVENTS=$("${PSQL[@]}" -d "$DB" -c "SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")
POSTMASTER=$(head -1 "$("${PSQL[@]}" -d "$DB" -c "SHOW data_directory")/postmaster.pid")

cpu_of() { # utime + stime (+ cutime + cstime with $2 = all) of pid $1, in ticks
    awk -v all="${2:-}" '{ sub(/^.*\) /, ""); t = $12 + $13; if (all) t += $14 + $15; print t }' "/proc/$1/stat"
}
cluster_cpu() {
    local total
    total=$(cpu_of "$POSTMASTER" all)
    for child in $(ps --ppid "$POSTMASTER" -o pid=); do
        total=$(( total + $(cpu_of "$child" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}
digest() { "${PSQL[@]}" -d "$DB" -f bench/replay/digest.sql; }
progress() { curl -sf -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/admin/replay"; }

run() { # $1 jar, $2 label
    local opts=${JAVA_OPTS:-}
    POSTGRES_DB=$DB POSITION_MANAGER_ADMIN_API_KEY=$KEY POSITION_MANAGER_PORT=$PORT \
        java -Xmx1g ${opts//%s/$2} -jar "$1" > "bench/replay/query-side-$2.log" 2>&1 &
    local jvm=$!
    until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do sleep 1; done
    until [ "$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM position_timeline")" -ge "$EVENTS" ]; do sleep 2; done
    sleep 2
    local wal0 jvm0 pg0 wal1 jvm1 pg1 status
    if [ "${WARMUP:-0}" = 1 ]; then # one replay unmeasured first: the measured one runs on compiled code
        curl -sf -X POST -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/admin/replay" > /dev/null
        while status=$(progress); [[ $status == *'"status":"running"'* ]]; do sleep 1; done
    fi
    wal0=$("${PSQL[@]}" -d "$DB" -c "SELECT pg_current_wal_lsn()")
    jvm0=$(cpu_of $jvm) pg0=$(cluster_cpu)
    curl -sf -X POST -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/v1/admin/replay" > /dev/null
    while status=$(progress); [[ $status == *'"status":"running"'* ]]; do sleep 1; done
    jvm1=$(cpu_of $jvm) pg1=$(cluster_cpu)
    wal1=$("${PSQL[@]}" -d "$DB" -c "SELECT pg_current_wal_lsn()")
    local wal rss
    wal=$("${PSQL[@]}" -d "$DB" -c "SELECT pg_wal_lsn_diff('$wal1', '$wal0')")
    rss=$(grep VmHWM /proc/$jvm/status | awk '{print $2}')
    kill $jvm; wait $jvm || true
    python3 - "$2" "$status" "$EVENTS" "$(( jvm1 - jvm0 ))" "$(( pg1 - pg0 ))" "$TICKS" "$wal" "$rss" \
        "$(digest)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF' | tee -a "$OUT"
import json, sys
label, status, events, jvm, pg, ticks, wal, rss, digest, load = sys.argv[1:]
p = json.loads(status); events = int(events)
from datetime import datetime
s = (datetime.fromisoformat(p["finished_at"].replace("Z", "+00:00"))
     - datetime.fromisoformat(p["started_at"].replace("Z", "+00:00"))).total_seconds()
us = lambda t: int(t) / int(ticks) * 1e6 / events
print(f"{label}: {p['status']} {events} events in {s:.1f} s, {events / s:,.0f} events/s; CPU per event: JVM "
      f"{us(jvm):.0f} us, PostgreSQL {us(pg):.0f} us; WAL {int(float(wal)) / 1e6:,.0f} MB "
      f"({float(wal) / events:,.0f} B/event); peak RSS {int(rss) // 1024} MB; load {load}; {digest}")
EOF
}

LABELS=(A B C D E F)
echo "== $(date -u +%FT%TZ) $EVENTS events, $ROUNDS rounds of: $(for i in "${!JARS[@]}"; do
    printf '%s=%s ' "${LABELS[$i]}" "${JARS[$i]}"; done)" | tee -a "$OUT"
for round in $(seq 1 "$ROUNDS"); do
    for i in "${!JARS[@]}"; do
        run "${JARS[$i]}" "${LABELS[$i]}$round"
    done
done
