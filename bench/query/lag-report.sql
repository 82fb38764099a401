-- Lag of each probe fill: from its append (event time_stamp, just before its commit) to its positions row's
-- transaction (projected_at is the trigger's clock inside the projection's transaction, before its commit).
WITH lag AS (
    SELECT extract(epoch FROM (l.projected_at - e.time_stamp::timestamptz)) * 1000 AS ms
    FROM bench_lag l JOIN domain_event_entry e ON e.aggregate_identifier = l.position_key)
SELECT count(*) AS fills,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p50_ms,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p99_ms,
       round(max(ms)::numeric, 1) AS max_ms
FROM lag;
