--liquibase formatted sql

--changeset position-manager:command-aged-watch
-- The aged legs whose price is watched, and against which target, kept by a streaming processor over the aged
-- events: a ticker price becomes an event of the position only when it would make its saga act (README, "Aged
-- positions").
CREATE TABLE command_aged_watch (
    position_id  VARCHAR(64)     NOT NULL,
    position_idx SMALLINT        NOT NULL,
    asset        VARCHAR(30)     NOT NULL,
    mode         VARCHAR(16)     NOT NULL,
    phase        VARCHAR(30)     NOT NULL,
    is_long      BOOLEAN         NOT NULL,
    entry_price  NUMERIC(38, 18) NOT NULL,
    target_price NUMERIC(38, 18),
    CONSTRAINT pk_command_aged_watch PRIMARY KEY (position_id, position_idx)
);
CREATE INDEX command_aged_watch_asset ON command_aged_watch (asset);
