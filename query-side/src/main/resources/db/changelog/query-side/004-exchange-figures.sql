--liquibase formatted sql

-- The figures the events carry since issue 10, in the positions read model and in every timeline row (same names,
-- same meaning): the hedge legs' entry prices and realized PnL (average_entry_price of a hedge position with both legs
-- open is null), the exchange's own size, cumRealisedPnl and seq as last reported, the fees (in the settle currency,
-- and per other currency as a JSON object of decimal strings) and why the exchange closed the lifecycle. The read
-- models are emptied and the processor's token removed, so that it rebuilds every row with them from the first event.

--changeset position-manager:query-exchange-figures
TRUNCATE positions, position_orders, position_snapshots, position_timeline;
DELETE FROM token_entry WHERE processor_name = 'read-models';
ALTER TABLE positions
    ADD COLUMN long_entry_price      NUMERIC(38,18),
    ADD COLUMN short_entry_price     NUMERIC(38,18),
    ADD COLUMN long_realized_pnl     NUMERIC(38,18),
    ADD COLUMN short_realized_pnl    NUMERIC(38,18),
    ADD COLUMN exchange_size         NUMERIC(38,18),
    ADD COLUMN exchange_realized_pnl NUMERIC(38,18),
    ADD COLUMN exchange_seq          BIGINT,
    ADD COLUMN total_fees            NUMERIC(38,18) NOT NULL,
    ADD COLUMN fees_by_currency      JSONB          NOT NULL,
    ADD COLUMN close_reason          VARCHAR(16),
    ADD CONSTRAINT ck_positions_close_reason CHECK (close_reason IN ('liquidated', 'adl', 'delivered'));
ALTER TABLE position_timeline
    ADD COLUMN long_entry_price      NUMERIC(38,18),
    ADD COLUMN short_entry_price     NUMERIC(38,18),
    ADD COLUMN long_realized_pnl     NUMERIC(38,18),
    ADD COLUMN short_realized_pnl    NUMERIC(38,18),
    ADD COLUMN exchange_size         NUMERIC(38,18),
    ADD COLUMN exchange_realized_pnl NUMERIC(38,18),
    ADD COLUMN exchange_seq          BIGINT,
    ADD COLUMN total_fees            NUMERIC(38,18) NOT NULL,
    ADD COLUMN fees_by_currency      JSONB          NOT NULL,
    ADD COLUMN close_reason          VARCHAR(16),
    ADD CONSTRAINT ck_position_timeline_close_reason CHECK (close_reason IN ('liquidated', 'adl', 'delivered'));
