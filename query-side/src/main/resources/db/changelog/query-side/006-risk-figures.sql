--liquibase formatted sql

-- Where the mark price came from and when it was quoted, and the risk figures of the open leg (README, "Prices and
-- risk figures"), in the positions read model and in every timeline row (same names, same meaning). Events stored
-- before them carry none: the rows are not rebuilt, and show them from the position's next event on.

--changeset position-manager:query-risk-figures
ALTER TABLE positions
    ADD COLUMN price_source              VARCHAR(16),
    ADD COLUMN price_updated_at          TIMESTAMPTZ,
    ADD COLUMN break_even_price          NUMERIC(38,18),
    ADD COLUMN exchange_break_even_price NUMERIC(38,18),
    ADD COLUMN leverage                  NUMERIC(38,18),
    ADD COLUMN liq_price                 NUMERIC(38,18),
    ADD COLUMN liq_price_estimated       BOOLEAN,
    ADD COLUMN position_value            NUMERIC(38,18),
    ADD COLUMN position_status           VARCHAR(8),
    ADD COLUMN liquidation_distance_pct  NUMERIC(38,18),
    ADD CONSTRAINT ck_positions_price_source CHECK (price_source IN ('websocket', 'rest'));
ALTER TABLE position_timeline
    ADD COLUMN price_source              VARCHAR(16),
    ADD COLUMN price_updated_at          TIMESTAMPTZ,
    ADD COLUMN break_even_price          NUMERIC(38,18),
    ADD COLUMN exchange_break_even_price NUMERIC(38,18),
    ADD COLUMN leverage                  NUMERIC(38,18),
    ADD COLUMN liq_price                 NUMERIC(38,18),
    ADD COLUMN liq_price_estimated       BOOLEAN,
    ADD COLUMN position_value            NUMERIC(38,18),
    ADD COLUMN position_status           VARCHAR(8),
    ADD COLUMN liquidation_distance_pct  NUMERIC(38,18),
    ADD CONSTRAINT ck_position_timeline_price_source CHECK (price_source IN ('websocket', 'rest'));
