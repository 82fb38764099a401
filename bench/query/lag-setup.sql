-- Lag probe (bench database only): the time each positions row first appears, next to its event's time.
CREATE SEQUENCE IF NOT EXISTS bench_lag_seq;
CREATE TABLE IF NOT EXISTS bench_lag (position_key text PRIMARY KEY, projected_at timestamptz NOT NULL);
CREATE OR REPLACE FUNCTION bench_record_projection() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.position_key LIKE 'LAG%' THEN
        INSERT INTO bench_lag VALUES (NEW.position_key, clock_timestamp()) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS bench_lag_probe ON positions;
CREATE TRIGGER bench_lag_probe AFTER INSERT ON positions FOR EACH ROW EXECUTE FUNCTION bench_record_projection();
