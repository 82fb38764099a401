-- 10,000 one-way positions BENCH00001..BENCH10000, one FillApplied each, straight into the event store.
SELECT bench_fill_event('BENCH' || lpad(i::text, 5, '0'), 0, (1 + i % 7)::numeric, (100 + i % 500)::numeric,
                        (101 + i % 499)::numeric)
FROM generate_series(1, 10000) AS i;
