#!/usr/bin/env bash
# Builds the command side and its modules into their target/ folders (no install: ~/.m2 is shared) and runs
# IngestBenchmark with the given arguments, e.g. bench/ingest/run.sh fills=20000 pgbench=10 rate=half
# JAVA_OPTS: JVM options, e.g. JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile"
# SKIP_BUILD=1 reuses the last build. POSTGRES_PORT / RABBITMQ_PORT: the infrastructure to measure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl command-side -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "command-side/target/test-classes:command-side/target/classes:$(cat command-side/target/cp.txt)" \
  com.ytrader.positionmanager.command.ingest.IngestBenchmark "$@"
