--liquibase formatted sql

--changeset position-manager:event-notifications splitStatements:false
-- Every commit that appends events sends NOTIFY domain_events (no payload: one per transaction, however many
-- statements), so that the query side's processors, in other JVMs, fetch at once instead of polling
-- (docs/several-instances.md, "Waking the processors"). Whoever appends, the trigger notifies: the command side, a
-- second instance, a bench writing SQL.
CREATE FUNCTION notify_domain_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('domain_events', '');
    RETURN NULL;
END $$;
CREATE TRIGGER domain_events_appended AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_domain_events();
