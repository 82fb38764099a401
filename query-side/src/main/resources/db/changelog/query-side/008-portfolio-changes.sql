--liquibase formatted sql

--changeset position-manager:portfolio-changes splitStatements:false
-- What the portfolio needs to follow positions incrementally (query.portfolio.PortfolioLedger), whichever instance
-- writes them:
--   written_xid: the transaction that last wrote the row. A reader that remembers the oldest transaction still
--     running at its previous read (pg_snapshot_xmin) re-reads exactly the rows that may have changed since.
--   positions_resets: counts the deletes (a replay empties the table): rows that are gone cannot be re-read, so a
--     reader that sees the count move reads the whole table again.
--   NOTIFY positions_changed at the commit of any write, so that every instance's portfolio refreshes at once.
ALTER TABLE positions ADD COLUMN written_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX positions_written_xid ON positions (written_xid);

CREATE FUNCTION stamp_position_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.written_xid := pg_current_xact_id();
    RETURN NEW;
END $$;
CREATE TRIGGER positions_written BEFORE UPDATE ON positions
    FOR EACH ROW EXECUTE FUNCTION stamp_position_write();

CREATE TABLE positions_resets (
    id    SMALLINT PRIMARY KEY CHECK (id = 1),
    count BIGINT   NOT NULL
);
INSERT INTO positions_resets VALUES (1, 0);
CREATE FUNCTION count_positions_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE positions_resets SET count = count + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER positions_reset AFTER DELETE OR TRUNCATE ON positions
    FOR EACH STATEMENT EXECUTE FUNCTION count_positions_reset();

CREATE FUNCTION notify_positions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('positions_changed', '');
    RETURN NULL;
END $$;
CREATE TRIGGER positions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON positions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_positions_changed();
