-- One event-shaped row per transaction: what one command costs PostgreSQL at the least.
\set aggregate random(1, 100)
\set sequence random(1, 1000000000)
INSERT INTO bench_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                         payload_type, payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'BENCH' || :aggregate || ':one-way', :sequence, 'Position',
        now()::text, 'com.ytrader.positionmanager.events.FillApplied', '1',
        convert_to(repeat('x', 600), 'UTF8'), convert_to(repeat('m', 200), 'UTF8'));
