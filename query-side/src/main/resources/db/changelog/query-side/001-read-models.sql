--liquibase formatted sql

-- Read models of the query side, rebuilt from the event store by replay (PositionProjection truncates them on
-- reset). Money and quantities are NUMERIC(38,18): exact decimals, never floating point.

--changeset position-manager:query-positions
CREATE TABLE positions (
    id                  UUID           NOT NULL,
    position_key        VARCHAR(64)    NOT NULL,
    asset               VARCHAR(30)    NOT NULL,
    mode                VARCHAR(10)    NOT NULL,
    size                NUMERIC(38,18) NOT NULL,
    average_entry_price NUMERIC(38,18),
    current_price       NUMERIC(38,18),
    unrealized_pnl      NUMERIC(38,18) NOT NULL,
    realized_pnl        NUMERIC(38,18) NOT NULL,
    long_size           NUMERIC(38,18),
    short_size          NUMERIC(38,18),
    entry_notional      NUMERIC(38,18) NOT NULL,
    version             BIGINT         NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    opened_at           TIMESTAMPTZ,
    last_updated        TIMESTAMPTZ    NOT NULL,
    closed_at           TIMESTAMPTZ,
    last_snapshot_at    TIMESTAMPTZ,
    CONSTRAINT pk_positions PRIMARY KEY (id),
    CONSTRAINT uq_positions_position_key UNIQUE (position_key),
    CONSTRAINT ck_positions_mode CHECK (mode IN ('one-way', 'hedge'))
);
CREATE INDEX idx_positions_asset ON positions (asset);
CREATE INDEX idx_positions_mode ON positions (mode);
CREATE INDEX idx_positions_asset_mode ON positions (asset, mode);
CREATE INDEX idx_positions_current_price ON positions (current_price);
CREATE INDEX idx_positions_version ON positions (version);

--changeset position-manager:query-position-snapshots
CREATE TABLE position_snapshots (
    id            UUID        NOT NULL,
    position_id   UUID        NOT NULL,
    asset         VARCHAR(30) NOT NULL,
    mode          VARCHAR(10) NOT NULL,
    snapshot_data JSONB       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_position_snapshots PRIMARY KEY (id)
);
CREATE INDEX idx_position_snapshots_position_id ON position_snapshots (position_id);
CREATE INDEX idx_position_snapshots_created_at ON position_snapshots (created_at);
CREATE INDEX idx_position_snapshots_position_created ON position_snapshots (position_id, created_at DESC, id);

--changeset position-manager:query-position-orders
CREATE TABLE position_orders (
    id                UUID           NOT NULL,
    position_id       UUID           NOT NULL,
    order_id          VARCHAR(255),
    fill_id           VARCHAR(255)   NOT NULL,
    relationship_type VARCHAR(16)    NOT NULL,
    size_delta        NUMERIC(38,18) NOT NULL,
    execution_price   NUMERIC(38,18) NOT NULL,
    executed_at       TIMESTAMPTZ    NOT NULL,
    CONSTRAINT pk_position_orders PRIMARY KEY (id),
    CONSTRAINT uq_position_orders_fill UNIQUE (position_id, fill_id),
    CONSTRAINT ck_position_orders_relationship
        CHECK (relationship_type IN ('opened', 'increased', 'decreased', 'closed', 'reversed'))
);
CREATE INDEX idx_position_orders_position_id ON position_orders (position_id, executed_at);
CREATE INDEX idx_position_orders_order_id ON position_orders (order_id);
