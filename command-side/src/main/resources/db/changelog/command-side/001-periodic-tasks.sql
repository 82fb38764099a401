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

--changeset position-manager:shedlock
-- ShedLock's table: scheduled work runs once per cluster, not once per instance.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
