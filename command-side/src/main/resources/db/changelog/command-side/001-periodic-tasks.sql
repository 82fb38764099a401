--liquibase formatted sql

-- The command side's own bookkeeping (it never reads the query side's read models).

--changeset position-manager:command-open-positions
-- Which positions are open, kept by a streaming processor over the event store, so that periodic
-- snapshots and validations know what to visit.
CREATE TABLE command_open_positions (
    position_id VARCHAR(64) NOT NULL,
    asset       VARCHAR(30) NOT NULL,
    mode        VARCHAR(16) NOT NULL,
    CONSTRAINT pk_command_open_positions PRIMARY KEY (position_id)
);
