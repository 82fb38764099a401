--liquibase formatted sql

-- The read models are projected by one processor, read-models (query.processing.ReadModels), instead of two
-- (positions, position-timeline): every event is read and deserialized once for all of them. position_timeline no
-- longer copies what the event store holds: the event's payload is read from domain_event_entry by global_index, and
-- a row's full figures from the event that carried them (figures_sequence). The read models are emptied and the old
-- processors' tokens removed, so the new processor rebuilds them all from the first event.

--changeset position-manager:query-one-read-model-processor
TRUNCATE positions, position_orders, position_snapshots, position_timeline;
DELETE FROM token_entry WHERE processor_name IN ('positions', 'position-timeline');
ALTER TABLE position_timeline DROP COLUMN payload, DROP COLUMN figures, ADD COLUMN figures_sequence BIGINT;
COMMENT ON COLUMN position_timeline.figures_sequence IS
    'sequence number of the event whose figures this row carries; null while the position had none';
