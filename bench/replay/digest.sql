-- An md5 of every read-model table in primary-key order, on one line: equal digests, byte-identical read models.
-- positions without written_xid, the transaction that wrote the row, which no replay reproduces.
SELECT string_agg(d, ' ') FROM (
    SELECT 'positions:' || md5(string_agg((to_jsonb(t) - 'written_xid')::text, E'\n' ORDER BY id)) d
        FROM positions t UNION ALL
    SELECT 'orders:' || md5(string_agg(t::text, E'\n' ORDER BY id)) FROM position_orders t UNION ALL
    SELECT 'snapshots:' || md5(COALESCE(string_agg(t::text, E'\n' ORDER BY id), '')) FROM position_snapshots t
    UNION ALL SELECT 'timeline:' || md5(string_agg(t::text, E'\n' ORDER BY position_id, sequence_number))
        FROM position_timeline t) x;
