--liquibase formatted sql

-- The history of every position, one row per event (query.history.TimelineProjection; truncated on reset and
-- rebuilt by replay). Each row holds the whole position after its event, so a point-in-time read is one row.
-- effective_time and known_time are running maxima of the business and recorded times over the position's events
-- 1..n: both never decrease with sequence_number, so "effective_time <= T AND known_time <= K" selects a prefix of
-- the position's events and nothing after T or recorded after K can leak into the state at (T, K).

--changeset position-manager:query-position-timeline
CREATE TABLE position_timeline (
    position_id         VARCHAR(64)    NOT NULL,
    sequence_number     BIGINT         NOT NULL,
    asset               VARCHAR(30)    NOT NULL,
    mode                VARCHAR(10)    NOT NULL,
    global_index        BIGINT         NOT NULL,
    event_type          VARCHAR(64)    NOT NULL,
    event_identifier    VARCHAR(255)   NOT NULL,
    business_time       TIMESTAMPTZ    NOT NULL,
    effective_time      TIMESTAMPTZ    NOT NULL,
    recorded_time       TIMESTAMPTZ    NOT NULL,
    known_time          TIMESTAMPTZ    NOT NULL,
    source              VARCHAR(32),
    trace_id            VARCHAR(255),
    message_id          VARCHAR(255),
    fill_id             VARCHAR(255),
    order_id            VARCHAR(255),
    payload             JSONB          NOT NULL,
    figures             JSONB          NOT NULL,
    -- the positions read model's row as it stood after this event (same columns, same meaning)
    size                NUMERIC(38,18) NOT NULL,
    average_entry_price NUMERIC(38,18),
    current_price       NUMERIC(38,18),
    unrealized_pnl      NUMERIC(38,18) NOT NULL,
    realized_pnl        NUMERIC(38,18) NOT NULL,
    long_size           NUMERIC(38,18),
    short_size          NUMERIC(38,18),
    entry_notional      NUMERIC(38,18) NOT NULL,
    version             BIGINT,
    created_at          TIMESTAMPTZ,
    opened_at           TIMESTAMPTZ,
    last_updated        TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    last_snapshot_at    TIMESTAMPTZ,
    hash                CHAR(64)       NOT NULL,
    previous_hash       CHAR(64),
    CONSTRAINT pk_position_timeline PRIMARY KEY (position_id, sequence_number),
    CONSTRAINT ck_position_timeline_mode CHECK (mode IN ('one-way', 'hedge'))
);
-- as-of of one position: the last row with effective_time <= T (backwards index scan)
CREATE INDEX idx_position_timeline_effective ON position_timeline (position_id, effective_time, sequence_number);
-- the training batch: one ordered pass over all positions by effective time
CREATE INDEX idx_position_timeline_merge ON position_timeline (effective_time, position_id, sequence_number);
-- the audit trail filters on business time
CREATE INDEX idx_position_timeline_business ON position_timeline (position_id, business_time);
