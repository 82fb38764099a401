#!/usr/bin/env bash
# Issue 15's fault suite, reduced and bounded (not a test): FILLS executions (default 20,000) over ASSETS positions
# (default 20) with flips, fees, funding, 10 % redeliveries and 1 % poison, published to order-manager.order_executed
# at RATE messages/s (default 2,000), with exchange reports on ws-gateway.position racing them (one per REPORT_EVERY
# executions of an asset, default 10, exact at their seq, some published before executions they cover). They go into
# INSTANCES command-side instances (default 3, each a JVM of 384 MB) with PARTITIONS partitions (default 8), of which
# one in turn is SIGKILLed and restarted KILLS times (default 2), and into QUERY_INSTANCES query-side instances
# (default 2, 512 MB each), the first SIGKILLed and restarted QUERY_KILLS times (default 2, each after a
# command-side kill).
# PostgreSQL is restarted once after the first kill when POSTGRES_RESTART is set (a shell command that restarts the
# server the suite is pointed at, e.g. "pg_ctlcluster --skip-systemctl-redirect 15 main restart") and RabbitMQ once
# after the second when RABBITMQ_RESTART is (e.g. "rabbitmqctl stop_app && rabbitmqctl start_app").
# The instances are started all at once. Checks every position, in the event store and in the positions read model,
# against the suite's own arithmetic; every execution exactly once in the event store, position_orders (fills) and the
# audit trail (position_timeline); no position corrected; the dead-letter queues holding exactly the poison. Prints
# throughput under faults and the recovery after each fault.
# Loopback only; PostgreSQL and RabbitMQ from POSTGRES_HOST/PORT and RABBITMQ_HOST/PORT (default 127.0.0.1:5432 and
# :5672), database POSTGRES_DB (default pm_bench_faults, created when missing). Instance logs: bench/faults/*.log.
# Last, it dumps this run's read-model rows, replays them (POST /api/v1/admin/replay on the query side never killed,
# the other stopped first) and compares the dumps byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
# built in this reactor (target/ only), never installed into the local repository
./mvnw -B -o -q -pl command-side,query-side,bench -am -DskipTests package
rm -f bench/faults/instance-*.log bench/faults/query-instance-*.log
export COMMAND_SIDE_JAR=$PWD/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar
export QUERY_SIDE_JAR=$PWD/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar
# the suite runs on the command side's jar (its drivers and clients) with bench's classes added
exec java -Xmx512m -cp "$COMMAND_SIDE_JAR" -Dloader.path=bench/target/classes \
    -Dloader.main=com.ytrader.positionmanager.bench.FaultSuite org.springframework.boot.loader.launch.PropertiesLauncher
