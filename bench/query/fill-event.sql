-- One FillApplied event as the command side stores it (Axon JacksonSerializer JSON in bytea), for a one-way
-- position :asset opened by buying :qty at :price, whose figures already carry the mark price :mark.
-- Used by seed.sql and lag.pgbench through the function below.
CREATE OR REPLACE FUNCTION bench_fill_event(asset text, seq bigint, qty numeric, price numeric, mark numeric)
RETURNS void LANGUAGE sql AS $$
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
SELECT asset || ':one-way', seq, 'Position', gen_random_uuid()::text,
       convert_to('{"source":"order_execution","trace_id":"bench"}', 'UTF8'),
       convert_to(format(
           '{"positionId":"%1$s:one-way","asset":"%1$s","mode":"one-way","positionIdx":0,"fillId":"%1$s-%2$s",'
           '"orderId":"order-%1$s-%2$s","side":"Buy","quantity":%3$s,"price":%4$s,"fee":0,"executedAt":"%6$s",'
           '"relationship":"opened","sizeDelta":%3$s,"realizedPnl":0,"position":{"legs":[{"positionIdx":0,'
           '"size":%3$s,"averageEntryPrice":%4$s,"unrealizedPnl":%7$s,"realizedPnl":0}],"currentPrice":%5$s,'
           '"totalFees":0,"fillCount":1,"lifecycle":{"number":1,"openedAt":"%6$s","closedAt":null,"peakSize":%3$s,'
           '"exitQuantity":0,"exitNotional":0,"realizedPnl":0,"fees":0,"fillCount":1}}}',
           asset, seq, qty, price, mark, now_iso, (mark - price) * qty), 'UTF8'),
       '1', 'com.ytrader.positionmanager.events.FillApplied', now_iso
FROM (SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now_iso) t;
$$;
