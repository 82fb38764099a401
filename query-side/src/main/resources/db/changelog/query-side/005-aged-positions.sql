--liquibase formatted sql

-- The aged positions (query.aged.AgedPositionProjection; truncated on reset and rebuilt by replay): one row per aged
-- entry, i.e. per leg and lifecycle of a position that outlived the maximum age, keyed by the aged_id its events
-- carry, and one history row per event of that entry. Decimals are NUMERIC(38,18) like every read model's: exact,
-- and wide enough for whatever the events carry. Times are the events' business times, except created_at and
-- updated_at: when the first and the last event of the entry were recorded (so that a replay writes the same rows).

--changeset position-manager:query-aged-positions
CREATE TABLE aged_positions (
    aged_id                        UUID           NOT NULL,
    position_id                    VARCHAR(64)    NOT NULL,
    asset                          VARCHAR(30)    NOT NULL,
    mode                           VARCHAR(10)    NOT NULL,
    position_idx                   INTEGER        NOT NULL,
    lifecycle                      INTEGER        NOT NULL,
    side                           VARCHAR(4),
    entry_price                    NUMERIC(38,18),
    status                         VARCHAR(30)    NOT NULL,
    status_since                   TIMESTAMPTZ    NOT NULL,
    detected_at                    TIMESTAMPTZ    NOT NULL,
    grace_started_at               TIMESTAMPTZ,
    progressive_started_at         TIMESTAMPTZ,
    closed_at                      TIMESTAMPTZ,
    target_price                   NUMERIC(38,18),
    current_loss_tolerance_percent NUMERIC(38,18),
    breakeven_price                NUMERIC(38,18),
    close_attempts                 INTEGER        NOT NULL,
    last_request_id                VARCHAR(255),
    hours_in_grace                 NUMERIC(38,18),
    hours_in_progressive           NUMERIC(38,18),
    close_price                    NUMERIC(38,18),
    actual_pnl_percent             NUMERIC(38,18),
    close_reason                   VARCHAR(20),
    last_sequence_number           BIGINT         NOT NULL,
    created_at                     TIMESTAMPTZ    NOT NULL,
    updated_at                     TIMESTAMPTZ    NOT NULL,
    CONSTRAINT pk_aged_positions PRIMARY KEY (aged_id),
    CONSTRAINT ck_aged_positions_mode CHECK (mode IN ('one-way', 'hedge')),
    CONSTRAINT ck_aged_positions_side CHECK (side IN ('Buy', 'Sell')),
    CONSTRAINT ck_aged_positions_status CHECK (status IN ('detected', 'grace_pending', 'grace_active',
        'progressive_active', 'closed', 'error')),
    CONSTRAINT ck_aged_positions_close_reason CHECK (close_reason IN ('aged_profit', 'aged_breakeven',
        'aged_progressive', 'aged_max_loss'))
);
CREATE INDEX idx_aged_positions_status ON aged_positions (status);
-- the latest entry of a position, and the list newest first
CREATE INDEX idx_aged_positions_position ON aged_positions (asset, mode, detected_at DESC);
CREATE INDEX idx_aged_positions_detected ON aged_positions (detected_at DESC);

--changeset position-manager:query-aged-positions-history
CREATE TABLE aged_positions_history (
    aged_id           UUID           NOT NULL,
    sequence_number   BIGINT         NOT NULL,
    event_type        VARCHAR(64)    NOT NULL,
    from_status       VARCHAR(30),
    to_status         VARCHAR(30)    NOT NULL,
    current_price     NUMERIC(38,18),
    target_price      NUMERIC(38,18),
    loss_tolerance    NUMERIC(38,18),
    transition_reason VARCHAR(255),
    request_id        VARCHAR(255),
    attempt           INTEGER,
    transitioned_at   TIMESTAMPTZ    NOT NULL,
    -- the sequence number of the position's event: an event redelivered finds its row and adds none
    CONSTRAINT pk_aged_positions_history PRIMARY KEY (aged_id, sequence_number)
);
